package org.daysofchaos.agents.kubernetes;

import com.google.auto.service.AutoService;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kubernetes/partition}: isolates the target's pods with a NetworkPolicy that allows no
 * traffic in the chosen direction; the revert deletes that policy.
 */
@AutoService(KubernetesFaultInjector.class)
public final class PartitionInjector extends KubernetesFaultInjector<Partition> {
  private static final Logger LOG = LoggerFactory.getLogger(PartitionInjector.class);

  /** Prefix of the NetworkPolicies a partition creates. */
  public static final String POLICY_PREFIX = "daysofchaos-";

  public PartitionInjector(KubernetesBackend backend) {
    super(Partition.class, backend);
  }

  @Override
  Mark apply(Partition fault, Target target, KubernetesTarget where, InjectionContext context) {
    String ns = namespace(where);
    Guard.namespace(client(), target, ns);
    LabelSelector selector = selector(target, where);
    int pods = Pods.matching(client(), ns, selector).size();
    Guard.blastRadius(target, kind(), pods, fault.maxPods(), "isolate");
    String name = policyName(context.injectionId());
    Mark mark = mark("networkpolicy", ns, name, context, Map.of());
    NetworkPolicy policy =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withPodSelector(selector)
            .withPolicyTypes(types(fault))
            .endSpec()
            .build();
    markOn(mark, policy.getMetadata());
    client().network().v1().networkPolicies().inNamespace(ns).resource(policy).create();
    LOG.info(
        "partitioned {} ({}) with networkpolicy {}",
        where.describeObject(),
        fault.direction().name().toLowerCase(Locale.ROOT),
        name);
    return mark;
  }

  private static List<String> types(Partition fault) {
    return switch (fault.direction()) {
      case INGRESS -> List.of("Ingress");
      case EGRESS -> List.of("Egress");
      case BOTH -> List.of("Ingress", "Egress");
    };
  }

  /** A DNS-subdomain name for the policy of an injection. */
  static String policyName(String injectionId) {
    String name =
        (POLICY_PREFIX + injectionId.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9.-]", "-");
    name = name.length() > 253 ? name.substring(0, 253) : name;
    return name.replaceAll("[-.]+$", "");
  }

  private NetworkPolicy policy(Mark mark) {
    return client()
        .network()
        .v1()
        .networkPolicies()
        .inNamespace(mark.namespace())
        .withName(mark.name())
        .get();
  }

  @Override
  void revert(Mark mark) {
    NetworkPolicy policy = policy(mark);
    if (policy != null && mark.isOn(policy)) {
      client()
          .network()
          .v1()
          .networkPolicies()
          .inNamespace(mark.namespace())
          .withName(mark.name())
          .delete();
    }
  }

  @Override
  Optional<String> residue(Mark mark) {
    NetworkPolicy policy = policy(mark);
    return policy != null && mark.isOn(policy)
        ? Optional.of(mark.object() + " still exists")
        : Optional.empty();
  }
}
