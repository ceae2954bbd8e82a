package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A Chaos Toolkit experiment run as a test against a service whose dependency is proxied. */
@ChaosTest
class ExperimentAsTestIT {
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
  void theExperimentPassesAndItsToxicIsGone(Chaos chaos) throws Exception {
    ScenarioResult result =
        chaos
            .experiment("chaos/slow-dependency.yaml")
            .env("SERVICE_URL", service.uri())
            .run()
            .passed();
    assertThat(JournalJson.read(result.journal()).run().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(chaos.toxiproxyClient().getProxy("dependency").toxics().getAll()).isEmpty();
    assertThat(chaos.activeFaults()).isEmpty();
  }
}
