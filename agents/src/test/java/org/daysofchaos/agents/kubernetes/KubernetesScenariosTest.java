package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.ledger.InMemoryLedger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunControl;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.run.TargetCheck;
import org.daysofchaos.core.scenario.DryRun;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.ProbeRunners;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.core.testing.ManualSleeper;
import org.daysofchaos.experiments.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario of {@code scenarios/kubernetes/} is dry-run, then run from gate to verdict against
 * the mock API server, through the same wiring as the command line ({@link Agents}): the fault
 * takes effect, the revert puts every object back as it was, and nothing of ours is left behind.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesScenariosTest {
  private static final Path DIR = Path.of("..", "scenarios", "kubernetes");
  private static final ScenarioReader READER = new ScenarioReader(Catalog.standard());

  /** The agents' own client: its calls are told apart from the test's by their user agent. */
  private static final String AGENTS = "days-of-chaos-agents-under-test";

  /** Every call the injectors, probes, reverts and clean-up made, over all the scenarios. */
  private static final Set<ApiCall> CALLS =
      new ConcurrentSkipListSet<>(
          java.util.Comparator.comparing(ApiCall::toString).thenComparing(c -> c.namespaced()));

  KubernetesClient client;
  private KubernetesClient agents;
  KubernetesMockServer server;
  private ManualClock clock;
  private Injectors injectors;
  private ProbeRunners probes;

  static List<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** kube-state-metrics and the shop's own metrics, healthy: nothing fires. */
  private static final MetricSource HEALTHY_METRICS =
      query ->
          List.of(
              MetricSample.of(
                  query.startsWith("kube_deployment_status_replicas_available") ? 3 : 0));

  @BeforeEach
  void setUp() {
    Cluster cluster = new Cluster(client, server);
    cluster.namespace(SHOP, true).node("worker-1", true);
    for (String app : List.of("checkout", "cart", "payments")) {
      cluster.deployment(SHOP, app, 3, app);
    }
    cluster.configMap(SHOP, "checkout-config", Map.of("payments.timeout", "2s"));
    for (Pod pod : client.pods().inNamespace(SHOP).list().getItems()) {
      server
          .expect()
          .post()
          .withPath("/api/v1/namespaces/shop/pods/" + pod.getMetadata().getName() + "/eviction")
          .andReturn(201, "{}")
          .always();
    }
    agents =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder(client.getConfiguration()).withUserAgent(AGENTS).build())
            .build();
    clock = ManualClock.at("2026-11-21T10:00:00Z");
    injectors =
        Injectors.of(
            Agents.injectors(new ToxiproxyServers(List.of()), new LocalProcesses()).all(),
            new KubernetesBackend(agents, clock, new Random(11)).injectors());
    probes =
        Agents.withKubernetes(
            Agents.probes(HEALTHY_METRICS, new ToxiproxyServers(List.of())), agents, clock);
  }

  @AfterEach
  void recordTheAgentsCalls() throws InterruptedException {
    RecordedRequest request;
    while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      if (AGENTS.equals(request.getHeader("User-Agent"))) {
        ApiCall.of(request).ifPresent(CALLS::add);
      }
    }
    agents.close();
  }

  /**
   * The Helm chart grants every call the faults made (dry run, inject, probes, revert, clean-up),
   * and the faults use every right the chart grants for them: no more, no less.
   */
  @AfterAll
  static void theChartsRbacIsWhatTheFaultsCall() {
    if (CALLS.isEmpty()) {
      return;
    }
    List<HasMetadata> chart =
        new HelmChart().set("rbac.namespaces[0]", "shop").set("rbac.nodes", "true").objects();
    assertThat(CALLS)
        .allSatisfy(
            call -> assertThat(HelmChart.grants(chart, call)).as(call + " is granted").isTrue());
    Set<String> granted = new TreeSet<>();
    for (var rule : HelmChart.rules(chart, true)) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          rule.getVerbs()
              .forEach(v -> granted.add(v + " " + (group.isEmpty() ? "" : group + "/") + resource));
        }
      }
    }
    Set<String> used = new TreeSet<>();
    CALLS.forEach(c -> used.add(c.toString()));
    assertThat(used).as("the calls of every Kubernetes scenario").containsAll(ALWAYS_USED);
    assertThat(minus(granted, used))
        .as("granted by the chart but never called by a scenario")
        .isSubsetOf(GRANTED_FOR_WHAT_THE_SCENARIOS_DO_NOT_TARGET);
  }

  private static final Set<String> ALWAYS_USED = Set.of("get namespaces", "delete pods");

  /**
   * The scenarios target deployments and pods by selector; a statefulset target takes the same
   * calls as a deployment, and a pods target named one by one reads each pod.
   */
  private static final Set<String> GRANTED_FOR_WHAT_THE_SCENARIOS_DO_NOT_TARGET =
      Set.of("get apps/statefulsets", "update apps/statefulsets", "get pods");

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  @Test
  void thereIsAScenarioForEveryKubernetesFaultKind() throws IOException {
    ReadResult read = READER.read(scenarios());

    assertThat(read.problems()).isEmpty();
    assertThat(read.scenarios())
        .flatExtracting(Scenario::faults)
        .extracting(KindCatalog::kindOf)
        .containsExactlyInAnyOrderElementsOf(
            Catalog.standard().faultKinds().stream()
                .filter(k -> k.startsWith("kubernetes/"))
                .toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void dryRunsThenRunsAgainstTheMockClusterAndLeavesItAsItWas(Path file) {
    ReadResult read = READER.read(file);
    assertThat(read.problems()).isEmpty();
    Scenario scenario = read.scenarios().get(0);

    assertThat(DryRun.describe(scenario)).contains("inject kubernetes/").contains("(kubernetes ");
    List<TargetCheck.State> checks = TargetCheck.check(scenario, injectors);
    assertThat(checks)
        .isNotEmpty()
        .allSatisfy(state -> assertThat(state.ok()).as(state.describe()).isTrue());

    Map<String, String> before = snapshot();
    int podsBefore = client.pods().inNamespace(SHOP).list().getItems().size();
    List<Map<String, String>> during = new ArrayList<>();
    List<Integer> podsDuring = new ArrayList<>();
    InMemoryLedger ledger = new InMemoryLedger();
    IncidentRunner runner =
        new IncidentRunner(
            injectors,
            probes,
            ledger,
            clock,
            new ManualSleeper(clock),
            RunOptions.defaults().withInterval(Duration.ofMinutes(1)));

    RunResult result =
        runner.run(
            scenario,
            new RunControl(),
            List.of(
                event -> {
                  if (event.type() == EventType.FAULT_ACTIVE) {
                    during.add(snapshot());
                    podsDuring.add(client.pods().inNamespace(SHOP).list().getItems().size());
                  }
                }));

    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASSED);
    assertThat(result.events())
        .extracting(JournalEvent::type)
        .contains(EventType.INJECTED, EventType.FAULT_ACTIVE, EventType.REVERTED)
        .doesNotContain(EventType.REVERT_FAILED, EventType.INJECTION_FAILED);
    assertThat(ledger.all())
        .extracting(LedgerEntry::state)
        .containsOnly(LedgerEntry.State.REVERTED);
    assertThat(during).hasSize(1);
    if (scenario.id().equals("kubernetes/pod-kill")) {
      assertThat(podsDuring).containsExactly(podsBefore - 1);
    } else {
      assertThat(during.get(0)).as("the fault changed the cluster").isNotEqualTo(before);
    }
    assertThat(snapshot()).as("the cluster after the revert").isEqualTo(before);
    assertThat(new KubernetesCleanup(agents, clock).find()).isEmpty();
  }

  /**
   * What the faults may change, by object: labels, annotations and spec or data, as JSON. The
   * restart stamp of a rollout restart stays, as it does with kubectl.
   */
  private Map<String, String> snapshot() {
    Map<String, String> objects = new TreeMap<>();
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(client.apps().deployments().inNamespace(SHOP).list().getItems());
    all.addAll(client.configMaps().inNamespace(SHOP).list().getItems());
    all.addAll(client.network().v1().networkPolicies().inNamespace(SHOP).list().getItems());
    all.addAll(client.nodes().list().getItems());
    for (HasMetadata object : all) {
      var json = client.getKubernetesSerialization().convertValue(object, Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) json.get("metadata");
      json.remove("status");
      metadata.keySet().retainAll(List.of("name", "labels", "annotations"));
      String text = client.getKubernetesSerialization().asJson(json);
      objects.put(
          object.getKind() + "/" + object.getMetadata().getName(),
          text.replaceAll("\"kubectl.kubernetes.io/restartedAt\":\"[^\"]*\",?", "")
              .replace("\"annotations\":{},", ""));
    }
    return objects;
  }
}
