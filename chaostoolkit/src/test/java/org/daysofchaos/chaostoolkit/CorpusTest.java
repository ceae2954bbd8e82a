package org.daysofchaos.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.Test;

/**
 * The corpus of real public experiments (src/test/resources/ctk-corpus, README there): each one is
 * read, checked and imported; it either translates or is refused with a reason that names its file,
 * line and column. None throws.
 */
class CorpusTest {
  /** What each file becomes here; the expectation is written down so that a change shows. */
  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("chaostoolkit/check-file-exists.json", "refused"),
          Map.entry("chaostoolkit/check-file-exists-deviated.json", "refused"),
          Map.entry("chaostoolkit/check-file-exists-fail.json", "refused"),
          Map.entry("chaostoolkit/well-formed-experiment.json", "refused"),
          Map.entry("chaostoolkit/override-rollbacks-runtime-strategy.json", "refused"),
          Map.entry("chaostoolkit/override-hypothesis-runtime-strategy.json", "refused"),
          Map.entry("community-playground/rollout-v1-service2.json", "refused"),
          Map.entry("community-playground/rollout-v2-service2.json", "refused"),
          Map.entry("community-playground/rollout-v3-service2.json", "refused"),
          Map.entry("community-playground/rollout-v4-service2.json", "refused"),
          Map.entry("community-playground/drain-node-experiment.json", "imports"),
          Map.entry("community-playground/kill-pods-experiment.json", "imports"),
          Map.entry("community-playground/book-chapter5-experiment.json", "refused"),
          Map.entry("community-playground/book-chapter6-experiment.json", "imports"),
          Map.entry(
              "community-playground/superpower-latency-should-remain-sane-under-heavy-load.json",
              "refused"),
          Map.entry("community-playground/superpower-lose-all-of-powersources.json", "refused"),
          Map.entry("community-playground/superpower-lose-half-of-powersources.json", "refused"),
          Map.entry("community-playground/simple-interactive-experiment.json", "refused"),
          Map.entry("community-playground/yorn-interactive-experiment.json", "refused"),
          Map.entry("chaostoolkit-demos/lab1-experiment.json", "refused"),
          Map.entry("chaostoolkit-demos/lab2-experiment.json", "refused"),
          Map.entry("chaostoolkit-demos/lab3-experiment.json", "refused"),
          Map.entry("chaostoolkit-demos/lab4-experiment.json", "refused"),
          Map.entry("chaostoolkit-demos/lab5-experiment.json", "refused"),
          Map.entry("walkthrough/lab1-experiment.json", "refused"),
          Map.entry("walkthrough/lab2-experiment.json", "refused"),
          Map.entry("walkthrough/lab3-experiment.json", "refused"),
          Map.entry("walkthrough/lab4-experiment.json", "refused"),
          Map.entry("walkthrough/lab5-experiment.json", "refused"));

  static Path corpus() throws URISyntaxException {
    return Path.of(CorpusTest.class.getResource("/ctk-corpus").toURI());
  }

  static List<Path> files() throws IOException, URISyntaxException {
    try (Stream<Path> s = Files.walk(corpus())) {
      return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  /** The outcome of one file: runs, imports (and runs) or refused, with the reasons. */
  record Outcome(String verdict, List<String> reasons, Optional<String> scenario) {}

  /** The environment the corpus's configuration reads, as a user would set it. */
  static final Map<String, String> ENV =
      Map.ofEntries(
          Map.entry("APPLICATION_ENTRYPOINT_URL", "http://127.0.0.1:9/"),
          Map.entry("COUNTER_URL", "http://127.0.0.1:9/counter"),
          Map.entry("FRONT_URL", "http://127.0.0.1:9/front"),
          Map.entry("HUMIO_DATASPACE", "space"),
          Map.entry("HUMIO_INGEST_TOKEN", "token"),
          Map.entry("JAEGER_HOST", "127.0.0.1"),
          Map.entry("NODE_NAME", "worker-1"),
          Map.entry("POD_LABEL", "app=checkout"),
          Map.entry("POD_NAMESPACE", "shop"),
          Map.entry("PROMETHEUS_URL", "http://127.0.0.1:9"),
          Map.entry("SUPERPOWER_URL", "http://127.0.0.1:9/superpower"));

  static Outcome check(Path file) throws IOException {
    ExperimentRead read = new ExperimentReader(ENV).read(file);
    if (!read.ok()) {
      return new Outcome(
          "refused", read.problems().stream().map(Object::toString).toList(), Optional.empty());
    }
    Experiment e = read.experiment().orElseThrow();
    Checks.Mapping mapping = Checks.map(e);
    if (!mapping.problems().isEmpty()) {
      return new Outcome(
          "refused", mapping.problems().stream().map(Object::toString).toList(), Optional.empty());
    }
    Optional<String> refusal = Translator.refusal(e, mapping);
    if (refusal.isPresent()) {
      return new Outcome("runs", List.of(refusal.get()), Optional.empty());
    }
    return new Outcome("imports", List.of(), Optional.of(Translator.toScenarioYaml(e, mapping)));
  }

  @Test
  void everyFileTranslatesRunsOrIsRefusedWithAPreciseReason() throws Exception {
    List<Path> files = files();
    assertThat(files).hasSizeGreaterThanOrEqualTo(15);
    StringBuilder report = new StringBuilder();
    for (Path file : files) {
      String name = corpus().relativize(file).toString().replace('\\', '/');
      Outcome outcome = check(file);
      report
          .append(name)
          .append(": ")
          .append(outcome.verdict())
          .append(' ')
          .append(outcome.reasons())
          .append('\n');
      for (String reason : outcome.reasons()) {
        assertThat(reason).as(name).startsWith(file.toString());
        assertThat(reason).as(name).matches("(?s).+\\.json(:\\d+:\\d+: [^:]+:)? .+");
      }
      if (outcome.scenario().isPresent()) {
        ReadResult scenario =
            new ScenarioReader(Catalog.standard()).read(name + ".yaml", outcome.scenario().get());
        assertThat(scenario.problems()).as(name + "\n" + outcome.scenario().get()).isEmpty();
      }
    }
    System.out.print(report);
    for (Path file : files) {
      String name = corpus().relativize(file).toString().replace('\\', '/');
      assertThat(check(file).verdict()).as(name + "\n" + report).isEqualTo(EXPECTED.get(name));
    }
  }

  @Test
  void theReadmeListsEveryFileWithItsSourceAndLicence() throws Exception {
    String readme = Files.readString(corpus().resolve("README.md"));
    for (Path file : files()) {
      String name = corpus().relativize(file).toString().replace('\\', '/');
      assertThat(readme).as(name).contains("`" + name + "`");
    }
    assertThat(readme).contains("Apache-2.0");
  }
}
