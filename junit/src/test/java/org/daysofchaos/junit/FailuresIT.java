package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * How chaos tests fail, checked by running test classes of the extension with JUnit's own test kit:
 * faults are reverted when the test throws, and a scenario that does not recover in time fails its
 * test with the journal's summary.
 */
class FailuresIT {

  @Test
  void faultsAreRevertedWhenTheTestThrows() {
    Events tests = run(ThrowsUnderFaults.class);

    tests.assertStatistics(s -> s.started(1).failed(1));
    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("throwsWithLatencyAndAnOutage"),
                finishedWithFailure(instanceOf(IllegalStateException.class), message("boom"))));
    assertThat(ThrowsUnderFaults.seenAfterTheTest.get())
        .as("toxics and enabled state of the proxy after the test")
        .isEqualTo(List.of("enabled=true", "toxics=[]"));
  }

  @Test
  void aScenarioThatDoesNotRecoverInTimeFailsWithTheSummary() {
    Events tests = run(DoesNotRecoverInTime.class);

    tests.assertStatistics(s -> s.started(1).failed(1));
    tests
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("recoversWithinItsBound"),
                finishedWithFailure(
                    instanceOf(AssertionError.class),
                    message(m -> m.startsWith("scenario junit/dependency-down: did not recover")),
                    message(m -> m.contains("verdict: DEVIATED")),
                    message(m -> m.contains("detected: after")),
                    message(m -> m.contains("journal: ") && m.contains("chaos-journals")))));
  }

  private static Events run(Class<?> testClass) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    assertThat(results.containerEvents().failed().list()).as("classes that failed").isEmpty();
    return results.testEvents();
  }

  /** Run by the test kit only (failsafe leaves nested classes alone). */
  @ChaosTest
  static class ThrowsUnderFaults {
    static final AtomicReference<List<String>> seenAfterTheTest = new AtomicReference<>();
    // The upstream must be known before the extension creates the proxy, i.e. before @BeforeAll.
    private static final TinyHttp dependency = TinyHttp.dependency();

    static {
      System.setProperty("chaos.it.dependency", dependency.address());
    }

    @ChaosProxy(name = "dependency", upstream = "${chaos.it.dependency}")
    static FaultProxy proxy;

    @Test
    void throwsWithLatencyAndAnOutage() {
      proxy.latency(Duration.ofSeconds(1)).bandwidth(1).down();
      throw new IllegalStateException("boom");
    }

    /** Runs after the extension's after-each revert, before it stops the proxy. */
    @AfterAll
    static void look(Chaos chaos) throws Exception {
      var onServer = chaos.toxiproxyClient().getProxy("dependency");
      seenAfterTheTest.set(
          List.of(
              "enabled=" + onServer.isEnabled(),
              "toxics=" + onServer.toxics().getAll().stream().map(t -> t.getName()).toList()));
      dependency.close();
      System.clearProperty("chaos.it.dependency");
    }
  }

  /** Run by the test kit only: the steady state cannot hold for 5 s within 300 ms of the end. */
  @ChaosTest
  static class DoesNotRecoverInTime {
    private static TinyHttp dependency;
    private static TinyHttp service;

    @BeforeAll
    static void start(Chaos chaos) {
      dependency = TinyHttp.dependency();
      service = TinyHttp.service(chaos.proxy("dependency", dependency.address()).uri("http"));
    }

    @AfterAll
    static void stop() {
      service.close();
      dependency.close();
    }

    @Test
    void recoversWithinItsBound(Chaos chaos) {
      chaos
          .scenario("chaos/dependency-down.yaml")
          .variable("service", service.address())
          .faultDuration(Duration.ofMillis(500))
          .recovery(Duration.ofSeconds(5), Duration.ofMillis(300))
          .run()
          .recoversWithin(Duration.ofSeconds(30));
    }
  }
}
