package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.ScrapeMetricSource;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Sleeper;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Runs each shipped demo scenario against the real demo (real TCP through the embedded fault proxy,
 * a real separate inventory process, real scraped metrics) and compares what the run measured with
 * the truth, sampled every 20 ms by the test itself.
 */
// Alone: it compares the runner's measurements with the truth sampled every 20 ms, on a calm demo;
// beside PromQlMeasurementIT's demos and Prometheus servers on 2 cores, one of its runs once
// injected nothing in CI.
@Isolated
class DemoScenariosIT {
  private static final Duration INTERVAL = Duration.ofMillis(250);
  private static final Duration TRUTH_EVERY = Duration.ofMillis(20);

  /** Scrapes and thread wake-ups on a busy 2-core machine take some time of their own. */
  private static final Duration SLACK = Duration.ofMillis(150);

  private static final Duration FAULT = Duration.ofSeconds(4);

  /**
   * A frozen inventory makes each booking wait for its timeout, one after the other: on a loaded
   * machine, 4 s could hold no booking that both started and ended inside the fault.
   */
  private static final Duration FREEZE = Duration.ofSeconds(7);

  private static final Duration HOLD_FOR = Duration.ofSeconds(1);

  private static DemoSystem demo;

  @BeforeAll
  static void startDemo() throws IOException {
    demo = DemoSystem.start();
  }

  @AfterAll
  static void stopDemo() {
    demo.close();
  }

