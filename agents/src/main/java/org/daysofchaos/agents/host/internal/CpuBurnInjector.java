package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.util.Optional;
import org.daysofchaos.agents.host.CpuLimits;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.host.CpuBurn;

/** {@code host/cpu-burn}: a hog process keeps cores busy, within allow.cpu; the revert ends it. */
@AutoService(HostInjector.class)
public final class CpuBurnInjector implements HostInjector<CpuBurn> {
  private final HostContext context;

  public CpuBurnInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<CpuBurn> faultType() {
    return CpuBurn.class;
  }

  @Override
  public RevertRecord plannedRecord(CpuBurn fault, Target target, InjectionContext injection) {
    CpuLimits limits =
        context
            .allow()
            .cpu()
            .orElseThrow(
                () -> context.refused(CpuBurn.class, "its allow-list has no cpu: no CPU burn"));
    if (fault.cores() > limits.cores()) {
      throw context.refused(
          CpuBurn.class,
          fault.cores() + " cores asked, its allow-list allows at most " + limits.cores());
    }
    if (fault.percent() > limits.percent()) {
      throw context.refused(
          CpuBurn.class,
          fault.percent() + "% asked, its allow-list allows at most " + limits.percent() + "%");
    }
    return Records.of(CpuBurn.class, "hog", Hogs.marker(injection.injectionId()));
  }

  @Override
  public Injection inject(CpuBurn fault, Target target, InjectionContext injection)
      throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    Hogs.start(
        record.data().get("hog"),
        0,
        "cpu",
        Integer.toString(fault.cores()),
        Integer.toString(fault.percent()));
    return new RecordedInjection(record, this);
  }

  @Override
  public void revert(RevertRecord record) throws Exception {
    Hogs.stop(record.data().get("hog"));
  }

  @Override
  public Optional<String> residue(RevertRecord record) {
    return Hogs.find(record.data().get("hog")).isEmpty()
        ? Optional.empty()
        : Optional.of("the CPU burn still runs");
  }
}
