package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.Set;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an environment file, a namespace must be listed for its cluster AND carry the opt-in label:
 * either key alone opens nothing.
 */
class ListedNamespacesTest extends MockClusterFixture {
  private static final String STAGING = "staging";

  @BeforeEach
  void setUp() {
    cluster.namespace(STAGING, true);
    cluster.deployment(SHOP, "checkout", 3);
    cluster.deployment(STAGING, "checkout", 3);
  }

  private KubernetesBackend listing(String... namespaces) {
    return new KubernetesBackend(
        client, Clock.fixed(Cluster.NOW, ZoneOffset.UTC), new Random(1), Set.of(namespaces));
  }

  @Test
  void aLabelledNamespaceThatTheEnvironmentDoesNotListIsRefusedBeforeAnyChange() {
    ScaleInjector injector = new ScaleInjector(listing(SHOP));
    Target staging = new Target("checkout", KubernetesTarget.deployment(STAGING, "checkout"));

    assertThatThrownBy(() -> injector.inject(new Scale("checkout", 0, 3), staging, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: namespace staging is not among the namespaces the environment"
                + " allows on this cluster (shop)");
    assertThat(cluster.deploymentNow(STAGING, "checkout").getSpec().getReplicas()).isEqualTo(3);
    assertThatThrownBy(() -> injector.inspect(staging)).isInstanceOf(TargetRefusedException.class);
  }

  @Test
  void aListedNamespaceIsStillRefusedWithoutTheLabel() {
    ScaleInjector injector = new ScaleInjector(listing(SHOP, Cluster.OTHER));
    cluster.deployment(Cluster.OTHER, "checkout", 3);
    Target other = new Target("checkout", KubernetesTarget.deployment(Cluster.OTHER, "checkout"));

    assertThatThrownBy(() -> injector.inject(new Scale("checkout", 0, 3), other, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessageContaining("does not carry the label daysofchaos.org/allow-chaos=true");
  }

  @Test
  void aListedAndLabelledNamespaceCanBeBrokenAndADrainEvictsOnlyFromThose() {
    KubernetesBackend backend = listing(SHOP);
    new ScaleInjector(backend)
        .inject(
            new Scale("checkout", 1, 3),
            new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout")),
            CONTEXT);

    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(1);
    assertThat(backend.allowedNamespaces()).containsExactly(SHOP);
  }
}
