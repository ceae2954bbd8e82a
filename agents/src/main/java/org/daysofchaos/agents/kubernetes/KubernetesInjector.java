package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.daysofchaos.agents.TargetRefusedException;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.KubernetesTarget;
import org.daysofchaos.core.KubernetesTarget.Resource;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.kubernetes.ConfigChange;
import org.daysofchaos.experiments.kubernetes.EnvChange;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Kubernetes fault kinds with fabric8's client.
 *
 * <p>Every injection first runs the guard, which only reads: the namespace (or node) must carry
 * {@code daysofchaos.org/allow-chaos=true}, and the pods the fault would touch must not exceed its
 * {@code maxPods}. Only then does it change anything, in one write per object where it can, with
 * the object's resourceVersion (a concurrent change fails the write instead of being lost). Every
 * object it changes carries the label {@code daysofchaos.org/injected=true} and the annotations of
 * {@link Annotations}: the injection, the run, the expiry and the original values. The same facts
 * go into the ledger's revert record, so {@link KubernetesReverter} and {@link KubernetesCleanup}
 * can revert without the process that injected.
 */
public final class KubernetesInjector {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesInjector.class);

  /** The annotation {@code kubectl rollout restart} sets on the pod template. */
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  /** Prefix of the NetworkPolicies a partition creates. */
  public static final String POLICY_PREFIX = "daysofchaos-";

  private final KubernetesClient client;
  private final Clock clock;
  private final Random random;

  public KubernetesInjector(KubernetesClient client) {
    this(client, Clock.systemUTC(), new Random());
  }

  /**
   * @param random picks the pods a pod kill takes (seed it in tests)
   */
  public KubernetesInjector(KubernetesClient client, Clock clock, Random random) {
    this.client = client;
    this.clock = clock;
    this.random = random;
  }

  /** An injector for each Kubernetes fault kind. */
  public List<FaultInjector<?>> injectors() {
    return List.of(
        typed(PodKill.class),
        typed(Scale.class),
        typed(RolloutRestart.class),
        typed(Partition.class),
        typed(NodeCordon.class),
        typed(ConfigChange.class),
        typed(EnvChange.class));
  }

  private <F extends FaultSpec> FaultInjector<F> typed(Class<F> type) {
    return new FaultInjector<>() {
      @Override
      public Class<F> faultType() {
        return type;
      }

      @Override
      public Injection inject(F fault, Target target, InjectionContext context) {
        return KubernetesInjector.this.inject(fault, target, context);
      }

      @Override
      public String inspect(Target target) {
        return KubernetesInjector.this.inspect(target);
      }
    };
  }

  public Injection inject(FaultSpec fault, Target target, InjectionContext context) {
    KubernetesTarget where = where(fault, target);
    if (fault instanceof PodKill f) {
      return podKill(f, target, where, context);
    } else if (fault instanceof Scale f) {
      return scale(f, target, where, context);
    } else if (fault instanceof RolloutRestart f) {
      return rolloutRestart(f, target, where, context);
    } else if (fault instanceof Partition f) {
      return partition(f, target, where, context);
    } else if (fault instanceof NodeCordon f) {
      return cordon(f, target, where, context);
    } else if (fault instanceof ConfigChange f) {
      return configChange(f, target, where, context);
    } else if (fault instanceof EnvChange f) {
      return envChange(f, target, where, context);
    }
    throw new IllegalArgumentException(
        "the kubernetes injector cannot apply " + fault.getClass().getSimpleName());
  }

  /** The target's place in the cluster, checked against what the kind accepts. */
  private static KubernetesTarget where(FaultSpec fault, Target target) {
    KubernetesTarget where =
        target
            .kubernetes()
            .orElseThrow(
                () ->
                    new TargetRefusedException(
                        "target "
                            + target.name()
                            + " ("
                            + target.describe()
                            + ") is not a kubernetes target"));
    Kind kind = fault.getClass().getAnnotation(Kind.class);
    if (kind != null
        && kind.kubernetes().length > 0
        && !Arrays.asList(kind.kubernetes()).contains(where.resource())) {
      throw new TargetRefusedException(
          "target " + target.name() + ": " + kind.value() + " cannot act on " + where.describe());
    }
    return where;
  }

  private static String namespace(KubernetesTarget where) {
    return where.namespace().orElseThrow();
  }

  private String cluster() {
    return cluster(client);
  }

  static String cluster(KubernetesClient client) {
    return KubernetesClients.cluster(client);
  }

  // --- pod kill ----------------------------------------------------------------------------------

  private Injection podKill(
      PodKill fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client, target, ns);
    List<Pod> running = Pods.running(Pods.matching(client, ns, selector(target, where)));
    if (running.isEmpty()) {
      throw new IllegalStateException(
          "target " + target.name() + ": no running pods match " + where.describe());
    }
    int count = fault.selectionSize(running.size());
    Guard.blastRadius(target, Reverts.POD_KILL, count, fault.maxPods(), "kill");
    List<Pod> chosen = new ArrayList<>(running);
    chosen.sort(java.util.Comparator.comparing(p -> p.getMetadata().getName()));
    Collections.shuffle(chosen, random);
    chosen = chosen.subList(0, count);
    List<String> killed = new ArrayList<>();
    for (Pod pod : chosen) {
      String name = pod.getMetadata().getName();
      try {
        var resource = client.pods().inNamespace(ns).withName(name);
        if (fault.gracePeriod().isPresent()) {
          resource.withGracePeriod(fault.gracePeriod().get().toSeconds()).delete();
        } else {
          resource.delete();
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "target "
                + target.name()
                + ": could not kill pod "
                + name
                + (killed.isEmpty() ? "" : " (already killed: " + String.join(", ", killed) + ")")
                + ": "
                + e.getMessage(),
            e);
      }
      killed.add(name);
    }
    Map<String, String> originals = new LinkedHashMap<>();
    originals.put("pods", String.join(",", killed));
    LOG.info("killed pods {} in namespace {}", killed, ns);
    return new MarkedInjection(
        client, Mark.of(Reverts.POD_KILL, "pods", ns, where.ref(), context, originals), cluster());
  }

  /** The pods a target stands for: its selector, or its workload's. */
  private LabelSelector selector(Target target, KubernetesTarget where) {
    if (where.resource() == Resource.PODS) {
      return new LabelSelectorBuilder().withMatchLabels(where.selector()).build();
    }
    return Workload.require(client, target, where.resource(), namespace(where), where.name())
        .selector();
  }

  // --- scale -------------------------------------------------------------------------------------

  private Injection scale(
      Scale fault, Target target, KubernetesTarget where, InjectionContext ctx) {
    String ns = namespace(where);
    Guard.namespace(client, target, ns);
    Workload workload = Workload.require(client, target, where.resource(), ns, where.name());
    Guard.notInjected(target, workload.describe(), workload.object());
    int current = workload.replicas();
    if (fault.replicas() >= current) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": "
              + workload.describe()
              + " has "
              + current
              + " replicas; scaling it to "
              + fault.replicas()
              + " would not scale it down");
    }
    Guard.blastRadius(target, Reverts.SCALE, current - fault.replicas(), fault.maxPods(), "remove");
    Mark mark =
        Mark.of(
            Reverts.SCALE,
            workload.noun(),
            ns,
            where.name(),
            ctx,
            Map.of("originalReplicas", Integer.toString(current)));
    mark.applyTo(workload.metadata());
    workload.setReplicas(fault.replicas());
    workload.update(client);
    return new MarkedInjection(client, mark, cluster());
  }

  // --- rollout restart ---------------------------------------------------------------------------

  private Injection rolloutRestart(
      RolloutRestart fault, Target target, KubernetesTarget where, InjectionContext ctx) {
    String ns = namespace(where);
    Guard.namespace(client, target, ns);
    Workload workload = Workload.require(client, target, where.resource(), ns, where.name());
    Guard.notInjected(target, workload.describe(), workload.object());
    Guard.blastRadius(
        target, Reverts.ROLLOUT_RESTART, workload.replicas(), fault.maxPods(), "replace");
    Mark mark = Mark.of(Reverts.ROLLOUT_RESTART, workload.noun(), ns, where.name(), ctx, Map.of());
    mark.applyTo(workload.metadata());
    ObjectMeta template = workload.template().getMetadata();
    if (template == null) {
      template = new ObjectMeta();
      workload.template().setMetadata(template);
    }
    Map<String, String> annotations = new LinkedHashMap<>(Mark.orEmpty(template.getAnnotations()));
    annotations.put(RESTARTED_AT, clock.instant().toString());
    template.setAnnotations(annotations);
    workload.update(client);
    return new MarkedInjection(client, mark, cluster());
  }

  // --- network partition -------------------------------------------------------------------------

  private Injection partition(
      Partition fault, Target target, KubernetesTarget where, InjectionContext ctx) {
    String ns = namespace(where);
    Guard.namespace(client, target, ns);
    LabelSelector selector = selector(target, where);
    int pods = Pods.matching(client, ns, selector).size();
    Guard.blastRadius(target, Reverts.PARTITION, pods, fault.maxPods(), "isolate");
    String name = policyName(ctx.injectionId());
    Mark mark = Mark.of(Reverts.PARTITION, "networkpolicy", ns, name, ctx, Map.of());
    List<String> types =
        switch (fault.direction()) {
          case INGRESS -> List.of("Ingress");
          case EGRESS -> List.of("Egress");
          case BOTH -> List.of("Ingress", "Egress");
        };
    NetworkPolicy policy =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withPodSelector(selector)
            .withPolicyTypes(types)
            .endSpec()
            .build();
    mark.applyTo(policy.getMetadata());
    client.network().v1().networkPolicies().inNamespace(ns).resource(policy).create();
    LOG.info(
        "partitioned {} ({}) with networkpolicy {}",
        where.describe(),
        fault.direction().name().toLowerCase(Locale.ROOT),
        name);
    return new MarkedInjection(client, mark, cluster());
  }

  /** A DNS-subdomain name for the policy of an injection. */
  static String policyName(String injectionId) {
    String name =
        (POLICY_PREFIX + injectionId.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9.-]", "-");
    name = name.length() > 253 ? name.substring(0, 253) : name;
    return name.replaceAll("[-.]+$", "");
  }

  // --- node cordon and drain ---------------------------------------------------------------------

  private Injection cordon(
      NodeCordon fault, Target target, KubernetesTarget where, InjectionContext ctx) {
    Node node = Guard.node(client, target, where.name());
    String object = "node " + where.name();
    Guard.notInjected(target, object, node);
    if (Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": "
              + object
              + " is already cordoned by someone else; not touching it");
    }
    List<Pod> evict = List.of();
    if (fault.drain()) {
      evict = Pods.evictable(client, where.name(), Guard.allowedNamespaces(client));
      Guard.blastRadius(target, Reverts.NODE_CORDON, evict.size(), fault.maxPods(), "evict");
    }
    Mark mark =
        Mark.of(
            Reverts.NODE_CORDON,
            "node",
            "",
            where.name(),
            ctx,
            Map.of("originalUnschedulable", "false"));
    mark.applyTo(node.getMetadata());
    node.getSpec().setUnschedulable(true);
    client.resource(node).update();
    for (Pod pod : evict) {
      String ns = pod.getMetadata().getNamespace();
      String name = pod.getMetadata().getName();
      try {
        if (!client.pods().inNamespace(ns).withName(name).evict()) {
          LOG.warn("pod {}/{} was not evicted: a PodDisruptionBudget forbids it now", ns, name);
        }
      } catch (RuntimeException e) {
        LOG.warn("pod {}/{} could not be evicted: {}", ns, name, e.getMessage());
      }
    }
    return new MarkedInjection(client, mark, cluster());
  }

  // --- ConfigMap key -----------------------------------------------------------------------------

  private Injection configChange(
      ConfigChange fault, Target target, KubernetesTarget where, InjectionContext ctx) {
    String ns = namespace(where);
    Guard.namespace(client, target, ns);
    ConfigMap configMap = client.configMaps().inNamespace(ns).withName(where.name()).get();
    String object = where.describe();
    if (configMap == null) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": there is no configmap "
              + where.name()
              + " in namespace "
              + ns);
    }
    Guard.notInjected(target, object, configMap);
    if (Boolean.TRUE.equals(configMap.getImmutable())) {
      throw new IllegalStateException(
          "target " + target.name() + ": " + object + " is immutable; it cannot be changed");
    }
    if (Mark.orEmpty(configMap.getBinaryData()).containsKey(fault.key())) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": key "
              + fault.key()
              + " of "
              + object
              + " is binary data; only text keys can be changed");
    }
    Map<String, String> data = new LinkedHashMap<>(Mark.orEmpty(configMap.getData()));
    Map<String, String> originals = new LinkedHashMap<>();
    originals.put("key", fault.key());
    originals.put("originalPresent", Boolean.toString(data.containsKey(fault.key())));
    if (data.containsKey(fault.key())) {
      originals.put("originalValue", data.get(fault.key()));
    }
    Mark mark = Mark.of(Reverts.CONFIG_CHANGE, "configmap", ns, where.name(), ctx, originals);
    mark.applyTo(configMap.getMetadata());
    data.put(fault.key(), fault.value());
    configMap.setData(data);
    client.resource(configMap).update();
    return new MarkedInjection(client, mark, cluster());
  }

  // --- environment variable ----------------------------------------------------------------------

  private Injection envChange(
      EnvChange fault, Target target, KubernetesTarget where, InjectionContext ctx) {
    String ns = namespace(where);
    Guard.namespace(client, target, ns);
    Workload workload = Workload.require(client, target, where.resource(), ns, where.name());
    Guard.notInjected(target, workload.describe(), workload.object());
    Guard.blastRadius(target, Reverts.ENV_CHANGE, workload.replicas(), fault.maxPods(), "roll out");
    Container container = container(target, workload, fault.container());
    List<EnvVar> env = new ArrayList<>(container.getEnv() == null ? List.of() : container.getEnv());
    int index = Reverts.indexOf(env, fault.name());
    Map<String, String> originals = new LinkedHashMap<>();
    originals.put("container", container.getName());
    originals.put("env", fault.name());
    originals.put("originalPresent", Boolean.toString(index >= 0));
    if (index >= 0) {
      originals.put("originalEnv", client.getKubernetesSerialization().asJson(env.get(index)));
    }
    EnvVar bad = new EnvVarBuilder().withName(fault.name()).withValue(fault.value()).build();
    if (index >= 0) {
      env.set(index, bad);
    } else {
      env.add(bad);
    }
    container.setEnv(env);
    Mark mark = Mark.of(Reverts.ENV_CHANGE, workload.noun(), ns, where.name(), ctx, originals);
    mark.applyTo(workload.metadata());
    workload.update(client);
    return new MarkedInjection(client, mark, cluster());
  }

  private static Container container(Target target, Workload workload, Optional<String> name) {
    List<Container> containers = workload.template().getSpec().getContainers();
    String names = containers.stream().map(Container::getName).collect(Collectors.joining(", "));
    if (name.isPresent()) {
      return containers.stream()
          .filter(c -> c.getName().equals(name.get()))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "target "
                          + target.name()
                          + ": "
                          + workload.describe()
                          + " has no container "
                          + name.get()
                          + "; it has "
                          + names));
    }
    if (containers.size() != 1) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": "
              + workload.describe()
              + " has containers "
              + names
              + "; say which one with container:");
    }
    return containers.get(0);
  }

  // --- dry run -----------------------------------------------------------------------------------

  /**
   * Checks the guard and describes the target as it is now, with its pods' recent restarts and
   * warning events; changes nothing.
   */
  public String inspect(Target target) {
    return Inspection.describe(client, clock, target);
  }

  /** An injection whose revert and check work from its mark alone. */
  record MarkedInjection(KubernetesClient client, Mark mark, String cluster) implements Injection {
    @Override
    public void revert() {
      Reverts.revert(client, mark);
    }

    @Override
    public Optional<String> residue() {
      return Reverts.residue(client, mark);
    }

    @Override
    public RevertRecord revertRecord() {
      return new RevertRecord(KubernetesReverter.BACKEND, mark.toRecord(cluster));
    }
  }
}
