package org.daysofchaos.agents.kubernetes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Lag;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Reverter;
import org.daysofchaos.core.spi.TargetKinds;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.OnCluster;

/**
 * The injector, probe runner and reverter of {@link KubernetesClusters} with several clusters: each
 * hands its work to the one of the cluster named, and refuses what names none or an unknown one.
 */
final class ClusterRoutes {
  private ClusterRoutes() {}

  /**
   * What is wrong with where something is, or null: a cluster must be named when there are several,
   * and must be one of them.
   */
  static String problem(Map<String, ?> byCluster, OnCluster where) {
    if (where.cluster().isEmpty()) {
      return "the environment names several Kubernetes clusters ("
          + String.join(", ", byCluster.keySet())
          + "); say which with cluster:";
    }
    if (!byCluster.containsKey(where.cluster().get())) {
      return "the environment names no Kubernetes cluster '"
          + where.cluster().get()
          + "' (it names "
          + String.join(", ", byCluster.keySet())
          + ")";
    }
    return null;
  }

  /** One fault kind on several clusters. */
  record RoutedInjector<F extends FaultSpec>(Map<String, FaultInjector<F>> byCluster)
      implements FaultInjector<F> {
    @Override
    public Class<F> faultType() {
      return byCluster.values().iterator().next().faultType();
    }

    @Override
    public Injection inject(F fault, Target target, InjectionContext context) throws Exception {
      return of(target).inject(fault, target, context);
    }

    @Override
    public String inspect(Target target) throws Exception {
      return of(target).inspect(target);
    }

    @Override
    public RevertRecord plannedRecord(F fault, Target target, InjectionContext context) {
      return of(target).plannedRecord(fault, target, context);
    }

    private FaultInjector<F> of(Target target) {
      KubernetesTarget where = TargetKinds.require(target, KubernetesTarget.class);
      String problem = problem(byCluster, where);
      if (problem != null) {
        throw new TargetRefusedException("target " + target.name() + ": " + problem);
      }
      return byCluster.get(where.cluster().get());
    }
  }

  /** One probe kind on several clusters; a probe that names no known cluster cannot be measured. */
  record RoutedRunner<P extends ProbeSpec>(Map<String, ProbeRunner<P>> byCluster)
      implements ProbeRunner<P> {
    @Override
    public Class<P> probeType() {
      return byCluster.values().iterator().next().probeType();
    }

    @Override
    public Observation observe(P probe) throws Exception {
      return of(probe).observe(probe);
    }

    @Override
    public Lag lag(P probe, Duration interval, Lag.Change change) {
      return of(probe).lag(probe, interval, change);
    }

    private ProbeRunner<P> of(P probe) {
      if (!(probe instanceof OnCluster where)) {
        return byCluster.values().iterator().next();
      }
      String problem = problem(byCluster, where);
      if (problem != null) {
        throw new IllegalArgumentException(probe.describe() + ": " + problem);
      }
      return byCluster.get(where.cluster().get());
    }
  }

  /** Kubernetes ledger records, each reverted on the cluster whose API server URL it keeps. */
  record RoutedReverter(Map<String, KubernetesReverter> byUrl) implements Reverter {
    @Override
    public String backend() {
      return KubernetesReverter.BACKEND;
    }

    @Override
    public void revert(RevertRecord record) {
      String url = Optional.ofNullable(record.data().get(Mark.CLUSTER)).orElse("");
      KubernetesReverter reverter = byUrl.get(url);
      if (reverter == null) {
        // A pod kill leaves nothing to revert on whichever cluster; any other kind made on a
        // cluster that is not this one is refused by the reverter, naming both addresses.
        reverter = byUrl.values().iterator().next();
      }
      reverter.revert(record);
    }
  }

  /**
   * A reverter that connects to the clusters only when a Kubernetes record needs them (a crash
   * recovery with no Kubernetes fault left never reads a kubeconfig), and closes them when closed.
   */
  static final class LazyReverter implements Reverter, AutoCloseable {
    private final Supplier<KubernetesClusters> connect;
    private KubernetesClusters clusters;
    private Reverter reverter;

    LazyReverter(Supplier<KubernetesClusters> connect) {
      this.connect = connect;
    }

    @Override
    public String backend() {
      return KubernetesReverter.BACKEND;
    }

    @Override
    public synchronized void revert(RevertRecord record) throws Exception {
      if (reverter == null) {
        clusters = connect.get();
        reverter = clusters.reverter();
      }
      reverter.revert(record);
    }

    @Override
    public synchronized void close() {
      if (clusters != null) {
        clusters.close();
      }
    }
  }
}
