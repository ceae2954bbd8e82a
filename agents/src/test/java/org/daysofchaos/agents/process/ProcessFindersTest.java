package org.daysofchaos.agents.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes found by a pid file or a command-line pattern, and a restart command. */
class ProcessFindersTest {
  @TempDir Path dir;
  private final String marker = "chaos-finder-" + UUID.randomUUID();
  private Process sleeper;
  private Process second;

  @AfterEach
  void stop() {
    for (Process p : new Process[] {sleeper, second}) {
      if (p != null) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  /** A shell that waits, with the marker on its own command line (not its child's). */
  private Process shellWithMarker() throws Exception {
    return new ProcessBuilder("sh", "-c", "sleep 300; : " + marker).start();
  }

  @Test
  void aPidFileIsReadAtEachUseSoARestartedProcessIsFoundAgain() throws Exception {
    Path pidFile = dir.resolve("app.pid");
    LocalProcess process = ProcessFinders.pidFile(pidFile);
    Files.writeString(pidFile, "4242\n");
    assertThat(process.pid()).isEqualTo(4242);

    Files.writeString(pidFile, "4343");
    assertThat(process.pid()).isEqualTo(4343);
  }

  @Test
  void aMissingOrBrokenPidFileIsAClearRefusal() throws Exception {
    Path pidFile = dir.resolve("app.pid");
    assertThatThrownBy(() -> ProcessFinders.pidFile(pidFile).pid())
        .hasMessageStartingWith("cannot read the pid file " + pidFile);
    Files.writeString(pidFile, "not a pid");
    assertThatThrownBy(() -> ProcessFinders.pidFile(pidFile).pid())
        .hasMessage("the pid file " + pidFile + " does not hold a process id");
  }

  @Test
  void aCommandPatternFindsExactlyOneProcessOrRefuses() throws Exception {
    LocalProcess process = ProcessFinders.commandLine(Pattern.compile(Pattern.quote(marker)));
    assertThatThrownBy(process::pid).hasMessageStartingWith("no process match");

    sleeper = shellWithMarker();
    // A started process shows its own command line once it has exec'd.
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> process.pid() > 0);
    assertThat(process.pid()).isEqualTo(sleeper.pid());

    second = shellWithMarker();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ProcessFinders.matching(Pattern.compile(Pattern.quote(marker))).size() == 2);
    assertThatThrownBy(process::pid)
        .hasMessageStartingWith("2 processes")
        .hasMessageEndingWith("; exactly one must");
  }

  @Test
  void aRestartCommandMustSucceedInTime() throws Exception {
    Path ran = dir.resolve("ran");
    LocalProcess ok =
        ProcessFinders.restartedBy(
            () -> 1, List.of("touch", ran.toString()), Duration.ofSeconds(30));
    assertThat(ok.canRestart()).isTrue();
    ok.restart();
    assertThat(ran).exists();

    LocalProcess failing =
        ProcessFinders.restartedBy(
            () -> 1, List.of("sh", "-c", "echo nope; exit 3"), Duration.ofSeconds(30));
    assertThatThrownBy(failing::restart).hasMessageContaining("exited with 3: nope");
  }
}
