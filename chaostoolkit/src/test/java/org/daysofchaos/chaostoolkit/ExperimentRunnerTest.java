package org.daysofchaos.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.metrics.MetricSources;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.core.testing.ManualSleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments run against local stand-ins: an HTTP server, real processes, the embedded proxy. */
class ExperimentRunnerTest {
  private StandIn http;
  private EmbeddedToxiproxy toxiproxy;
  private final InMemoryLedger ledger = new InMemoryLedger();
  // Now: the embedded proxy checks the expiry of a toxic against its own clock.
  private final ManualClock clock = new ManualClock(java.time.Instant.now());
  private final ManualSleeper sleeper = new ManualSleeper(clock);

  @BeforeEach
  void start() throws Exception {
    http = new StandIn();
    toxiproxy = EmbeddedToxiproxy.start();
    toxiproxy.createProxy("api", "127.0.0.1:0", "127.0.0.1:" + http.port());
  }

  @AfterEach
  void stop() {
    toxiproxy.close();
    http.close();
  }

  private ExperimentRunner.Outcome run(String yaml) {
    return run(yaml, sleeper);
  }

  private ExperimentRunner.Outcome run(String yaml, org.daysofchaos.core.spi.Sleeper sleeper) {
    ExperimentRead read =
        new ExperimentReader(
                Map.of(
                    "BASE",
                    http.url(),
                    "PROXIED",
                    "http://"
                        + toxiproxy.listenAddress("api").getHostString()
                        + ":"
                        + toxiproxy.listenAddress("api").getPort()))
            .read("e.yaml", yaml);
    assertThat(read.problems()).isEmpty();
    Experiment e = read.experiment().orElseThrow();
    Checks.Mapping mapping = Checks.map(e);
    assertThat(mapping.problems()).isEmpty();
    ToxiproxyServers servers =
        new ToxiproxyServers(
            List.of(ToxiproxyServer.of(ToxiproxyServer.DEFAULT, toxiproxy.apiUrl())));
    return new ExperimentRunner(
            Agents.injectors(servers, new LocalProcesses()),
            Agents.probes(MetricSources.of(List.of(), Map.of()), servers),
            ledger,
            clock,
            sleeper,
            new NativeCalls())
        .run(e, mapping, List.of());
  }

  private static final String HEAD =
      """
      title: stand-in
      configuration:
        base: {type: env, key: BASE}
        proxied: {type: env, key: PROXIED}
      steady-state-hypothesis:
        title: healthy
        probes:
          - type: probe
            name: health
            tolerance: 200
            provider: {type: http, url: "${base}/health", timeout: 5}
      """;

  @Test
  void httpAndProcessActionsRunAndTheRollbacksToo() {
    ExperimentRunner.Outcome o =
        run(
            HEAD
                + """
                method:
                  - type: action
                    name: echo
                    provider: {type: process, path: echo, arguments: [hello, world]}
                    pauses: {after: 2}
                  - type: probe
                    name: body
                    provider: {type: http, url: "${base}/ping"}
                rollbacks:
                  - type: action
                    name: repair
                    provider: {type: http, url: "${base}/repair", method: POST, expected_status: 200}
                """);
    assertThat(o.result().verdict()).as(o.result().events().toString()).isEqualTo(Verdict.PASSED);
    assertThat(((Map<?, ?>) o.method().get(0).output()).get("stdout")).isEqualTo("hello world\n");
    assertThat(((Map<?, ?>) o.method().get(1).output()).get("body")).isEqualTo("ok");
    assertThat(http.count("POST /repair")).isEqualTo(1);
    assertThat(http.count("GET /health")).isEqualTo(2);
    assertThat(sleeper.sleeps()).isEqualTo(1);
  }

  @Test
  void processAndPrometheusProbesAreJudgedByTheirTolerancesAndBackgroundActionsAreAwaited() {
    ExperimentRunner.Outcome o =
        run(
            """
            title: tolerances on real outputs
            configuration:
              base: {type: env, key: BASE}
              prometheus_base_url: {type: env, key: BASE}
            steady-state-hypothesis:
              title: healthy
              probes:
                - type: probe
                  name: echo
                  tolerance: {type: regex, pattern: "^ready", target: stdout}
                  provider: {type: process, path: echo, arguments: ready now}
                - type: probe
                  name: error rate
                  tolerance: {type: jsonpath, path: "$.data.result[0].value[1]", expect: "0.2"}
                  provider:
                    type: python
                    module: chaosprometheus.probes
                    func: query
                    arguments: {query: "rate(errors[1m])"}
                - type: probe
                  name: exit status
                  tolerance: 0
                  provider: {type: process, path: "true"}
            method:
              - type: action
                name: in the background
                background: true
                provider: {type: http, url: "${base}/background", method: POST}
              - type: probe
                name: after it
                provider: {type: http, url: "${base}/after"}
            """);
    assertThat(o.result().verdict()).as(o.result().events().toString()).isEqualTo(Verdict.PASSED);
    assertThat(http.count("GET /api/v1/query?query=rate")).isEqualTo(2);
    assertThat(http.count("POST /background")).isEqualTo(1);
    assertThat(o.method()).hasSize(2);
  }

