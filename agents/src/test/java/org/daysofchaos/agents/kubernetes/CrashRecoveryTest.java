package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.daysofchaos.agents.kubernetes.Cluster.CONTEXT;
import static org.daysofchaos.agents.kubernetes.Cluster.NOW;
import static org.daysofchaos.agents.kubernetes.Cluster.SHOP;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.daysofchaos.agents.Leftovers;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.ledger.FileLedger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.kubernetes.ConfigChange;
import org.daysofchaos.experiments.kubernetes.EnvChange;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.daysofchaos.experiments.kubernetes.Traffic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that crashed after injecting leaves only two things behind: its ledger entry (with the
 * revert record) and our annotations on the objects it changed. Each is enough to revert.
 */
class CrashRecoveryTest extends MockClusterFixture {
  @Override
  Random random() {
    return new Random(3);
  }

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private final Target checkout =
      new Target("checkout", KubernetesTarget.deployment(SHOP, "checkout"));
  private final Target cart = new Target("cart", KubernetesTarget.deployment(SHOP, "cart"));
  private final Target config =
      new Target("config", KubernetesTarget.configMap(SHOP, "checkout-config"));
  private final Target worker = new Target("worker", KubernetesTarget.node("worker-1"));
  private final Target payments =
      new Target("payments", KubernetesTarget.pods(SHOP, Map.of("app", "payments")));
  private final Target search = new Target("search", KubernetesTarget.deployment(SHOP, "search"));

  @BeforeEach
  void setUp() {
    cluster.deployment(SHOP, "checkout", 3);
    cluster.deployment(SHOP, "cart", 2);
    cluster.deployment(SHOP, "payments", 1);
    cluster.deployment(SHOP, "search", 1);
    cluster.configMap(SHOP, "checkout-config", Map.of("mode", "fast"));
  }

  /** Injects every revertible fault, as a run would, and "crashes": nothing is reverted. */
  private List<RevertRecord> injectEverythingAndCrash() {
    return injectEverythingAndCrash(new java.util.ArrayList<>());
  }

  /** The same, collecting in {@code planned} the records written before each change. */
  private List<RevertRecord> injectEverythingAndCrash(List<RevertRecord> planned) {
    List<RevertRecord> records = new java.util.ArrayList<>();
    Object[][] faults = {
      {new Scale("checkout", 0, 3), checkout},
      {new EnvChange("cart", "LOG_LEVEL", "trace", Optional.empty(), 2), cart},
      {new ConfigChange("config", "mode", "slow"), config},
      {new NodeCordon("worker", false, null), worker},
      {new Partition("payments", Traffic.BOTH, 1), payments},
      {new RolloutRestart("search", 1), search},
    };
    int i = 0;
    for (Object[] fault : faults) {
      var context =
          new org.daysofchaos.core.spi.InjectionContext(
              "crashed", "crashed-" + i++, NOW.plusSeconds(600));
      planned.add(planned((FaultSpec) fault[0], (Target) fault[1], context));
      records.add(inject((FaultSpec) fault[0], (Target) fault[1], context).revertRecord());
    }
    return records;
  }

  /**
   * Killed after the cluster changed but before the ledger recorded it: the record written with the
   * intent finds the change by its injection id on the objects, and reverts it.
   */
  @Test
  void revertsFromTheRecordWrittenBeforeTheChangeWhenTheCrashCameFirst() throws Exception {
    List<RevertRecord> planned = new java.util.ArrayList<>();
    injectEverythingAndCrash(planned);
    Path file = dir.resolve("ledger.jsonl");
    try (FileLedger ledger = FileLedger.open(file)) {
      for (int i = 0; i < planned.size(); i++) {
        ledger.intend(entry("crashed-" + i, planned.get(i)));
      }
    }

    try (FileLedger reopened = FileLedger.open(file)) {
      assertThat(Leftovers.revertAll(reopened, clock, client))
          .hasSize(6)
          .allMatch(line -> line.startsWith("reverted a leftover"));
      assertThat(reopened.open()).isEmpty();
    }
    assertEverythingIsBack();
  }

  @Test
  void aRecordWrittenBeforeAChangeThatNeverHappenedRevertsNothing() {
    RevertRecord planned =
        planned(
            new Scale("checkout", 0, 3),
            checkout,
            new org.daysofchaos.core.spi.InjectionContext("never", "never-0", NOW));

    new KubernetesReverter(client).revert(planned);

    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(3);
  }

