package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.agents.environment.ProcessConfig;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.faults.Signal;
import org.daysofchaos.experiments.host.HostProcessKill;

/**
 * {@code host/process-kill}: kills an allowed process; the revert runs the restart command of its
 * allow-list entry unless the process runs again already (restarted by its supervisor or the team),
 * or never died (the agent stopped between the ledger and the kill).
 */
@AutoService(HostInjector.class)
public final class HostProcessKillInjector implements HostInjector<HostProcessKill> {
  private static final long RESTART_TIMEOUT_SECONDS = 60;

  private final HostContext context;

  public HostProcessKillInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<HostProcessKill> faultType() {
    return HostProcessKill.class;
  }

  @Override
  public RevertRecord plannedRecord(
      HostProcessKill fault, Target target, InjectionContext injection) {
    ProcessConfig config = config(fault.process());
    if (fault.restart() && config.restart().isEmpty()) {
      throw context.refused(
          HostProcessKill.class,
          "process '"
              + fault.process()
              + "' has no restart command in its allow-list; ask for restart: false to leave"
              + " restarting it to the team");
    }
    long pid = Procs.find(config, context.config().base()).pid();
    if (!Procs.alive(pid)) {
      throw new IllegalStateException(
          "process " + fault.process() + " (pid " + pid + ") is not running");
    }
    return Records.of(
        HostProcessKill.class,
        "process",
        fault.process(),
        "pid",
        Long.toString(pid),
        "start",
        Procs.startTime(pid).orElse(""),
        "restart",
        Boolean.toString(fault.restart()));
  }

  @Override
  public Injection inject(HostProcessKill fault, Target target, InjectionContext injection)
      throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    Procs.signal(fault.signal() == Signal.KILL ? "KILL" : "TERM", pid(record));
    return new RecordedInjection(record, this);
  }

  @Override
  public void revert(RevertRecord record) throws Exception {
    if (!restarts(record) || stillTheSame(record) || runningAgain(record)) {
      return;
    }
    List<String> command = config(record.data().get("process")).restart();
    Procs.run(command, RESTART_TIMEOUT_SECONDS);
  }

  @Override
  public Optional<String> residue(RevertRecord record) {
    if (!restarts(record) || stillTheSame(record) || runningAgain(record)) {
      return Optional.empty();
    }
    return Optional.of("process " + record.data().get("process") + " does not run again");
  }

  private ProcessConfig config(String name) {
    return context.allowed(context.allow().processes(), "process", name, HostProcessKill.class);
  }

  private static boolean restarts(RevertRecord record) {
    return Boolean.parseBoolean(record.data().get("restart"));
  }

  private static long pid(RevertRecord record) {
    return Long.parseLong(record.data().get("pid"));
  }

  /** The killed process still runs: the kill never happened, or SIGTERM is being handled. */
  private static boolean stillTheSame(RevertRecord record) {
    long pid = pid(record);
    return Procs.alive(pid)
        && Procs.startTime(pid).map(s -> s.equals(record.data().get("start"))).orElse(false);
  }

  private boolean runningAgain(RevertRecord record) {
    try {
      LocalProcess process =
          Procs.find(config(record.data().get("process")), context.config().base());
      long pid = process.pid();
      return pid != pid(record) && Procs.alive(pid);
    } catch (RuntimeException e) {
      return false; // a stale pid file, or no process matches: not running
    }
  }
}