  @Test
  void rollbacksRunWhenTheMethodFails() {
    ExperimentRunner.Outcome o =
        run(
            HEAD
                + """
                method:
                  - type: action
                    name: break
                    provider: {type: http, url: "${base}/break", method: POST}
                  - type: action
                    name: missing program
                    provider: {type: process, path: /no/such/program}
                  - type: action
                    name: never
                    provider: {type: http, url: "${base}/never"}
                rollbacks:
                  - type: action
                    name: repair
                    provider: {type: http, url: "${base}/repair", method: POST}
                """);
    assertThat(o.result().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(o.result().reason()).contains("missing program").contains("rollbacks ran");
    assertThat(http.count("GET /never")).isZero();
    assertThat(http.count("POST /repair")).isEqualTo(1);
    assertThat(http.broken).isFalse();
    assertThat(o.after()).isEmpty();
  }

  @Test
  void aHypothesisNotMetBeforeRunsNothingAndOneNotMetAfterDeviates() {
    http.broken.set(true);
    ExperimentRunner.Outcome aborted =
        run(
            HEAD
                + "method:\n  - {type: action, name: x, provider: {type: http, url: \"${base}/x\"}}\n");
    assertThat(aborted.result().verdict()).isEqualTo(Verdict.ABORTED);
    assertThat(http.count("GET /x")).isZero();

    http.broken.set(false);
    ExperimentRunner.Outcome deviated =
        run(
            HEAD
                + "method:\n  - {type: action, name: b, provider: {type: http, url: \"${base}/break\"}}\n");
    assertThat(deviated.result().verdict()).isEqualTo(Verdict.DEVIATED);
    assertThat(deviated.result().deviated()).isTrue();
  }

  @Test
  void aChaostoxiToxicIsOurFaultInTheLedgerAndOurRevertRemovesIt() throws Exception {
    ExperimentRunner.Outcome o =
        run(
            HEAD
                + """
                method:
                  - type: action
                    name: slow api
                    provider:
                      type: python
                      module: chaostoxi.toxic.actions
                      func: create_latency_toxic
                      arguments: {for_proxy: api, toxic_name: slow, latency: 300}
                  - type: probe
                    name: through the proxy
                    provider: {type: process, path: "true"}
                    pauses: {after: 1}
                rollbacks:
                  - type: action
                    name: remove it
                    provider:
                      type: python
                      module: chaostoxi.toxic.actions
                      func: delete_toxic
                      arguments: {for_proxy: api, toxic_name: slow}
                """);
    assertThat(o.result().verdict()).as(o.result().events().toString()).isEqualTo(Verdict.PASSED);
    assertThat(o.result().injectedAt()).isPresent();
    assertThat(o.result().events().stream().map(ev -> ev.type()))
        .contains(EventType.INJECTED, EventType.REVERTED);
    assertThat(ledger.all()).hasSize(1).allSatisfy(entry -> assertThat(entry.open()).isFalse());
    Proxy proxy = toxiproxy.client().getProxy("api");
    assertThat(proxy.toxics().getAll()).isEmpty();
  }

  @Test
  void whileTheToxicIsActiveTheLedgerAloneCanRevertItAsCrashRecoveryWould() throws Exception {
    List<String> recovered = new java.util.ArrayList<>();
    List<Integer> toxicsAfterRecovery = new java.util.ArrayList<>();
    org.daysofchaos.core.spi.Sleeper crashRecovery =
        deadline -> {
          // As the next chaos run would after a crash: revert from the ledger alone.
          recovered.addAll(org.daysofchaos.agents.Leftovers.revertAll(ledger, clock));
          try {
            toxicsAfterRecovery.add(toxiproxy.client().getProxy("api").toxics().getAll().size());
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          clock.set(deadline);
        };
    ExperimentRunner.Outcome o =
        run(
            HEAD
                + """
                method:
                  - type: action
                    name: slow api
                    provider:
                      type: python
                      module: chaostoxi.toxic.actions
                      func: create_latency_toxic
                      arguments: {for_proxy: api, toxic_name: slow, latency: 300}
                    pauses: {after: 5}
                """,
            crashRecovery);
    assertThat(recovered).hasSize(1);
    assertThat(toxicsAfterRecovery).containsExactly(0);
    assertThat(o.result().verdict()).isEqualTo(Verdict.PASSED);
    assertThat(ledger.open()).isEmpty();
  }

  @Test
  void theToxicIsRevertedAlsoWhenTheMethodFailsAfterIt() throws Exception {
    ExperimentRunner.Outcome o =
        run(
            HEAD
                + """
                method:
                  - type: action
                    name: cut
                    provider:
                      type: python
                      module: chaostoxi.toxic.actions
                      func: create_timeout_toxic
                      arguments: {for_proxy: api, toxic_name: cut, timeout: 0}
                  - type: action
                    name: fails
                    provider: {type: process, path: /no/such/program}
                """);
    assertThat(o.result().verdict()).isEqualTo(Verdict.FAILED);
    assertThat(o.result().reason()).contains("/no/such/program");
    assertThat(o.result().injectedAt()).isPresent();
    assertThat(toxiproxy.client().getProxy("api").toxics().getAll()).isEmpty();
    assertThat(ledger.open()).isEmpty();
  }

  @Test
  void theChaosToolkitJournalHasItsShape(@TempDir Path dir) throws Exception {
    ExperimentRunner.Outcome o =
        run(
            HEAD
                + "method:\n  - {type: probe, name: m, provider: {type: http, url: \"${base}/metrics.json\"}}\n");
    Path file = dir.resolve("journal.json");
    CtkJournal.write(o, file);
    Map<?, ?> journal =
        (Map<?, ?>)
            org.daysofchaos.chaostoolkit.internal.JsonPath.parseJson(Files.readString(file));
    assertThat(journal.get("status")).isEqualTo("completed");
    assertThat(journal.get("deviated")).isEqualTo(false);
    assertThat(
            ((Map<?, ?>) ((Map<?, ?>) journal.get("steady_states")).get("before"))
                .get("steady_state_met"))
        .isEqualTo(true);
    assertThat((List<?>) journal.get("run")).hasSize(1);
    assertThat(URI.create(http.url())).isNotNull();
  }
}