  private void assertEverythingIsBack() {
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(3);
    assertThat(
            cluster
                .deploymentNow(SHOP, "cart")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv())
        .isEqualTo(Cluster.env());
    assertThat(cluster.configMapNow(SHOP, "checkout-config").getData())
        .isEqualTo(Map.of("mode", "fast"));
    assertThat(cluster.nodeNow("worker-1").getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
    assertThat(client.network().v1().networkPolicies().inNamespace(SHOP).list().getItems())
        .isEmpty();
    assertThat(new KubernetesCleanup(client, clock).find()).isEmpty();
  }

  @Test
  void revertsEveryFaultFromTheLedgerAloneAfterACrash() throws Exception {
    List<RevertRecord> records = injectEverythingAndCrash();
    Path file = dir.resolve("ledger.jsonl");
    try (FileLedger ledger = FileLedger.open(file)) {
      for (int i = 0; i < records.size(); i++) {
        ledger.intend(entry("crashed-" + i));
        ledger.activate("crashed-" + i, records.get(i), NOW);
      }
    }

    List<String> report;
    try (FileLedger reopened = FileLedger.open(file)) {
      report = Leftovers.revertAll(reopened, clock, client);
      assertThat(reopened.open()).isEmpty();
    }

    assertThat(report).hasSize(6).allMatch(line -> line.startsWith("reverted a leftover"));
    assertEverythingIsBack();
  }

  @Test
  void revertsEveryFaultFromTheAnnotationsAloneWhenTheLedgerIsLost() {
    injectEverythingAndCrash();
    KubernetesCleanup cleanup =
        new KubernetesCleanup(client, Clock.fixed(NOW.plusSeconds(601), ZoneOffset.UTC));
    assertThat(cleanup.find())
        .extracting(KubernetesCleanup.Found::object)
        .containsExactly(
            "configmap checkout-config in namespace shop",
            "deployment cart in namespace shop",
            "deployment checkout in namespace shop",
            "deployment search in namespace shop",
            "networkpolicy daysofchaos-crashed-4 in namespace shop",
            "node worker-1");

    List<String> report = cleanup.revertExpired();

    assertThat(report).hasSize(6).allMatch(line -> line.startsWith("reverted "));
    assertEverythingIsBack();
  }

  @Test
  void aCleanupOfExpiredFaultsLeavesTheOthersAlone() {
    injectEverythingAndCrash();
    KubernetesCleanup beforeExpiry = new KubernetesCleanup(client, clock);

    List<String> report = beforeExpiry.revertExpired();

    assertThat(report).hasSize(6).allMatch(line -> line.startsWith("left "));
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isZero();
    assertThat(beforeExpiry.revertAll()).allMatch(line -> line.startsWith("reverted "));
    assertEverythingIsBack();
  }

  @Test
  void aCleanupOnlyLooksInOptedInNamespaces() {
    inject(new Scale("checkout", 0, 3), checkout, CONTEXT);
    client
        .namespaces()
        .withName(SHOP)
        .edit(
            n -> {
              n.getMetadata().getLabels().remove(Annotations.ALLOW_CHAOS);
              return n;
            });

    assertThat(new KubernetesCleanup(client, clock).find()).isEmpty();
  }

  @Test
  void aCleanupWithoutTheRightToListNodesStillCleansTheNamespaces() {
    inject(new Scale("checkout", 0, 3), checkout, CONTEXT);
    inject(
        new NodeCordon("worker", false, null),
        worker,
        new org.daysofchaos.core.spi.InjectionContext("run1", "run1-1", NOW.plusSeconds(600)));
    server
        .expect()
        .get()
        .withPath("/api/v1/nodes?labelSelector=daysofchaos.org%2Finjected")
        .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"forbidden\"}")
        .always();

    assertThat(new KubernetesCleanup(client, clock).revertAll())
        .containsExactly(
            "reverted deployment checkout in namespace shop: kubernetes/scale, injection run1-0 of"
                + " run run1, expires at 2026-11-21T10:10:00Z");
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void aLedgerRevertAfterTheCleanupIsHarmless() throws Exception {
    List<RevertRecord> records = injectEverythingAndCrash();
    new KubernetesCleanup(client, clock).revertAll();
    cluster.forgetCalls();

    for (RevertRecord record : records) {
      new KubernetesReverter(client).revert(record);
    }

    assertThat(cluster.calls()).allMatch(call -> call.startsWith("GET "));
    assertEverythingIsBack();
  }

  @Test
  void refusesToRevertARecordOfAnotherCluster() {
    Map<String, String> data =
        new HashMap<>(inject(new Scale("checkout", 0, 3), checkout, CONTEXT).revertRecord().data());
    data.put("cluster", "https://prod.example:6443");
    RevertRecord record = new RevertRecord(KubernetesReverter.BACKEND, data);

    assertThatThrownBy(() -> new KubernetesReverter(client).revert(record))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was made on the cluster at https://prod.example:6443");
    assertThat(cluster.deploymentNow(SHOP, "checkout").getSpec().getReplicas()).isZero();
  }

  @Test
  void aPodKillLeavesNothingToRevertOnAnyCluster() {
    Map<String, String> record =
        new HashMap<>(
            inject(
                    new org.daysofchaos.experiments.kubernetes.PodKill(
                        "checkout",
                        1,
                        org.daysofchaos.experiments.kubernetes.PodSelection.ONE,
                        null,
                        null,
                        Optional.empty()),
                    checkout,
                    CONTEXT)
                .revertRecord()
                .data());
    record.put("cluster", "https://prod.example:6443");
    cluster.forgetCalls();

    new KubernetesReverter(client).revert(new RevertRecord(KubernetesReverter.BACKEND, record));

    assertThat(cluster.calls()).isEmpty();
  }

  @Test
  void reportsAnObjectWithGarbledAnnotationsWithoutTouchingIt() {
    client
        .apps()
        .deployments()
        .inNamespace(SHOP)
        .withName("cart")
        .edit(
            d -> {
              d.getMetadata().getAnnotations().put(Annotations.INJECTION, "lost-0");
              d.getMetadata().setLabels(Map.of(Annotations.INJECTED, "true"));
              return d;
            });

    assertThat(new KubernetesCleanup(client, clock).revertAll())
        .containsExactly(
            "cannot revert deployment cart in namespace shop: ?, injection lost-0, expired at"
                + " 1970-01-01T00:00:00Z (garbled annotations: deployment cart carries injection"
                + " lost-0 without daysofchaos.org/fault)");
  }

  private static LedgerEntry entry(String id) {
    return entry(id, RevertRecord.NONE);
  }

  private static LedgerEntry entry(String id, RevertRecord planned) {
    return new LedgerEntry(
        id,
        "crashed",
        "kubernetes/everything",
        "kubernetes/…",
        "kubernetes …",
        "…",
        LedgerEntry.State.INTENDED,
        planned,
        NOW.plusSeconds(600),
        NOW);
  }
}
