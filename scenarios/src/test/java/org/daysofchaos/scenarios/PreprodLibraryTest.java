package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.probes.MetricThreshold;
import org.junit.jupiter.api.Test;

/**
 * The pre-production library ({@code scenarios/preprod/}) is what a team starts from: every
 * scenario comes with PromQL detection signals, alert names, an answer key, hints and services, and
 * its alerts are exactly those of {@code deploy/prometheus/rules.yml}.
 */
class PreprodLibraryTest {
  static final Path FOLDER = ShippedFiles.MODULE.resolve("preprod");
  static final Path RULES =
      ShippedFiles.MODULE.getParent().resolve("deploy").resolve("prometheus").resolve("rules.yml");

  private static final ScenarioReader READER = new ScenarioReader(Catalog.standard());

  @Test
  void theLibraryHasAtLeastTenScenariosUnderItsOwnIds() {
    List<Scenario> scenarios = library();

    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(10);
    assertThat(scenarios).extracting(Scenario::id).allMatch(id -> id.startsWith("preprod/"));
  }

  @Test
  void everyScenarioIsReadyToPlay() {
    for (Scenario scenario : library()) {
      String id = scenario.id();
      assertThat(scenario.detection().alerts()).as("%s: detection.alerts", id).isNotEmpty();
      assertThat(scenario.detection().services()).as("%s: detection.services", id).isNotEmpty();
      assertThat(scenario.diagnosis()).as("%s: diagnosis", id).isPresent();
      assertThat(scenario.hints()).as("%s: hints", id).isNotEmpty();
      assertThat(scenario.detection().signals()).as("%s: detection.signals", id).isNotEmpty();
      assertThat(scenario.detection().signals())
          .as("%s: detection signals are PromQL metric/threshold probes", id)
          .allMatch(MetricThreshold.class::isInstance);
    }
  }

  @Test
  void theScenariosNameExactlyTheAlertsTheRulesDefine() throws IOException {
    Set<String> named = new TreeSet<>();
    library().forEach(scenario -> named.addAll(scenario.detection().alerts()));

    assertThat(alertsDefinedIn(RULES)).containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void everyRuleHasAForASeverityAndASummary() throws IOException {
    for (JsonNode rule : rules(RULES)) {
      String alert = rule.path("alert").asText();
      assertThat(rule.path("expr").asText()).as("%s: expr", alert).isNotBlank();
      assertThat(rule.path("for").asText()).as("%s: for", alert).isNotBlank();
      assertThat(rule.path("labels").path("severity").asText())
          .as("%s: severity", alert)
          .isNotBlank();
      assertThat(rule.path("annotations").path("summary").asText())
          .as("%s: summary", alert)
          .isNotBlank();
    }
  }

  /**
   * A team adapts the library through the environment's parameters alone: given other names, no
   * scenario still names the placeholders' defaults (alert names, ids and target names aside).
   */
  @Test
  void everyNameOfTheSystemComesFromAParameter() {
    Map<String, String> ours =
        Map.ofEntries(
            Map.entry("namespace", "ns-x"),
            Map.entry("service", "svc-x"),
            Map.entry("serviceContainer", "ctr-x"),
            Map.entry("serviceConfigMap", "cm-x"),
            Map.entry("payments", "pay-x"),
            Map.entry("paymentsProxy", "payproxy-x"),
            Map.entry("inventory", "inv-x"),
            Map.entry("inventoryProxy", "invproxy-x"),
            Map.entry("podLabel", "name"),
            Map.entry("node", "node-x"),
            Map.entry("serverMetric", "server_x"),
            Map.entry("clientMetric", "client_x"),
            Map.entry("rateWindow", "30s"));
    ReadResult result = READER.withParameters(ours).read(files());
    assertThat(result.problems()).as(result.report()).isEmpty();
    Pattern defaults =
        Pattern.compile(
            "(?<![-\\w/.])(shop|checkout|payments|inventory|worker-1|app|http_\\w+|1m)(?![-\\w.])");

    for (Scenario scenario : result.scenarios()) {
      String text = scenario.toString().replace(scenario.id(), "");
      for (String target : scenario.targets().keySet()) {
        text =
            text.replace(target + "=Target", "")
                .replace("name=" + target + ",", "")
                .replace("target=" + target + ",", "");
      }
      assertThat(defaults.matcher(text).results().map(MatchResult::group).toList())
          .as("%s still names", scenario.id())
          .isEmpty();
    }
  }

  private static List<Scenario> library() {
    ReadResult result = READER.read(files());
    assertThat(result.problems()).as(result.report()).isEmpty();
    return result.scenarios();
  }

  private static List<Path> files() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> alertsDefinedIn(Path rulesFile) throws IOException {
    Set<String> alerts = new TreeSet<>();
    for (JsonNode rule : rules(rulesFile)) {
      assertThat(alerts.add(rule.path("alert").asText()))
          .as("alert %s defined twice", rule)
          .isTrue();
    }
    return alerts;
  }

  /** The alerting rules of every group (recording rules have no alert name and are left out). */
  private static List<JsonNode> rules(Path rulesFile) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(rulesFile.toFile());
    assertThat(root.path("groups").isArray()).as("%s has groups", rulesFile).isTrue();
    return Stream.of(root.path("groups"))
        .flatMap(groups -> stream(groups))
        .flatMap(group -> stream(group.path("rules")))
        .filter(rule -> rule.has("alert"))
        .toList();
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
