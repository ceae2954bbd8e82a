package org.daysofchaos.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.testing.TestProxy;
import org.junit.jupiter.api.Test;

/** {@code parameters:} and {@code ${name}}: how a library scenario takes a team's own names. */
class ScenarioParametersTest {
  private static final ScenarioReader READER = new ScenarioReader(TestKinds.catalog());

  private static final String PARAMETERISED =
      """
      id: test/parameters
      title: Parameterised
      parameters:
        proxy: payment
        service: checkout
        limit: 0.05
      targets:
        link: { proxy: "${proxy}" }
      faults:
        - { kind: net/delay, target: link, delay: 800ms }
      steadyState:
        - kind: gauge/level
          query: errors{service="${service}"}
          below: ${limit}
      """;

  private static Scenario scenario(ScenarioReader reader, String yaml) {
    ReadResult result = reader.read("s.yaml", yaml);
    assertThat(result.problems()).isEmpty();
    return result.scenarios().get(0);
  }

  private static List<String> problems(ScenarioReader reader, String yaml) {
    return reader.read("s.yaml", yaml).problems().stream().map(Problem::toString).toList();
  }

  private static String proxyOf(Scenario scenario) {
    return ((TestProxy) scenario.targets().get("link").spec()).proxy();
  }

  private static TestKinds.Level levelOf(Scenario scenario) {
    return (TestKinds.Level) scenario.steadyState().get(0);
  }

  @Test
  void placeholdersTakeTheDefaultsWhenNothingIsGiven() {
    Scenario scenario = scenario(READER, PARAMETERISED);

    assertThat(proxyOf(scenario)).isEqualTo("payment");
    assertThat(levelOf(scenario).query()).isEqualTo("errors{service=\"checkout\"}");
  }

  @Test
  void aPlainScalarMadeOfAPlaceholderIsTypedByItsValue() {
    assertThat(levelOf(scenario(READER, PARAMETERISED)).below()).isEqualTo(0.05);
    assertThat(levelOf(scenario(READER.withParameters(Map.of("limit", "0.2")), PARAMETERISED)))
        .extracting(TestKinds.Level::below)
        .isEqualTo(0.2);
  }

  @Test
  void givenValuesWinOverDefaultsAndUndeclaredOnesAreIgnored() {
    ScenarioReader reader =
        READER.withParameters(Map.of("proxy", "payments-eu", "namespace", "unused"));

    assertThat(proxyOf(scenario(reader, PARAMETERISED))).isEqualTo("payments-eu");
  }

  @Test
  void aValueIsTextAndNeverYamlStructure() {
    ScenarioReader reader = READER.withParameters(Map.of("service", "x\"}\nfaults: []\n#"));

    assertThat(levelOf(scenario(reader, PARAMETERISED)).query())
        .isEqualTo("errors{service=\"x\"}\nfaults: []\n#\"}");
  }

  @Test
  void anUndeclaredPlaceholderIsReportedWhereItIsWithTheDeclaredNames() {
    String yaml = PARAMETERISED.replace("errors{service=\"${service}\"}", "errors{${servce}}");

    assertThat(problems(READER, yaml))
        .containsExactly(
            "s.yaml:13:12: steadyState[0].query: ${servce} is not a declared parameter"
                + " (declared: proxy, service, limit); declare it under parameters:, or write $${"
                + " for a literal ${");
  }

  @Test
  void aParameterWithoutDefaultNeedsAValue() {
    String yaml = PARAMETERISED.replace("service: checkout", "service: ~");

    assertThat(problems(READER, yaml))
        .singleElement()
        .asString()
        .startsWith("s.yaml:5:3: parameters.service: has no default and no value was given");
    assertThat(proxyOf(scenario(READER.withParameters(Map.of("service", "a")), yaml)))
        .isEqualTo("payment");
  }

  @Test
  void aDoubledDollarIsALiteralPlaceholder() {
    String yaml = PARAMETERISED.replace("errors{service=\"${service}\"}", "label_replace($${x})");

    assertThat(levelOf(scenario(READER, yaml)).query()).isEqualTo("label_replace(${x})");
  }

  @Test
  void parametersMustBeAMapOfNamesToScalars() {
    String notAMap = PARAMETERISED.replace("parameters:\n", "parameters: [a]\nx:\n");
    String badName = PARAMETERISED.replace("  service: checkout", "  1service: checkout");
    String listDefault = PARAMETERISED.replace("  limit: 0.05", "  limit: [0.05]");

    assertThat(problems(READER, notAMap)).first().asString().contains("parameters:");
    assertThat(problems(READER, badName))
        .first()
        .asString()
        .startsWith("s.yaml:5:3: parameters: is not a parameter name");
    assertThat(problems(READER, listDefault))
        .first()
        .asString()
        .startsWith("s.yaml:6:10: parameters.limit: expected a default value");
  }

  @Test
  void aScenarioWithoutParametersReadsAsBefore() {
    String plain =
        PARAMETERISED
            .replaceAll("(?s)parameters:.*?targets:", "targets:")
            .replace("\"${proxy}\"", "payment")
            .replace("${service}", "checkout")
            .replace("${limit}", "0.05");

    assertThat(scenario(READER, plain))
        .usingRecursiveComparison()
        .isEqualTo(scenario(READER, PARAMETERISED));
  }
}
