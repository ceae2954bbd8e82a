package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.EnvChange;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnvChangeTest extends MockClusterFixture {
  private EnvChangeInjector injector;
  private final Target checkout =
      new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 2);
    injector = new EnvChangeInjector(kubernetes);
  }

  private List<EnvVar> env() {
    return cluster
        .deploymentNow(SHOP, "checkout")
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getEnv();
  }

  private static EnvChange change(String name, String value) {
    return new EnvChange("checkout", name, value, Optional.empty(), 2);
  }

  @Test
  void setsTheVariableInThePodTemplate() {
    injector.inject(change("LOG_LEVEL", "trace"), checkout, CONTEXT);

    assertThat(env())
        .first()
        .isEqualTo(new EnvVarBuilder().withName("LOG_LEVEL").withValue("trace").build());
    assertThat(cluster.deploymentNow(SHOP, "checkout").getMetadata().getAnnotations())
        .containsEntry(Annotations.FAULT, "kubernetes/env-change")
        .containsEntry(Annotations.ENV_CONTAINER, "app")
        .containsEntry(Annotations.ENV_NAME, "LOG_LEVEL")
        .containsEntry(Annotations.ORIGINAL_PRESENT, "true")
        .containsEntry(Annotations.ORIGINAL_ENV, "{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}");
  }

  @Test
  void revertsToTheExactPreviousDefinitionEvenFromASecret() throws Exception {
    Injection injection =
        injector.inject(change("DB_PASSWORD", "wrong-password"), checkout, CONTEXT);
    assertThat(env().get(1).getValue()).isEqualTo("wrong-password");
    assertThat(env().get(1).getValueFrom()).isNull();

    injection.revert();

    assertThat(env()).isEqualTo(Cluster.env());
    assertThat(cluster.deploymentNow(SHOP, "checkout").getMetadata().getAnnotations())
        .containsOnlyKeys("owner");
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void aVariableThatDidNotExistIsRemovedAgainOnRevert() throws Exception {
    Injection injection = injector.inject(change("FEATURE_X", "on"), checkout, CONTEXT);
    assertThat(env())
        .extracting(EnvVar::getName)
        .containsExactly("LOG_LEVEL", "DB_PASSWORD", "FEATURE_X");

    injection.revert();

    assertThat(env()).isEqualTo(Cluster.env());
  }

  @Test
  void changesTheNamedContainerOfSeveral() throws Exception {
    client
        .apps()
        .deployments()
        .inNamespace(SHOP)
        .withName("checkout")
        .edit(
            d -> {
              d.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .add(
                      new io.fabric8.kubernetes.api.model.ContainerBuilder()
                          .withName("sidecar")
                          .withImage("envoy")
                          .build());
              return d;
            });

    assertThatThrownBy(() -> injector.inject(change("LOG_LEVEL", "x"), checkout, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "target checkout: deployment checkout in namespace shop has containers app, sidecar;"
                + " say which one with container:");
    Injection injection =
        injector.inject(
            new EnvChange("checkout", "LOG_LEVEL", "x", Optional.of("sidecar"), 2),
            checkout,
            CONTEXT);
    List<Container> containers =
        cluster.deploymentNow(SHOP, "checkout").getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers.get(1).getEnv()).extracting(EnvVar::getValue).containsExactly("x");
    assertThat(containers.get(0).getEnv()).isEqualTo(Cluster.env());

    injection.revert();

    assertThat(
            cluster
                .deploymentNow(SHOP, "checkout")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(1)
                .getEnv())
        .isNullOrEmpty();
  }

  @Test
  void refusesARolloutOfMorePodsThanMaxPodsBeforeAnyChange() {
    cluster.forgetCalls();

    assertThatThrownBy(
            () ->
                injector.inject(
                    new EnvChange("checkout", "LOG_LEVEL", "x", Optional.empty(), 1),
                    checkout,
                    CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target checkout: kubernetes/env-change would roll out 2 pods, more than its maxPods"
                + " of 1 (the blast radius the scenario allows)");
    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
    assertThat(env()).isEqualTo(Cluster.env());
  }
}
