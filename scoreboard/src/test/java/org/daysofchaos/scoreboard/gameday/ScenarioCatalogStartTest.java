package org.daysofchaos.scoreboard.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.ScenarioStore;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.daysofchaos.scoreboard.targets.Targets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with the scenario files: a restart with the same texts, parameters and server
 * jar reads none of them again, and anything else reads them as the first start did. A text is
 * "read" when its version's load time moves to the start's time.
 */
class ScenarioCatalogStartTest {
  private static final String FILE =
      """
      id: own/slow-payments
      title: Payments are slow
      parameters: { ownService: payment }
      duration: 30s
      targets:
        link: { proxy: "${ownService}" }
      faults:
        - { kind: network/latency, target: link, latency: 800ms }
      steadyState:
        - { kind: metric/threshold, query: 'up', above: 0.5 }
      """;

  @TempDir Path dir;
  private TestDatabase database;
  private ScenarioStore store;
  private final ManualClock clock = ManualClock.at("2026-12-04T10:00:00Z");
  private final Map<String, String> parameters = new HashMap<>();
  private String jar = "/opt/chaos/server.jar 1000 1";
  private Path folder;
  private Path checked;

  @BeforeEach
  void database() throws Exception {
    database = TestDatabases.h2();
    store = new ScenarioStore(new Db(database.dataSource()));
    folder = Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(folder.resolve("slow.yaml"), FILE);
    checked = dir.resolve(ScenarioCatalog.CHECKED_FILE);
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** One start of the server, an hour after the previous one. */
  private int start() throws Exception {
    clock.advance(Duration.ofHours(1));
    ScenarioCatalog catalog = new ScenarioCatalog();
    catalog.store = store;
    catalog.clock = clock;
    catalog.audit = new AuditLog(new Db(database.dataSource()), clock, "node-1");
    catalog.targets =
        new Targets() {
          @Override
          public Map<String, String> scenarioParameters() {
            return Map.copyOf(parameters);
          }
        };
    String code = jar;
    catalog.code = () -> Optional.ofNullable(code);
    return catalog.loadAtStart(List.of(folder), checked);
  }

  private Instant loadedAt(String id) {
    return store.latest().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow()
        .loadedAt();
  }

  @Test
  void aRestartWithTheSameTextsParametersAndJarReadsNoTextAgain() throws Exception {
    int first = start();
    Instant firstStart = clock.instant();
    int again = start();

    assertThat(again).as("the scenarios the restart knows").isEqualTo(first).isGreaterThan(30);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checked)))
        .isEqualTo("rw-------");
    assertThat(loadedAt("own/slow-payments")).isEqualTo(firstStart);
    assertThat(loadedAt("demo/payment-latency")).isEqualTo(firstStart);
  }

  @Test
  void anotherJarOrParameterOrTextReadsEveryTextAgain() throws Exception {
    start();
    jar = "/opt/chaos/server.jar 1000 2";
    start();
    assertThat(loadedAt("demo/payment-latency")).isEqualTo(clock.instant());

    parameters.put("ownService", "inventory");
    start();
    assertThat(loadedAt("demo/payment-latency")).isEqualTo(clock.instant());

    Files.writeString(folder.resolve("other.yaml"), FILE.replace("own/slow", "own/other"));
    start();
    assertThat(loadedAt("demo/payment-latency")).isEqualTo(clock.instant());
    assertThat(loadedAt("own/other-payments")).isEqualTo(clock.instant());
  }

  @Test
  void aFileWhoseScenarioWasUploadedSinceIsReadAgainAndIsTheLatestAgain() throws Exception {
    start();
    Instant firstStart = clock.instant();
    clock.advance(Duration.ofMinutes(5));
    String uploaded = FILE.replace("Payments are slow", "Payments are slower");
    store.save("own/slow-payments", "uploaded", "upload", uploaded, clock.instant());

    start();

    ScenarioStore.Stored latest =
        store.latest().stream()
            .filter(s -> s.id().equals("own/slow-payments"))
            .findFirst()
            .orElseThrow();
    assertThat(latest.sha256()).isEqualTo(ScenarioStore.sha256(FILE));
    assertThat(latest.loadedAt()).isEqualTo(clock.instant());
    assertThat(loadedAt("demo/payment-latency"))
        .as("the others are not read")
        .isEqualTo(firstStart);
  }

  @Test
  void aFileThatDoesNotReadIsReadAndReportedAtEveryStartWithTheOthers() throws Exception {
    Files.writeString(folder.resolve("broken.yaml"), "id: own/broken\nfaults: 12\n");
    start();
    assertThat(checked).doesNotExist();

    start();
    assertThat(loadedAt("own/slow-payments")).isEqualTo(clock.instant());
  }

  @Test
  void withoutAJarEveryStartReadsEveryText() throws Exception {
    jar = null;
    start();
    start();

    assertThat(loadedAt("own/slow-payments")).isEqualTo(clock.instant());
    assertThat(checked).doesNotExist();
  }
}
