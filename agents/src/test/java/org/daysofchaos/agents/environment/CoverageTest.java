package org.daysofchaos.agents.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

/** Whether an environment names what scenarios' targets need, read from the files alone. */
class CoverageTest {
  private static final Path SCENARIOS = Path.of("..", "scenarios");

  private static List<Scenario> scenarios(String... files) {
    ReadResult read =
        new ScenarioReader(Catalog.standard())
            .read(java.util.Arrays.stream(files).map(SCENARIOS::resolve).toList());
    assertThat(read.problems()).isEmpty();
    return read.scenarios();
  }

  private static Environment env(String yaml) {
    return new EnvironmentReader().read("env.yaml", yaml, Path.of(".")).environment().orElseThrow();
  }

  @Test
  void theExampleCoversTheKubernetesScenariosOfItsNamespace() {
    Environment example =
        new EnvironmentReader().read(EnvironmentReaderTest.EXAMPLE).environment().orElseThrow();

    assertThat(
            Coverage.gaps(
                example, scenarios("kubernetes/scale-down.yaml", "kubernetes/node-drain.yaml")))
        .isEmpty();
  }

  @Test
  void everyTargetTheEnvironmentDoesNotNameIsOneLine() {
    Environment env =
        env(
            """
            toxiproxy:
              payments: { url: "http://toxiproxy:8474" }
            kubernetes:
              preprod: { namespaces: [staging] }
            """);

    assertThat(
            Coverage.gaps(
                env,
                scenarios(
                    "kubernetes/scale-down.yaml",
                    "demo/payment-latency.yaml",
                    "demo/until-fixed/inventory-frozen.yaml")))
        .containsExactly(
            "kubernetes/scale-down: target cart: namespace shop is not among the namespaces the"
                + " environment allows on the cluster preprod",
            "demo/payment-latency: target payment-link: the environment names no"
                + " toxiproxy server 'default' (it names payments)",
            "demo/until-fixed/inventory-frozen: target inventory-process: the environment names"
                + " no process 'inventory' (it names none)");
  }

  @Test
  void anAgentTargetMustBeAnAgentTheEnvironmentNames() {
    List<Scenario> host = scenarios("host/bad-config.yaml");
    String agent = host.get(0).targets().values().iterator().next().describe();

    assertThat(Coverage.gaps(env("agents: [db-1]\n"), host))
        .singleElement()
        .asString()
        .endsWith(
            "the environment names no " + agent.replace("agent ", "agent '") + "' (it names db-1)");
    assertThat(
            Coverage.gaps(
                env("agents: [db-1, " + agent.substring("agent ".length()) + "]\n"), host))
        .isEmpty();
    assertThat(
            new EnvironmentReader().read("env.yaml", "agents: [Web 1]\n", Path.of(".")).problems())
        .singleElement()
        .asString()
        .contains("agents[0]: 'Web 1' is not a valid agent name: use lower-case letters");
  }

  @Test
  void withSeveralClustersATargetMustNameOneOfThem() {
    Environment env =
        env(
            """
            kubernetes:
              staging: { namespaces: [shop] }
              perf: { namespaces: [shop] }
            """);

    assertThat(Coverage.gaps(env, scenarios("kubernetes/scale-down.yaml")))
        .containsExactly(
            "kubernetes/scale-down: target cart: the environment names several Kubernetes"
                + " clusters (it names staging, perf); say which with cluster:");
  }
}
