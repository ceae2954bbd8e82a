package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.util.Optional;
import org.daysofchaos.agents.environment.ProcessConfig;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.host.HostProcessPause;

/**
 * {@code host/process-pause}: SIGSTOP to an allowed process; the revert sends SIGCONT to the same
 * process (same pid and start time), never to another that took its pid.
 */
@AutoService(HostInjector.class)
public final class HostProcessPauseInjector implements HostInjector<HostProcessPause> {
  private final HostContext context;

  public HostProcessPauseInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<HostProcessPause> faultType() {
    return HostProcessPause.class;
  }

  @Override
  public RevertRecord plannedRecord(
      HostProcessPause fault, Target target, InjectionContext injection) {
    ProcessConfig config =
        context.allowed(
            context.allow().processes(), "process", fault.process(), HostProcessPause.class);
    long pid = Procs.find(config, context.config().base()).pid();
    if (!Procs.alive(pid)) {
      throw new IllegalStateException(
          "process " + fault.process() + " (pid " + pid + ") is not running");
    }
    return Records.of(
        HostProcessPause.class,
        "process",
        fault.process(),
        "pid",
        Long.toString(pid),
        "start",
        Procs.startTime(pid).orElse(""));
  }

  @Override
  public Injection inject(HostProcessPause fault, Target target, InjectionContext injection)
      throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    Procs.signal("STOP", pid(record));
    return new RecordedInjection(record, this);
  }

  @Override
  public void revert(RevertRecord record) throws Exception {
    if (same(record)) {
      Procs.signal("CONT", pid(record));
    }
  }

  @Override
  public Optional<String> residue(RevertRecord record) {
    long pid = pid(record);
    return same(record) && Procs.state(pid).filter(s -> s == 'T').isPresent()
        ? Optional.of("process " + record.data().get("process") + " (pid " + pid + ") is stopped")
        : Optional.empty();
  }

  private static long pid(RevertRecord record) {
    return Long.parseLong(record.data().get("pid"));
  }

  /** The recorded process, not another that took its pid since. */
  private static boolean same(RevertRecord record) {
    return Procs.startTime(pid(record))
        .map(s -> s.equals(record.data().get("start")))
        .orElse(false);
  }
}
