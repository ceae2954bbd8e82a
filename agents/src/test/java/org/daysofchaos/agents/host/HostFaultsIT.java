package org.daysofchaos.agents.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.daysofchaos.experiments.host.HostProcessKill;
import org.daysofchaos.experiments.host.HostProcessPause;
import org.daysofchaos.experiments.host.MemoryPressure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host faults that act on processes, on real processes of this machine: the effect is read from
 * /proc (the process state, the hog's CPU time and RSS) and is gone after the revert.
 */
class HostFaultsIT {
  @TempDir Path dir;
  private final ManualClock clock = ManualClock.at("2027-01-01T10:00:00Z");
  private final List<Long> started = new ArrayList<>();
  private Path pidFile;
  private HostAgent agent;
  private int ids;

  @BeforeEach
  void setUp() throws IOException {
    pidFile = dir.resolve("worker.pid");
    Allow allow =
        new Allow(
            Map.of(
                "worker",
                new ProcessConfig(
                    Optional.empty(),
                    Optional.of(pidFile.toString()),
                    Optional.empty(),
                    List.of("sh", "-c", "sleep 600 > /dev/null 2>&1 & echo $! > " + pidFile))),
            Map.of(),
            Map.of(),
            Optional.of(new CpuLimits(1, 100)),
            Optional.of(new MemoryLimits(ByteSize.parse("256MiB"))),
            List.of());
    ServerConfig server =
        new ServerConfig(
            "http://127.0.0.1:1", Secret.fromEnv("TOKEN", "server.credential"), Optional.empty());
    agent =
        HostAgent.open(
            new AgentConfig(
                "web-1", server, dir.resolve("state"), Duration.ofSeconds(5), allow, dir),
            clock);
  }

  @AfterEach
  void tearDown() throws IOException {
    agent.close();
    for (long pid : started) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    if (Files.exists(pidFile)) {
      ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private long startWorker() throws IOException {
    Process p = new ProcessBuilder("sleep", "600").start();
    started.add(p.pid());
    Files.writeString(pidFile, p.pid() + "\n");
    return p.pid();
  }

  private long pid() throws IOException {
    return Long.parseLong(Files.readString(pidFile).strip());
  }

  private Outcome apply(FaultSpec fault) {
    Outcome outcome =
        agent.apply(
            new Order("it-" + ++ids, "r", "s", "web-1", "web", fault, Duration.ofSeconds(5)));
    assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.APPLIED);
    return outcome;
  }

  private static void reverted(Outcome outcome) {
    assertThat(outcome.status()).as(outcome.message()).isEqualTo(Outcome.Status.REVERTED);
  }

  @Test
  void aPausedProcessIsStoppedThenRunsAgain() throws IOException {
    long pid = startWorker();
    Outcome paused = apply(new HostProcessPause("web", "worker"));
    assertThat(state(pid)).isEqualTo('T');
    reverted(agent.revert(paused.injectionId()));
    assertThat(state(pid)).isNotEqualTo('T');
  }

  @Test
  void aKilledProcessIsRestartedByItsCommand() throws IOException {
    long pid = startWorker();
    Outcome killed = apply(new HostProcessKill("web", "worker", Signal.KILL, true));
    await().atMost(Duration.ofSeconds(10)).until(() -> !running(pid));

    reverted(agent.revert(killed.injectionId()));

    long restarted = pid();
    started.add(restarted);
    assertThat(restarted).isNotEqualTo(pid);
    assertThat(running(restarted)).isTrue();
  }

  @Test
  void aCpuBurnKeepsACoreBusyUntilReverted() throws IOException {
    Outcome burn = apply(new CpuBurn("web", 1, 100));
    long hog = hog(burn);
    long before = cpuTicks(hog);
    // A busy core accumulates CPU time; generous, as the machine is shared.
    await().atMost(Duration.ofSeconds(30)).until(() -> cpuTicks(hog) - before >= 50);
    reverted(agent.revert(burn.injectionId()));
    assertThat(running(hog)).isFalse();
  }

  @Test
  void memoryPressureHoldsItsBytesUntilReverted() throws IOException {
    Outcome pressure = apply(new MemoryPressure("web", ByteSize.parse("128MiB")));
    long hog = hog(pressure);
    assertThat(rssBytes(hog)).isGreaterThanOrEqualTo(128L << 20);
    reverted(agent.revert(pressure.injectionId()));
    assertThat(running(hog)).isFalse();
  }

  private static long hog(Outcome outcome) throws IOException {
    String marker = "-Ddays-of-chaos-hog=" + outcome.injectionId();
    try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        try {
          String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains(" " + marker + " ")) {
            return Long.parseLong(proc.getFileName().toString());
          }
        } catch (IOException e) {
          // gone meanwhile
        }
      }
    }
    throw new AssertionError("no hog " + marker);
  }

  private static String stat(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2);
  }

  private static char state(long pid) throws IOException {
    return stat(pid).charAt(0);
  }

  private static boolean running(long pid) {
    try {
      char s = state(pid);
      return s != 'Z' && s != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  /** utime + stime of /proc/PID/stat, in clock ticks (usually 100 a second). */
  private static long cpuTicks(long pid) throws IOException {
    String[] f = stat(pid).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long rssBytes(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
        .findFirst()
        .orElseThrow();
  }
}
