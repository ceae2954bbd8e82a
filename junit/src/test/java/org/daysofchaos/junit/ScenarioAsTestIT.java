package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.report.JournalReports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scenario file run as a test through the run loop, against a real service whose dependency sits
 * behind the embedded proxy: detected, recovered, the journal where the report reads it.
 */
@ChaosTest
class ScenarioAsTestIT {
  private static TinyHttp dependency;
  private static TinyHttp service;

  @BeforeAll
  static void start(Chaos chaos) {
    dependency = TinyHttp.dependency();
    FaultProxy link = chaos.proxy("dependency", dependency.address());
    service = TinyHttp.service(link.uri("http"));
  }

  @AfterAll
  static void stop() {
    service.close();
    dependency.close();
  }

  @Test
  void theServiceDetectsTheOutageAndRecovers(Chaos chaos) throws Exception {
    ScenarioResult result =
        chaos
            .scenario("chaos/dependency-down.yaml")
            .variable("service", service.address())
            .faultDuration(Duration.ofSeconds(1))
            .run()
            .passed()
            .detectedWithin(Duration.ofSeconds(10))
            .recoversWithin(Duration.ofSeconds(15));

    assertThat(result.journal()).exists().startsWith(chaos.journalDirectory());
    assertThat(result.journal().getFileName().toString())
        .startsWith(
            "junit_dependency-down--ScenarioAsTestIT.theServiceDetectsTheOutageAndRecovers");
    JournalJson.Document read = JournalJson.read(result.journal());
    assertThat(read.run().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(read.run().scenarioId()).isEqualTo("junit/dependency-down");
    assertThat(Files.size(result.journal())).isPositive();
    assertThat(chaos.toxiproxyClient().getProxy("dependency").isEnabled()).isTrue();

    // what chaos report --journals reads
    JournalReports.Loaded report =
        JournalReports.load(List.of(result.journal()), id -> Optional.empty(), Instant.now());
    assertThat(report.skipped()).isEmpty();
    assertThat(report.input().incidents()).hasSize(1);
  }
}
