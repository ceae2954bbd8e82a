package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.net.URI;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.environment.Secret;
import org.daysofchaos.agents.host.AgentConfig;
import org.daysofchaos.agents.host.Allow;
import org.daysofchaos.agents.host.FileConfig;
import org.daysofchaos.agents.host.HostAgent;
import org.daysofchaos.agents.host.Order;
import org.daysofchaos.agents.host.Outcome;
import org.daysofchaos.agents.host.ServerConfig;
import org.daysofchaos.agents.metrics.ScrapeMetricSource;
import org.daysofchaos.agents.process.ProcessPauseInjector;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.Sleeper;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.Faults;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plays each until-fixed demo scenario through the real run loop against the real demo, pulls the
 * lever that fixes it on the ops API in the middle of the run, and checks that recovery is measured
 * after the pull, never before, and that the fault ended because the fix showed in the metrics.
 * Then pulls each lever without need and checks that it costs something on booking's metrics.
 */
class DemoLeversIT {
  private static final Duration INTERVAL = Duration.ofMillis(250);
  private static final Duration HOLD_FOR = Duration.ofSeconds(1);

  /** How long the fault is left alone before the lever is pulled: long enough to see it stay. */
  private static final Duration UNFIXED = HOLD_FOR.multipliedBy(2);

  private static final Duration SAFETY_MAX = Duration.ofSeconds(60);

  private static DemoSystem demo;
  private static ScrapeMetricSource metrics;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startDemo() throws IOException {
    demo = DemoSystem.start();
    metrics = ScrapeMetricSource.of(demo.metricsUrl());
  }

  @AfterAll
  static void stopDemo() {
    demo.close();
  }

  @AfterEach
  void putTheLeversBack() throws Exception {
    assertThat(post("/ops/reset").statusCode()).isEqualTo(200);
    awaitHealthy();
  }

  // --- the right lever fixes its incident ------------------------------------------------------

  @Test
  void failingOverToTheReplicaFixesAPrimaryPaymentOutage() throws Exception {
    Fixed fixed = playAndFix("payment-primary-down", "/ops/payment/failover?to=replica");

    assertFixedByThePull(fixed);
    assertThat(value("booking_payment_instance{instance=\"replica\"}")).isEqualTo(1.0);
  }

  @Test
  void restartingInventoryFixesAFrozenInventory() throws Exception {
    long frozen = demo.inventoryPid();

    Fixed fixed = playAndFix("inventory-frozen", "/ops/inventory/restart");

    assertFixedByThePull(fixed);
    assertThat(demo.inventoryPid()).as("a new inventory process").isNotEqualTo(frozen);
    assertThat(processState(demo.inventoryPid())).as("the new process").isNotEqualTo('T');
    // The revert resumed a pid that no longer exists: not a failure, nothing left behind.
    assertThat(fixed.types()).contains(EventType.REVERTED).doesNotContain(EventType.REVERT_FAILED);
  }

  @Test
  void rollingTheConfigurationBackFixesABadBookingConfig() throws Exception {
    // What demo/bad-config's host/file-change writes (here by hand: the agent is not in this test).
    Files.writeString(demo.bookingConfig(), "payment.pool.size=0\n");
    try {
      await("every booking fails on the bad configuration")
          .atMost(Duration.ofSeconds(10))
          .until(() -> value("booking_error_ratio") > 0.9 && value("booking_config_ok") == 0);

      HttpResponse<String> answer = post("/ops/booking/config/rollback");

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("restored the last good file");
      awaitHealthy();
      assertThat(value("booking_config_ok")).isEqualTo(1.0);
    } finally {
      Files.writeString(demo.bookingConfig(), BookingConfig.GOOD);
    }
  }

