package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.Registrations;
import org.daysofchaos.core.spi.TargetRefusedException;

/**
 * The Kubernetes faults and probes on the cluster of one client: what every kind's injector is
 * built with (the client, the clock, the randomness of a pod kill), and the kinds by name, so that
 * a revert from a ledger record or from an object's annotations goes to the kind that made it.
 */
public final class KubernetesBackend {
  private final Supplier<KubernetesClient> connect;
  private final Clock clock;
  private final Random random;
  private final Optional<Set<String>> listed;
  private final Optional<String> name;
  private final Map<String, KubernetesFaultInjector<?>> kinds = new LinkedHashMap<>();
  private KubernetesClient client;

  /**
   * @param random picks the pods a pod kill takes (seed it in tests)
   */
  public KubernetesBackend(KubernetesClient client, Clock clock, Random random) {
    this(() -> client, clock, random, Optional.empty(), Optional.empty());
  }

  /**
   * A backend that may touch only the {@code namespaces} listed (in an environment file), each of
   * which must also carry the opt-in label: the cluster's owners and the game's preparers each hold
   * a key.
   */
  public KubernetesBackend(
      KubernetesClient client, Clock clock, Random random, Set<String> namespaces) {
    this(() -> client, clock, random, Optional.of(Set.copyOf(namespaces)), Optional.empty());
  }

  /**
   * The backend of the cluster an environment file calls {@code name}: as above, and a target that
   * names another cluster is refused.
   */
  public KubernetesBackend(
      String name, KubernetesClient client, Clock clock, Random random, Set<String> namespaces) {
    this(() -> client, clock, random, Optional.of(Set.copyOf(namespaces)), Optional.of(name));
  }

  /** A backend that connects only when a kind first needs the cluster. */
  private KubernetesBackend(
      Supplier<KubernetesClient> connect,
      Clock clock,
      Random random,
      Optional<Set<String>> listed,
      Optional<String> name) {
    this.connect = connect;
    this.clock = clock;
    this.random = random;
    this.listed = listed;
    this.name = name;
    for (KubernetesFaultInjector<?> injector : build()) {
      kinds.put(injector.kind(), injector);
    }
  }

  static KubernetesBackend connectingOnFirstUse(Supplier<KubernetesClient> connect) {
    return new KubernetesBackend(
        connect, Clock.systemUTC(), new Random(), Optional.empty(), Optional.empty());
  }

  /** Each kind's injector registered with {@code @AutoService}, built with this backend. */
  private List<KubernetesFaultInjector<?>> build() {
    return Registrations.instances(KubernetesFaultInjector.class, KubernetesBackend.class, this)
        .stream()
        .<KubernetesFaultInjector<?>>map(injector -> injector)
        .toList();
  }

  /** An injector for every Kubernetes fault kind, on this client's cluster. */
  public static List<FaultInjector<?>> injectors(KubernetesClient client) {
    return new KubernetesBackend(client, Clock.systemUTC(), new Random()).injectors();
  }

  /** An injector for every Kubernetes fault kind. */
  public List<FaultInjector<?>> injectors() {
    return List.copyOf(kinds.values());
  }

  /** A runner for every Kubernetes probe kind. */
  public static List<ProbeRunner<?>> probes(KubernetesClient client, Clock clock) {
    return List.of(
        new PodsReadyRunner(client),
        new AvailableReplicasRunner(client),
        new RestartsRunner(client, clock));
  }

  /**
   * The reverter of this backend's ledger records, through this client, or through the default
   * kubeconfig (connected on first use) when the client is null.
   */
  public static KubernetesReverter reverter(KubernetesClient client) {
    return client == null
        ? KubernetesReverter.onDefaultKubeconfig()
        : new KubernetesReverter(client);
  }

  /**
   * Refuses a namespace that the environment does not list (when it lists them); the opt-in label
   * is checked by the {@link Guard} as well.
   *
   * @throws TargetRefusedException when the namespace is not listed
   */
  void requireListed(Target target, String namespace) {
    if (listed.isPresent() && !listed.get().contains(namespace)) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": namespace "
              + namespace
              + " is not among the namespaces the environment allows on this cluster ("
              + String.join(", ", new TreeSet<>(listed.get()))
              + ")");
    }
  }

  /**
   * Refuses a target that names another cluster than this backend's: a scenario written for one
   * cluster never breaks another one by accident.
   *
   * @throws TargetRefusedException when the target names a cluster this backend is not
   */
  void requireCluster(Target target, Optional<String> cluster) {
    if (cluster.isEmpty() || cluster.equals(name)) {
      return;
    }
    throw new TargetRefusedException(
        "target "
            + target.name()
            + ": names the cluster "
            + cluster.get()
            + ", but "
            + name.map(n -> "this is the cluster " + n)
                .orElse(
                    "this run has only the cluster of its kubeconfig; name the clusters in an"
                        + " environment file"));
  }

  /** The namespaces faults may touch: opted in by label, and listed when the environment lists. */
  List<String> allowedNamespaces() {
    return Guard.allowedNamespaces(client()).stream()
        .filter(ns -> listed.isEmpty() || listed.get().contains(ns))
        .toList();
  }

  /** The injector of a kind, by its name, e.g. {@code kubernetes/scale}. */
  Optional<KubernetesFaultInjector<?>> kind(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  /**
   * The injector of the kind that made a mark.
   *
   * @throws IllegalArgumentException when no kind of that name exists
   */
  KubernetesFaultInjector<?> kindOf(Mark mark) {
    return kind(mark.kind())
        .orElseThrow(
            () -> new IllegalArgumentException("no revert for kubernetes fault " + mark.kind()));
  }

  /** The annotations of a kind's originals, by the kind's name (none for an unknown kind). */
  Map<String, String> originalsOf(String kind) {
    return kind(kind).map(KubernetesFaultInjector::originals).orElse(Map.of());
  }

  synchronized KubernetesClient client() {
    if (client == null) {
      client = connect.get();
    }
    return client;
  }

  /** Whether the client was asked for (and, for a lazy backend, connected). */
  synchronized Optional<KubernetesClient> clientIfConnected() {
    return Optional.ofNullable(client);
  }

  Clock clock() {
    return clock;
  }

  Random random() {
    return random;
  }
}
