package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.Reverter;

/**
 * The Kubernetes clusters of an environment file, by name: one {@link KubernetesBackend} each, and
 * the injectors, probe runners and reverter that send each target, probe and ledger record to its
 * own cluster. A target or probe names its cluster with {@code cluster:}; it may leave it out only
 * when there is one. Close it to close the clients.
 */
public final class KubernetesClusters implements AutoCloseable {
  /** One cluster: its name in the environment file, its client and the namespaces it allows. */
  public record Cluster(String name, KubernetesClient client, Set<String> namespaces) {
    public Cluster {
      namespaces = Set.copyOf(namespaces);
    }
  }

  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, KubernetesBackend> backends = new LinkedHashMap<>();
  private final Clock clock;

  private KubernetesClusters(List<Cluster> clusters, Clock clock, Random random) {
    this.clock = clock;
    for (Cluster c : clusters) {
      if (this.clusters.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("the cluster " + c.name() + " is named twice");
      }
      backends.put(
          c.name(), new KubernetesBackend(c.name(), c.client(), clock, random, c.namespaces()));
    }
  }

  /**
   * The clusters, at least one.
   *
   * @throws IllegalArgumentException when there is none, or two share a name
   */
  public static KubernetesClusters of(List<Cluster> clusters, Clock clock) {
    if (clusters.isEmpty()) {
      throw new IllegalArgumentException("no Kubernetes cluster");
    }
    return new KubernetesClusters(clusters, clock, new Random());
  }

  /** The clusters' names, in the order of the environment file. */
  public Set<String> names() {
    return Set.copyOf(clusters.keySet());
  }

  /**
   * An injector for every Kubernetes fault kind: the cluster's own with one cluster, else one that
   * passes each target to the injector of the cluster it names.
   */
  public List<FaultInjector<?>> injectors() {
    if (backends.size() == 1) {
      return backends.values().iterator().next().injectors();
    }
    Map<Class<?>, Map<String, FaultInjector<?>>> byKind = new LinkedHashMap<>();
    backends.forEach(
        (name, backend) ->
            backend
                .injectors()
                .forEach(
                    i ->
                        byKind
                            .computeIfAbsent(i.faultType(), k -> new LinkedHashMap<>())
                            .put(name, i)));
    List<FaultInjector<?>> routed = new ArrayList<>();
    byKind.values().forEach(perCluster -> routed.add(routedInjector(perCluster)));
    return routed;
  }

  /**
   * A runner for every Kubernetes probe kind: the cluster's own with one cluster, else one that
   * asks the cluster the probe names.
   */
  public List<ProbeRunner<?>> probes() {
    if (clusters.size() == 1) {
      return KubernetesBackend.probes(clusters.values().iterator().next().client(), clock);
    }
    Map<Class<?>, Map<String, ProbeRunner<?>>> byKind = new LinkedHashMap<>();
    clusters.forEach(
        (name, c) ->
            KubernetesBackend.probes(c.client(), clock)
                .forEach(
                    r ->
                        byKind
                            .computeIfAbsent(r.probeType(), k -> new LinkedHashMap<>())
                            .put(name, r)));
    List<ProbeRunner<?>> routed = new ArrayList<>();
    byKind.values().forEach(perCluster -> routed.add(routedRunner(perCluster)));
    return routed;
  }

  /**
   * The reverter of Kubernetes ledger records: each goes to the cluster whose API server made it
   * (records keep the server's URL).
   */
  public Reverter reverter() {
    return new ClusterRoutes.RoutedReverter(urls());
  }

  /**
   * The reverter of Kubernetes ledger records through the clusters {@code connect} makes, only once
   * a record needs them; closing the reverter closes them.
   */
  public static Reverter connectingOnFirstRecord(Supplier<KubernetesClusters> connect) {
    return new ClusterRoutes.LazyReverter(connect);
  }

  /** Each cluster's reverter by its API server's URL. */
  private Map<String, KubernetesReverter> urls() {
    Map<String, KubernetesReverter> byUrl = new LinkedHashMap<>();
    clusters
        .values()
        .forEach(
            c ->
                byUrl.put(
                    KubernetesClients.cluster(c.client()), new KubernetesReverter(c.client())));
    return byUrl;
  }

  @SuppressWarnings("unchecked")
  private <F extends FaultSpec> FaultInjector<F> routedInjector(
      Map<String, FaultInjector<?>> perCluster) {
    Map<String, FaultInjector<F>> typed = new LinkedHashMap<>();
    perCluster.forEach((name, i) -> typed.put(name, (FaultInjector<F>) i));
    return new ClusterRoutes.RoutedInjector<>(typed);
  }

  @SuppressWarnings("unchecked")
  private <P extends ProbeSpec> ProbeRunner<P> routedRunner(
      Map<String, ProbeRunner<?>> perCluster) {
    Map<String, ProbeRunner<P>> typed = new LinkedHashMap<>();
    perCluster.forEach((name, r) -> typed.put(name, (ProbeRunner<P>) r));
    return new ClusterRoutes.RoutedRunner<>(typed);
  }

  @Override
  public void close() {
    clusters.values().forEach(c -> c.client().close());
  }
}
