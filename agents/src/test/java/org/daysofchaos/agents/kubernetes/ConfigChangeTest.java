package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Map;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.experiments.kubernetes.ConfigChange;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigChangeTest extends MockClusterFixture {
  /** A value a naive revert would mangle: several lines, quotes, trailing spaces, unicode. */
  private static final String ORIGINAL =
      "pool:\n  size: 20\n  url: \"jdbc:postgresql://db:5432/shop?ssl=true\"  \n# café ✓\n";

  private ConfigChangeInjector injector;
  private final Target config =
      new Target("config", KubernetesTarget.configMap(SHOP, "checkout-config"));

  @BeforeEach
  void setUp() {
    cluster.configMap(
        SHOP, "checkout-config", Map.of("application.yaml", ORIGINAL, "mode", "fast"));
    injector = new ConfigChangeInjector(kubernetes);
  }

  @Test
  void setsTheKeyAndKeepsTheOriginalInAnAnnotation() {
    injector.inject(
        new ConfigChange("config", "application.yaml", "pool:\n  size: 0\n"), config, CONTEXT);

    ConfigMap now = cluster.configMapNow(SHOP, "checkout-config");
    assertThat(now.getData())
        .containsEntry("application.yaml", "pool:\n  size: 0\n")
        .containsEntry("mode", "fast");
    assertThat(now.getMetadata().getAnnotations())
        .containsEntry(Annotations.INJECTION, "run1-0")
        .containsEntry(Annotations.FAULT, "kubernetes/config-change")
        .containsEntry(Annotations.CONFIG_KEY, "application.yaml")
        .containsEntry(Annotations.ORIGINAL_PRESENT, "true")
        .containsEntry(Annotations.ORIGINAL_VALUE, ORIGINAL);
  }

  @Test
  void revertsToTheExactPreviousValue() throws Exception {
    Injection injection =
        injector.inject(new ConfigChange("config", "application.yaml", "broken"), config, CONTEXT);
    assertThat(injection.residue()).isPresent();

    injection.revert();

    ConfigMap now = cluster.configMapNow(SHOP, "checkout-config");
    assertThat(now.getData()).isEqualTo(Map.of("application.yaml", ORIGINAL, "mode", "fast"));
    assertThat(now.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(now.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(injection.residue()).isEmpty();
  }

  @Test
  void aKeyThatDidNotExistIsRemovedAgainOnRevert() throws Exception {
    Injection injection =
        injector.inject(new ConfigChange("config", "feature.flags", "all-on"), config, CONTEXT);
    assertThat(cluster.configMapNow(SHOP, "checkout-config").getData())
        .containsEntry("feature.flags", "all-on");
    assertThat(injection.revertRecord().data())
        .containsEntry("originalPresent", "false")
        .doesNotContainKey("originalValue");

    injection.revert();

    assertThat(cluster.configMapNow(SHOP, "checkout-config").getData())
        .containsOnlyKeys("application.yaml", "mode");
  }

  @Test
  void anEmptyOriginalValueIsRestoredAsEmpty() throws Exception {
    client
        .configMaps()
        .inNamespace(SHOP)
        .withName("checkout-config")
        .edit(
            c -> {
              c.getData().put("mode", "");
              return c;
            });
    Injection injection =
        injector.inject(new ConfigChange("config", "mode", "slow"), config, CONTEXT);

    injection.revert();

    assertThat(cluster.configMapNow(SHOP, "checkout-config").getData()).containsEntry("mode", "");
  }

  @Test
  void refusesAnImmutableConfigMap() {
    cluster.configMap(SHOP, "frozen", Map.of("mode", "fast"));
    client
        .configMaps()
        .inNamespace(SHOP)
        .withName("frozen")
        .edit(
            c -> {
              c.setImmutable(true);
              return c;
            });
    Target frozen = new Target("frozen", KubernetesTarget.configMap(SHOP, "frozen"));

    assertThatThrownBy(
            () -> injector.inject(new ConfigChange("frozen", "mode", "slow"), frozen, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "target frozen: configmap frozen in namespace shop is immutable; it cannot be changed");
  }

  @Test
  void refusesAMissingConfigMap() {
    Target missing = new Target("m", KubernetesTarget.configMap(SHOP, "nope"));

    assertThatThrownBy(
            () -> injector.inject(new ConfigChange("m", "mode", "slow"), missing, CONTEXT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("target m: there is no configmap nope in namespace shop");
  }
}
