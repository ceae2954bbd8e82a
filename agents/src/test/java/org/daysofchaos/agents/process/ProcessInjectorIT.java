package org.daysofchaos.agents.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.Faults;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pauses and kills real processes ({@code sleep}) and reads their state from /proc. */
class ProcessInjectorIT {
  private static final InjectionContext CONTEXT =
      new InjectionContext("run", "run-0", Instant.now().plusSeconds(60));

  private Process victim;
  private final LocalProcesses processes = new LocalProcesses();
  private final Target target = new Target("victim", new ProcessTarget("sleeper"));

  @BeforeEach
  void startVictim() throws IOException {
    victim = new ProcessBuilder("sleep", "120").start();
    processes.register("sleeper", victim::pid);
  }

  @AfterEach
  void killVictim() throws Exception {
    new ProcessBuilder("kill", "-CONT", Long.toString(victim.pid())).start().waitFor();
    victim.destroyForcibly();
  }

  private char state() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(victim.pid()), "stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2);
  }

  @Test
  void pausesTheProcessAndResumesItOnRevert() throws Exception {
    Injection pause =
        new ProcessPauseInjector(processes).inject(Faults.pause("victim"), target, CONTEXT);

    await().atMost(Duration.ofSeconds(30)).until(() -> state() == 'T');
    assertThat(pause.residue()).hasValueSatisfying(r -> assertThat(r).contains("still stopped"));

    pause.revert();
    pause.revert();

    await().atMost(Duration.ofSeconds(30)).until(() -> state() != 'T');
    assertThat(pause.residue()).isEmpty();
    assertThat(victim.isAlive()).isTrue();
  }

  @Test
  void resumesAPausedProcessFromTheLedgerRecordAlone() throws Exception {
    Injection pause =
        new ProcessPauseInjector(processes).inject(Faults.pause("victim"), target, CONTEXT);
    RevertRecord record = pause.revertRecord();
    await().atMost(Duration.ofSeconds(30)).until(() -> state() == 'T');

    new ProcessReverter().revert(record);

    await().atMost(Duration.ofSeconds(30)).until(() -> state() != 'T');
  }

  @Test
  void killsTheProcess() throws Exception {
    new ProcessKillInjector(processes).inject(Faults.kill("victim"), target, CONTEXT);

    await().atMost(Duration.ofSeconds(30)).until(() -> !victim.isAlive());
  }

  @Test
  void refusesAProcessThatIsNotRegistered() {
    assertThatThrownBy(
            () ->
                new ProcessPauseInjector(processes)
                    .inject(Faults.pause("x"), new Target("x", new ProcessTarget("sshd")), CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage("target x: no local process named 'sshd' is registered; registered: sleeper");
  }

  @Test
  void thePlannedRecordOfAPauseResumesTheProcess() throws Exception {
    ProcessPauseInjector injector = new ProcessPauseInjector(processes);
    RevertRecord planned = injector.plannedRecord(Faults.pause("victim"), target, CONTEXT);
    injector.inject(Faults.pause("victim"), target, CONTEXT);
    await().atMost(Duration.ofSeconds(30)).until(() -> state() == 'T');

    new ProcessReverter().revert(planned);

    await().atMost(Duration.ofSeconds(30)).until(() -> state() != 'T');
  }
}
