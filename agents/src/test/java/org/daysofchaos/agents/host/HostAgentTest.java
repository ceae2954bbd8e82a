package org.daysofchaos.agents.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.environment.ProcessConfig;
import org.daysofchaos.agents.environment.Secret;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.experiments.faults.Signal;
import org.daysofchaos.experiments.host.ByteSize;
import org.daysofchaos.experiments.host.CpuBurn;
import org.daysofchaos.experiments.host.DiskFill;
import org.daysofchaos.experiments.host.FileAction;
import org.daysofchaos.experiments.host.FileChange;
import org.daysofchaos.experiments.host.HostProcessKill;
import org.daysofchaos.experiments.host.HostProcessPause;
import org.daysofchaos.experiments.host.MemoryPressure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent without its connection: file and disk faults on a temporary folder, refusals by the
 * allow-list, the ledger's recovery after a crash, and the dead man's switch on a manual clock.
 * Faults on processes, CPU and memory run real processes in HostFaultsIT.
 */
class HostAgentTest {
  @TempDir Path dir;
  private final ManualClock clock = ManualClock.at("2027-01-01T10:00:00Z");
  private Path file;
  private Path disk;
  private HostAgent agent;
  private int ids;

  @BeforeEach
  void setUp() throws IOException {
    file = dir.resolve("app.yaml");
    Files.writeString(file, "threads: 8\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    disk = Files.createDirectories(dir.resolve("data"));
    agent = HostAgent.open(config(), clock);
    assertThat(agent.recover()).isEmpty();
  }

  @AfterEach
  void tearDown() throws IOException {
    agent.close();
  }

  private AgentConfig config() {
    Allow allow =
        new Allow(
            Map.of(
                "ghost",
                new ProcessConfig(
                    Optional.empty(),
                    Optional.of(dir + "/ghost.pid"),
                    Optional.empty(),
                    List.of())),
            Map.of(
                "app-config",
                new FileConfig(file.toString()),
                "new-file",
                new FileConfig(dir.resolve("new.conf").toString())),
            Map.of(
                "data",
                new DiskConfig(
                    disk.toString(), ByteSize.ofBytes(0), Optional.of(ByteSize.parse("8MiB")))),
            Optional.of(new CpuLimits(1, 50)),
            Optional.of(new MemoryLimits(ByteSize.parse("64MiB"))),
            List.of());
    ServerConfig server =
        new ServerConfig(
            "http://127.0.0.1:1", Secret.fromEnv("TOKEN", "server.credential"), Optional.empty());
    return new AgentConfig(
        "web-1", server, dir.resolve("state"), Duration.ofSeconds(5), allow, dir);
  }

  private Outcome apply(FaultSpec fault) {
    return apply("web-1", fault);
  }

  private Outcome apply(String agentName, FaultSpec fault) {
    return agent.apply(
        new Order("inj-" + ++ids, "run-1", "s", agentName, "web", fault, Duration.ofSeconds(5)));
  }

  @Test
  void aFileChangeIsRevertedToItsExactBytesAndMode() throws IOException {
    Outcome applied =
        apply(new FileChange("web", "app-config", FileAction.REPLACE, "threads: 0\n"));
    assertThat(applied.status()).isEqualTo(Outcome.Status.APPLIED);
    assertThat(Files.readString(file)).isEqualTo("threads: 0\n");

    Outcome reverted = agent.revert(applied.injectionId());
    assertThat(reverted.status()).as(reverted.message()).isEqualTo(Outcome.Status.REVERTED);
    assertThat(Files.readString(file)).isEqualTo("threads: 8\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    assertThat(agent.revert(applied.injectionId()).status()).isEqualTo(Outcome.Status.REVERTED);
  }

  @Test
  void appendAndDeleteAreRevertedToo() throws IOException {
    Outcome appended =
        apply(new FileChange("web", "app-config", FileAction.APPEND, "debug: true\n"));
    assertThat(Files.readString(file)).isEqualTo("threads: 8\ndebug: true\n");
    agent.revert(appended.injectionId());
    Outcome deleted = apply(new FileChange("web", "app-config", FileAction.DELETE, ""));
    assertThat(file).doesNotExist();
    assertThat(agent.revert(deleted.injectionId()).ok()).isTrue();
    assertThat(Files.readString(file)).isEqualTo("threads: 8\n");
  }

  @Test
  void aFileThatDidNotExistIsRemovedAgain() {
    Outcome created = apply(new FileChange("web", "new-file", FileAction.REPLACE, "x"));
    assertThat(dir.resolve("new.conf")).hasContent("x");
    assertThat(agent.revert(created.injectionId()).ok()).isTrue();
    assertThat(dir.resolve("new.conf")).doesNotExist();
  }

  @Test
  void aDiskFillWritesRealBytesAndTheRevertDeletesThem() throws IOException {
    Outcome applied = apply(new DiskFill("web", "data", ByteSize.parse("3MiB")));
    assertThat(applied.status()).as(applied.message()).isEqualTo(Outcome.Status.APPLIED);
    Path fill;
    try (var files = Files.list(disk)) {
      fill = files.findFirst().orElseThrow();
    }
    assertThat(Files.size(fill)).isEqualTo(3L << 20);
    assertThat((Long) Files.getAttribute(fill, "unix:size")).isEqualTo(3L << 20);
    agent.revert(applied.injectionId());
    assertThat(fill).doesNotExist();
  }

  @Test
  void refusesWhatTheAllowListDoesNotName() {
    assertRefused(
        apply(new FileChange("web", "passwd", FileAction.REPLACE, "")),
        "agent web-1 refuses host/file-change: file 'passwd' is not in its allow-list; allowed:"
            + " app-config, new-file");
    assertRefused(
        apply(new DiskFill("web", "root", ByteSize.parse("1MiB"))),
        "agent web-1 refuses host/disk-fill: disk 'root' is not in its allow-list; allowed: data");
    assertRefused(
        apply(new HostProcessPause("web", "sshd")),
        "agent web-1 refuses host/process-pause: process 'sshd' is not in its allow-list;"
            + " allowed: ghost");
  }

  @Test
  void refusesAmountsOverItsLimits() {
    assertRefused(
        apply(new DiskFill("web", "data", ByteSize.parse("9MiB"))),
        "agent web-1 refuses host/disk-fill: 9MiB asked, its allow-list allows at most 8MiB on"
            + " disk data");
    assertRefused(
        apply(new CpuBurn("web", 2, 50)),
        "agent web-1 refuses host/cpu-burn: 2 cores asked, its allow-list allows at most 1");
    assertRefused(
        apply(new CpuBurn("web", 1, 100)),
        "agent web-1 refuses host/cpu-burn: 100% asked, its allow-list allows at most 50%");
    assertRefused(
        apply(new MemoryPressure("web", ByteSize.parse("1GiB"))),
        "agent web-1 refuses host/memory-pressure: 1GiB asked, its allow-list allows at most"
            + " 64MiB");
  }

  @Test
  void refusesToFillBelowTheFloor() throws IOException {
    long usable = Files.getFileStore(disk).getUsableSpace();
    agent.close();
    AgentConfig base = config();
    Allow tight =
        new Allow(
            Map.of(),
            Map.of(),
            Map.of(
                "data",
                new DiskConfig(disk.toString(), ByteSize.ofBytes(usable), Optional.empty())),
            Optional.empty(),
            Optional.empty(),
            List.of());
    agent =
        HostAgent.open(
            new AgentConfig(
                base.name(), base.server(), base.state(), base.lease(), tight, base.base()),
            clock);
    Outcome refused = apply(new DiskFill("web", "data", ByteSize.parse("1MiB")));
    assertThat(refused.status()).isEqualTo(Outcome.Status.REFUSED);
    assertThat(refused.message())
        .startsWith("agent web-1 refuses host/disk-fill: writing 1MiB on disk data would leave")
        .contains("below its floor of");
    try (var files = Files.list(disk)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void refusesWhatItsConfigurationLeavesOut() throws IOException {
    assertRefused(
        apply(new HostProcessKill("web", "ghost", Signal.KILL, true)),
        "agent web-1 refuses host/process-kill: process 'ghost' has no restart command in its"
            + " allow-list; ask for restart: false to leave restarting it to the team");
    assertRefused(
        apply("db-1", new FileChange("web", "app-config", FileAction.REPLACE, "")),
        "target web names agent db-1, but this is web-1");
    Outcome badId =
        agent.apply(
            new Order(
                "../x",
                "r",
                "s",
                "web-1",
                "web",
                new FileChange("web", "app-config", FileAction.REPLACE, ""),
                Duration.ofSeconds(1)));
    assertThat(badId.status()).isEqualTo(Outcome.Status.REFUSED);
    assertThat(Files.readString(file)).isEqualTo("threads: 8\n");
  }

  @Test
  void aFaultWhoseLeaseIsNotRenewedIsReverted() throws IOException {
    Outcome kept = apply(new FileChange("web", "new-file", FileAction.REPLACE, "x"));
    Outcome dropped = apply(new FileChange("web", "app-config", FileAction.REPLACE, "y"));
    clock.advance(Duration.ofSeconds(4));
    agent.renew(List.of(kept.injectionId()));
    assertThat(agent.expire()).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    List<Outcome> expired = agent.expire();

    assertThat(expired).extracting(Outcome::injectionId).containsExactly(dropped.injectionId());
    assertThat(Files.readString(file)).isEqualTo("threads: 8\n");
    assertThat(agent.active()).containsExactly(kept.injectionId());
    clock.advance(Duration.ofSeconds(4));
    assertThat(agent.expire()).extracting(Outcome::injectionId).containsExactly(kept.injectionId());
    assertThat(dir.resolve("new.conf")).doesNotExist();
  }

  @Test
  void aLeaseIsNeverLongerThanTheAgentsOwn() {
    agent.apply(
        new Order(
            "long",
            "r",
            "s",
            "web-1",
            "web",
            new FileChange("web", "app-config", FileAction.REPLACE, "y"),
            Duration.ofHours(1)));
    clock.advance(Duration.ofSeconds(5));
    assertThat(agent.expire()).extracting(Outcome::injectionId).containsExactly("long");
  }

  @Test
  void aRestartedAgentRevertsWhatItsLedgerHoldsBeforeAnythingElse() throws IOException {
    apply(new FileChange("web", "app-config", FileAction.REPLACE, "threads: 0\n"));
    apply(new DiskFill("web", "data", ByteSize.parse("1MiB")));
    // The first agent dies without reverting: a second one opens the same folder.
    try (HostAgent restarted = HostAgent.open(config(), clock)) {
      List<Outcome> recovered = restarted.recover();

      assertThat(recovered).extracting(Outcome::status).containsOnly(Outcome.Status.REVERTED);
      assertThat(recovered).hasSize(2);
      assertThat(Files.readString(file)).isEqualTo("threads: 8\n");
      try (var files = Files.list(disk)) {
        assertThat(files).isEmpty();
      }
      assertThat(restarted.recover()).isEmpty();
    }
  }

  @Test
  void reportsItsCapabilities() {
    assertThat(agent.capabilities())
        .containsKeys(
            "host/cpu-burn",
            "host/disk-fill",
            "host/file-change",
            "host/memory-pressure",
            "host/process-kill",
            "host/process-pause");
  }

  @Test
  void aFileChangeWrittenOnlyToTheLedgerIsHarmlessToRevert() throws IOException {
    // The intent is in the ledger, the agent died before copying or changing anything.
    Outcome applied = apply(new FileChange("web", "app-config", FileAction.REPLACE, "z"));
    agent.revert(applied.injectionId());
    Files.writeString(file, "threads: 9\n"); // the team changes it afterwards
    try (HostAgent restarted = HostAgent.open(config(), clock)) {
      assertThat(restarted.recover()).isEmpty();
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("threads: 9\n");
  }

  private static void assertRefused(Outcome outcome, String message) {
    assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.REFUSED);
    assertThat(outcome.message()).isEqualTo(message);
  }
}