  @Test
  void theDemoHostAgentAppliesAndRevertsDemoBadConfig() throws Exception {
    Path dir = Files.createTempDirectory("demo-host-it");
    Allow allow =
        new Allow(
            Map.of(),
            Map.of("booking-config", new FileConfig(demo.bookingConfig().toString())),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            List.of());
    ServerConfig server =
        new ServerConfig(
            "http://127.0.0.1:1", Secret.fromEnv("TOKEN", "server.credential"), Optional.empty());
    AgentConfig config =
        new AgentConfig(
            "demo-host", server, dir.resolve("state"), Duration.ofSeconds(30), allow, dir);
    FaultSpec fault = scenario("bad-config").faults().get(0);
    try (HostAgent agent = HostAgent.open(config, Clock.systemUTC())) {
      agent.recover();
      Outcome applied =
          agent.apply(
              new Order(
                  "it-1",
                  "r",
                  "demo/bad-config",
                  "demo-host",
                  "demo-host",
                  fault,
                  Duration.ofSeconds(30)));
      assertThat(applied.status()).as(applied.message()).isEqualTo(Outcome.Status.APPLIED);
      await("every booking fails on the bad configuration")
          .atMost(Duration.ofSeconds(10))
          .until(() -> value("booking_error_ratio") > 0.9 && value("booking_config_ok") == 0);

      Outcome reverted = agent.revert("it-1");

      assertThat(reverted.status()).as(reverted.message()).isEqualTo(Outcome.Status.REVERTED);
      assertThat(Files.readString(demo.bookingConfig())).isEqualTo(BookingConfig.GOOD);
      awaitHealthy();
    } finally {
      Files.writeString(demo.bookingConfig(), BookingConfig.GOOD);
    }
  }

  @Test
  void openingTheCircuitBreakerFixesPaymentsThatHangOnBothInstances() throws Exception {
    Fixed fixed =
        playAndFix(
            "payment-provider-hangs", "/ops/booking/circuit-breaker?dependency=payment&state=open");

    assertFixedByThePull(fixed);
    assertThat(value("booking_degraded_ratio")).as("payments deferred").isGreaterThan(0.9);
  }

  @Test
  void raisingThePaymentTimeoutFixesPaymentsSlowerThanTheTimeout() throws Exception {
    Fixed fixed =
        playAndFix(
            "payment-slower-than-timeout", "/ops/booking/timeout?dependency=payment&ms=3000");

    assertFixedByThePull(fixed);
    assertThat(value("booking_dependency_timeout_seconds{dependency=\"payment\"}")).isEqualTo(3.0);
  }

