package org.daysofchaos.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

class LintAndImportTest {
  private static final String TOXIC =
      """
      title: Leaky latency
      description: a toxic added and removed under another name
      tags: [toxiproxy]
      steady-state-hypothesis:
        title: up
        probes:
          - type: probe
            name: health
            tolerance: 200
            provider: {type: http, url: "http://127.0.0.1:9/health"}
          - type: probe
            name: body
            tolerance: {type: regex, pattern: ok, target: body}
            provider: {type: http, url: "http://127.0.0.1:9/"}
      method:
        - type: action
          name: slow
          provider:
            type: python
            module: chaostoxi.toxic.actions
            func: create_latency_toxic
            arguments: {for_proxy: api, toxic_name: latency_toxic, latency: 800, jitter: 100}
          pauses: {after: 30}
        - type: action
          name: scale down
          provider:
            type: python
            module: chaosk8s.deployment.actions
            func: scale_deployment
            arguments: {name: checkout, replicas: 1, ns: shop}
        - type: action
          name: shell
          provider: {type: process, path: "/bin/true"}
      rollbacks:
        - type: action
          name: remove
          provider:
            type: python
            module: chaostoxi.toxic.actions
            func: delete_toxic
            arguments: {for_proxy: api, toxic_name: latency}
      """;

  private static Experiment read(String yaml) {
    return ExperimentReaderTest.read(yaml);
  }

  @Test
  void lintFlagsAToxicRemovedUnderAnotherNameAndAnActionWithoutRollback() {
    Experiment e = read(TOXIC);
    var findings = Lint.check(e, Checks.map(e));
    assertThat(findings.stream().map(Object::toString))
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith("x.yaml:16:5: method:")
                    .contains("creates the toxic 'latency_toxic' on proxy api")
                    .contains("removes 'latency'"))
        .anySatisfy(
            f ->
                assertThat(f)
                    .startsWith("x.yaml:24:5:")
                    .contains("scale down")
                    .contains("no rollback"))
        .hasSize(2);
  }

  @Test
  void aCleanExperimentHasNoFinding() {
    Experiment e =
        read(
            TOXIC
                .replace("toxic_name: latency}", "toxic_name: latency_toxic}")
                .replace("scale_deployment", "rollout_deployment"));
    assertThat(Lint.check(e, Checks.map(e))).isEmpty();
    e =
        read(
            TOXIC.replace("toxic_name: latency}", "toxic_name: latency_toxic}")
                + """
                  - type: action
                    name: scale back
                    provider:
                      type: python
                      module: chaosk8s.deployment.actions
                      func: scale_deployment
                      arguments: {name: checkout, replicas: 3, ns: shop}
                """);
    assertThat(Lint.check(e, Checks.map(e))).isEmpty();
  }

  @Test
  void anUnsupportedPythonFunctionIsRefusedWithFileLineFunctionAndTheSupportedList() {
    Experiment e =
        read(
            """
            title: aws
            method:
              - type: action
                name: stop instance
                provider:
                  type: python
                  module: chaosaws.ec2.actions
                  func: stop_instances
            """);
    Checks.Mapping mapping = Checks.map(e);
    assertThat(mapping.problems()).hasSize(1);
    assertThat(mapping.problems().get(0).toString())
        .startsWith(
            "x.yaml:3:5: provider: action 'stop instance': the Python function chaosaws.ec2.actions.stop_instances has no equivalent here (supported: ")
        .contains("chaostoxi.toxic.actions.create_latency_toxic")
        .contains("chaosprometheus.probes.query");
  }

  @Test
  void theImportIsAScenarioOurReaderAcceptsWithCommentsWhereItIsNotExact() {
    Experiment e = read(TOXIC);
    String yaml = Translator.toScenarioYaml(e, Checks.map(e));
    ReadResult read = new ScenarioReader(Catalog.standard()).read("imported.yaml", yaml);
    assertThat(read.problems()).as(yaml).isEmpty();
    var scenario = read.scenarios().get(0);
    assertThat(scenario.id()).isEqualTo("ctk/leaky-latency");
    assertThat(scenario.faults()).hasSize(2);
    assertThat(scenario.steadyState()).hasSize(1);
    assertThat(yaml)
        .contains("kind: network/latency")
        .contains("latency: 800ms")
        .contains("kind: kubernetes/scale")
        .contains("# NOT TRANSLATED action 'shell' (process /bin/true)")
        .contains("# NOT TRANSLATED probe 'body'")
        .contains(
            "# rollback action 'remove' (python chaostoxi.toxic.actions.delete_toxic): done by our revert")
        .contains("duration: 30s");
  }
}