  @Test
  void paymentLatencySlowsRealBookingsAndIsMeasured() throws Exception {
    RunResult result =
        runAndCompareWithTruth(
            "payment-latency",
            during ->
                assertThat(medianMillis(during))
                    .as("median booking time under the fault")
                    .isGreaterThan(700));
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void inventoryOutageFailsRealBookingsAndIsMeasured() throws Exception {
    RunResult result =
        runAndCompareWithTruth(
            "inventory-outage",
            during ->
                assertThat(during)
                    .as("bookings under the outage")
                    .isNotEmpty()
                    .noneMatch(Customer.Booking::ok));
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void paymentResetsFailSomeRealBookingsAndAreMeasured() throws Exception {
    RunResult result =
        runAndCompareWithTruth(
            "payment-resets",
            during -> assertThat(during).as("bookings under the resets").anyMatch(b -> !b.ok()));
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void inventoryFreezeHangsRealBookingsAndIsMeasured() throws Exception {
    RunResult result =
        runAndCompareWithTruth(
            "inventory-freeze",
            FREEZE,
            during ->
                assertThat(during)
                    .as("bookings under the freeze")
                    .isNotEmpty()
                    .allMatch(b -> !b.ok() && b.took().compareTo(Duration.ofMillis(900)) >= 0));
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
  }

  @Test
  void inventoryCrashFailsRealBookingsAndTheRevertRestartsIt() throws Exception {
    long before = demo.inventoryPid();
    RunResult result =
        runAndCompareWithTruth(
            "inventory-crash",
            during ->
                assertThat(during)
                    .as("bookings while inventory is dead")
                    .isNotEmpty()
                    .noneMatch(Customer.Booking::ok));
    assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(demo.inventoryPid()).as("a new inventory process").isNotEqualTo(before);
  }

  private RunResult runAndCompareWithTruth(String name, Consumer<List<Customer.Booking>> effect)
      throws Exception {
    return runAndCompareWithTruth(name, FAULT, effect);
  }

  private RunResult runAndCompareWithTruth(
      String name, Duration fault, Consumer<List<Customer.Booking>> effect) throws Exception {
    Scenario scenario = shortened(shipped(name), fault);
    ProbeRunners probes =
        Agents.probes(ScrapeMetricSource.of(demo.metricsUrl()), demo.toxiproxyServers());
    ProbeRunners truthProbes =
        Agents.probes(ScrapeMetricSource.of(demo.metricsUrl()), demo.toxiproxyServers());
    await("steady state before " + name)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> allHold(truthProbes, scenario.steadyState()));

    RunResult result;
    try (Timeline steady =
            new Timeline(
                "steady", () -> allHold(truthProbes, scenario.steadyState()), TRUTH_EVERY);
        Timeline signal =
            new Timeline(
                "signal",
                () -> anyHolds(truthProbes, scenario.detection().signals()),
                TRUTH_EVERY);
        Customer customer = new Customer(demo.bookingUrl())) {
      Clock clock = Clock.systemUTC();
      IncidentRunner runner =
          new IncidentRunner(
              Agents.injectors(demo.toxiproxyServers(), demo.processes()),
              probes,
              new InMemoryLedger(),
              clock,
              Sleeper.system(clock),
              RunOptions.defaults().withInterval(INTERVAL));
      result = runner.run(scenario, new RunControl(), List.of());

      Instant injected =
          result.injectedAt().orElseThrow(() -> new AssertionError(result.summary()));
      Instant ended = result.faultEndedAt().orElseThrow(() -> new AssertionError(result.summary()));
      effect.accept(customer.between(injected.plusMillis(1200), ended));
      assertWithinOneInterval("detection", result.detection(), signal.firstHolding(injected));
      assertWithinOneInterval(
          "recovery", result.recovery(), steady.firstStretch(injected, HOLD_FOR));
    }
    assertTheDemoIsCleanAgain();
    return result;
  }

  private static void assertWithinOneInterval(
      String what, Optional<Measurement> measured, Optional<Instant> truth) {
    assertThat(measured).as(what + " measured").isPresent();
    assertThat(truth).as(what + " seen by the test").isPresent();
    Duration late = Duration.between(truth.get(), measured.get().at());
    assertThat(late)
        .as(what + ": measured at " + measured.get().at() + ", true moment " + truth.get())
        .isGreaterThanOrEqualTo(TRUTH_EVERY.plus(SLACK).negated())
        .isLessThanOrEqualTo(INTERVAL.plus(TRUTH_EVERY).plus(SLACK));
  }

  private static void assertTheDemoIsCleanAgain() throws Exception {
    ToxiproxyClient client =
        new ToxiproxyClient(demo.toxiproxyUrl().getHost(), demo.toxiproxyUrl().getPort());
    for (Proxy proxy : client.getProxies()) {
      assertThat(proxy.isEnabled()).as("proxy " + proxy.getName() + " enabled").isTrue();
      assertThat(proxy.toxics().getAll()).as("toxics on " + proxy.getName()).isEmpty();
    }
    String stat = Files.readString(Path.of("/proc", Long.toString(demo.inventoryPid()), "stat"));
    assertThat(stat.charAt(stat.lastIndexOf(')') + 2))
        .as("inventory process state")
        .isNotEqualTo('T');
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> booking =
        http.send(
            HttpRequest.newBuilder(demo.bookingUrl().resolve("/book")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(booking.statusCode()).isEqualTo(200);
  }

  private static long medianMillis(List<Customer.Booking> bookings) {
    assertThat(bookings).isNotEmpty();
    List<Long> sorted = bookings.stream().map(b -> b.took().toMillis()).sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static Scenario shipped(String name) throws IOException {
    String resource = "scenarios/demo/" + name + ".yaml";
    try (var in = DemoScenariosIT.class.getClassLoader().getResourceAsStream(resource)) {
      ReadResult read =
          new ScenarioReader(Catalog.standard())
              .read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(read.problems()).isEmpty();
      return read.scenarios().get(0);
    }
  }

  private static Scenario shortened(Scenario scenario, Duration fault) {
    return scenario.withTiming(
        Optional.of(fault), scenario.maxDuration(), new Recovery(HOLD_FOR, Duration.ofSeconds(20)));
  }

  private static boolean allHold(ProbeRunners probes, List<ProbeSpec> specs) {
    return specs.stream().allMatch(p -> holds(probes, p));
  }

  private static boolean anyHolds(ProbeRunners probes, List<ProbeSpec> specs) {
    return specs.stream().anyMatch(p -> holds(probes, p));
  }

  private static <P extends ProbeSpec> boolean holds(ProbeRunners probes, P probe) {
    ProbeRunner<P> runner = probes.forProbe(probe).orElseThrow();
    try {
      return runner.observe(probe).holds();
    } catch (Exception e) {
      return false;
    }
  }
}