  @Test
  void processFaultsTargetTheInventoryThatARestartStarted() throws Exception {
    assertThat(post("/ops/inventory/restart").statusCode()).isEqualTo(200);
    long restarted = demo.inventoryPid();

    ProcessPauseInjector injector = new ProcessPauseInjector(demo.processes());
    Injection pause =
        injector.inject(
            Faults.pause("inventory-process"),
            new Target("inventory-process", new ProcessTarget("inventory")),
            new InjectionContext("it", "it-0", Instant.now().plusSeconds(60)));
    try {
      // SIGSTOP is delivered asynchronously: the state flips within moments, not at once.
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(processState(restarted))
                      .as("the restarted process, paused")
                      .isEqualTo('T'));
    } finally {
      pause.revert();
    }
    assertThat(pause.residue()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(processState(restarted)).isNotEqualTo('T'));
  }

  // --- a lever pulled without need costs something ----------------------------------------------

  @Test
  void failingOverWithoutNeedSlowsBookings() throws Exception {
    // Generous limits: the median is over a sliding window, and a busy machine (or the tests
    // before this one) can hold it up for a while; what matters is the order, primary then replica.
    await("fast bookings on the primary")
        .atMost(Duration.ofSeconds(60))
        .until(() -> value("booking_request_seconds{quantile=\"0.5\"}") < 0.03);

    double primary = value("booking_request_seconds{quantile=\"0.5\"}");

    assertThat(post("/ops/payment/failover?to=replica").statusCode()).isEqualTo(200);

    await("the replica's latency in booking's median")
        .atMost(Duration.ofSeconds(60))
        .until(() -> value("booking_request_seconds{quantile=\"0.5\"}") > 0.04);
    assertThat(value("booking_error_ratio")).isLessThan(0.05);
    System.out.printf(
        "median booking: %.1f ms on the primary, %.1f ms on the replica%n",
        primary * 1000, value("booking_request_seconds{quantile=\"0.5\"}") * 1000);
  }

  @Test
  void restartingInventoryWithoutNeedFailsBookingsWhileItStarts() throws Exception {
    long before = demo.inventoryPid();

    CompletableFuture<HttpResponse<String>> restart =
        HTTP.sendAsync(postRequest("/ops/inventory/restart"), HttpResponse.BodyHandlers.ofString());
    await("failed bookings during the restart")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> value("booking_error_ratio") > 0.1);

    HttpResponse<String> answer = restart.get(30, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    System.out.println("restart: " + answer.body().replaceAll(",\"state\".*", "}"));
    assertThat(answer.body()).contains("\"previousPid\":" + before);
    assertThat(demo.inventoryPid()).isNotEqualTo(before);
  }

  @Test
  void openingTheCircuitBreakerWithoutNeedLeavesBookingsUnpaid() throws Exception {
    assertThat(post("/ops/booking/circuit-breaker?dependency=payment&state=open").statusCode())
        .isEqualTo(200);

    await("bookings confirmed with the payment deferred")
        .atMost(Duration.ofSeconds(10))
        .until(() -> value("booking_degraded_ratio") > 0.9);
    assertThat(value("booking_circuit_breaker_open{dependency=\"payment\"}")).isEqualTo(1.0);
  }

  @Test
  void loweringThePaymentTimeoutWithoutNeedFailsBookings() throws Exception {
    assertThat(post("/ops/booking/timeout?dependency=payment&ms=2").statusCode()).isEqualTo(200);

    await("payment calls cut short by the timeout")
        .atMost(Duration.ofSeconds(10))
        .until(() -> value("booking_error_ratio") > 0.5);
  }

  @Test
  void aBadLeverRequestIsRefusedWithAClearMessage() throws Exception {
    HttpResponse<String> answer = post("/ops/booking/timeout?dependency=payment&ms=soon");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains("ms must be a whole number of milliseconds from 1 to 60000, got 'soon'");
  }

  // --- playing an until-fixed incident ----------------------------------------------------------

  /** What a run that was fixed by a lever looked like. */
  private record Fixed(
      RunResult result, Instant deviated, Instant pulled, List<JournalEvent> events) {
    List<EventType> types() {
      return events.stream().map(JournalEvent::type).toList();
    }

    Optional<JournalEvent> first(EventType type) {
      return events.stream().filter(e -> e.type() == type).findFirst();
    }
  }

  /**
   * Runs the scenario, waits until its steady state has deviated and has stayed deviated for a
   * while, pulls the lever, and waits for the run to end.
   */
  private Fixed playAndFix(String name, String lever) throws Exception {
    Scenario scenario = untilFixed(name);
    awaitHealthy();
    List<JournalEvent> events = new CopyOnWriteArrayList<>();
    IncidentRunner runner =
        new IncidentRunner(
            Agents.injectors(demo.toxiproxyServers(), demo.processes()),
            Agents.probes(metrics, demo.toxiproxyServers()),
            new InMemoryLedger(),
            Clock.systemUTC(),
            Sleeper.system(Clock.systemUTC()),
            RunOptions.defaults().withInterval(INTERVAL));
    RunControl control = new RunControl();
    CompletableFuture<RunResult> run =
        CompletableFuture.supplyAsync(() -> runner.run(scenario, control, List.of(events::add)));
    try {
      await("the steady state deviates under " + name)
          .atMost(Duration.ofSeconds(15))
          .until(() -> has(events, EventType.STEADY_STATE_DEVIATED) || run.isDone());
      assertThat(run).as("the run goes on while nobody fixes it").isNotDone();
      Instant deviated = Instant.now();
      await("the fault stays while nobody pulls a lever")
          .during(UNFIXED)
          .atMost(UNFIXED.plusSeconds(2))
          .until(() -> !run.isDone() && !has(events, EventType.STEADY_STATE_RESTORED));

      Instant pulled = Instant.now();
      HttpResponse<String> answer = post(lever);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

      RunResult result = run.get(SAFETY_MAX.toSeconds(), TimeUnit.SECONDS);
      report(name, pulled, result);
      return new Fixed(result, deviated, pulled, List.copyOf(events));
    } finally {
      control.abort("the test ended");
      run.get(SAFETY_MAX.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** The figures of a fixed run, for the test report: how quickly the metrics showed the fix. */
  private static void report(String name, Instant pulled, RunResult result) {
    System.out.printf(
        "%s: recovery measured from %d ms after the pull, fault ended %d ms after the pull%n",
        name,
        result.recovery().map(r -> Duration.between(pulled, r.at()).toMillis()).orElse(-1L),
        result.faultEndedAt().map(at -> Duration.between(pulled, at).toMillis()).orElse(-1L));
  }

  private static void assertFixedByThePull(Fixed fixed) throws Exception {
    RunResult result = fixed.result();
    assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASSED);
    Instant recovered = result.recovery().orElseThrow().at();
    assertThat(recovered).as("recovery starts after the pull").isAfter(fixed.pulled());
    assertThat(fixed.first(EventType.STEADY_STATE_RESTORED).orElseThrow().at())
        .as("the steady state came back only after the pull")
        .isAfter(fixed.pulled());
    assertThat(fixed.first(EventType.FAULT_ENDING).orElseThrow().message())
        .as("the fault ended because the fix showed")
        .startsWith("ending the fault: fixed");
    assertThat(result.faultEndedAt().orElseThrow())
        .as("the fault stayed until the fix had held")
        .isAfterOrEqualTo(recovered.plus(HOLD_FOR));
    assertTheFaultsAreGone();
  }

  private static void assertTheFaultsAreGone() throws Exception {
    ToxiproxyClient client =
        new ToxiproxyClient(demo.toxiproxyUrl().getHost(), demo.toxiproxyUrl().getPort());
    for (Proxy proxy : client.getProxies()) {
      assertThat(proxy.isEnabled()).as("proxy " + proxy.getName() + " enabled").isTrue();
      assertThat(proxy.toxics().getAll()).as("toxics on " + proxy.getName()).isEmpty();
    }
    assertThat(processState(demo.inventoryPid())).as("inventory process").isNotEqualTo('T');
  }

  private static boolean has(List<JournalEvent> events, EventType type) {
    return events.stream().anyMatch(e -> e.type() == type);
  }

  private static Scenario untilFixed(String name) throws IOException {
    return scenario("until-fixed/" + name);
  }

  private static Scenario scenario(String name) throws IOException {
    String resource = "scenarios/demo/" + name + ".yaml";
    try (var in = DemoLeversIT.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      ReadResult read =
          new ScenarioReader(Catalog.standard())
              .read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(read.problems()).isEmpty();
      Scenario scenario = read.scenarios().get(0);
      return scenario.withTiming(
          Optional.empty(), SAFETY_MAX, new Recovery(HOLD_FOR, Duration.ofSeconds(20)));
    }
  }

  private static void awaitHealthy() {
    await("bookings healthy, on the primary, nothing bypassed")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                value("booking_error_ratio") < 0.05
                    && value("booking_degraded_ratio") < 0.05
                    && value("booking_request_seconds{quantile=\"0.99\"}") < 0.5);
  }

  private static double value(String query) throws Exception {
    List<MetricSample> samples = metrics.samples(query);
    if (samples.size() != 1) {
      throw new AssertionError(query + " returns " + samples);
    }
    return samples.get(0).value();
  }

  private static HttpRequest postRequest(String path) {
    URI ops = demo.opsUrl();
    return HttpRequest.newBuilder(ops.resolve(path))
        .header("Authorization", "Bearer " + demo.opsToken())
        .POST(HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  private static HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(postRequest(path), HttpResponse.BodyHandlers.ofString());
  }

  private static char processState(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2);
  }
}
