package org.daysofchaos.agents.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.agents.proxy.TestHttpServer;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.run.TargetCheck;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.spi.Sleeper;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.probes.ProxyState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario of {@code scenarios/toxiproxy/} (one per toxic) against the embedded fault
 * proxy, with a real client calling a real HTTP server through it: the dry run sees the target, the
 * fault shows in the client's metrics, and the proxy is clean afterwards.
 */
class ToxiproxyScenariosIT {
  private static final Path FOLDER = Path.of("../scenarios/toxiproxy");

  private TestHttpServer payments;
  private EmbeddedToxiproxy toxiproxy;
  private ToxiproxyServers servers;
  private Checkout checkout;

  @BeforeEach
  void start() {
    payments = TestHttpServer.start();
    toxiproxy = EmbeddedToxiproxy.start(new InetSocketAddress("127.0.0.1", 0));
    toxiproxy.createProxy("payments", "127.0.0.1:0", payments.hostPort());
    servers = ToxiproxyServers.of(ToxiproxyServer.of("preprod", toxiproxy.apiUrl()));
    int port = toxiproxy.listenAddress("payments").getPort();
    checkout = new Checkout(URI.create("http://127.0.0.1:" + port + "/bytes/20000"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    checkout.close();
    toxiproxy.close();
    payments.close();
  }

  static Stream<String> scenarios() throws Exception {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void runsAgainstTheEmbeddedProxyAndLeavesItClean(String file) throws Exception {
    Scenario scenario = shortened(read(FOLDER.resolve(file)));
    ProbeRunners probes = Agents.probes(checkout, servers);
    var injectors = Agents.injectors(servers, new LocalProcesses());
    assertThat(TargetCheck.check(scenario, injectors))
        .allSatisfy(s -> assertThat(s.ok()).as(s.describe()).isTrue());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> checkout.value("checkout_payments_error_ratio").orElse(1) == 0);

    Clock clock = Clock.systemUTC();
    RunResult result =
        new IncidentRunner(
                injectors,
                probes,
                new InMemoryLedger(),
                clock,
                Sleeper.system(clock),
                RunOptions.defaults().withInterval(Duration.ofMillis(100)))
            .run(scenario, new RunControl(), List.of());

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASSED);
    assertThat(result.events())
        .extracting(e -> e.type())
        .contains(EventType.INJECTED, EventType.REVERTED);
    if (!file.equals("slow-close.yaml")) {
      // Keep-alive calls never see a slow close; every other toxic shows in the client's metrics.
      assertThat(result.detection()).as(file + " detected; " + result.summary()).isPresent();
      assertThat(result.deviated()).isTrue();
    }
    assertThat(
            new ProxyStateRunner(servers)
                .observe(new ProxyState("payments", "preprod", ProxyState.Expect.CLEAN))
                .holds())
        .isTrue();
  }

  private static Scenario read(Path file) throws Exception {
    ReadResult read = new ScenarioReader(Catalog.standard()).read(file);
    assertThat(read.problems()).isEmpty();
    return read.scenarios().get(0);
  }

  private static Scenario shortened(Scenario scenario) {
    return scenario.withTiming(
        Optional.of(Duration.ofSeconds(2)),
        scenario.maxDuration(),
        new Recovery(Duration.ofMillis(500), Duration.ofSeconds(15)));
  }
}
