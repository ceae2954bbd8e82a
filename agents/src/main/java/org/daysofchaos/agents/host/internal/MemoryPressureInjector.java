package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.MemoryLimits;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.host.ByteSize;
import org.daysofchaos.experiments.host.MemoryPressure;

/**
 * {@code host/memory-pressure}: a hog process takes and holds memory, within allow.memory and never
 * more than the host has available (the pressure must not become the kernel's OOM killer choosing a
 * victim); the revert ends it, which frees the memory.
 */
@AutoService(HostInjector.class)
public final class MemoryPressureInjector implements HostInjector<MemoryPressure> {
  private final HostContext context;

  public MemoryPressureInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<MemoryPressure> faultType() {
    return MemoryPressure.class;
  }

  @Override
  public RevertRecord plannedRecord(
      MemoryPressure fault, Target target, InjectionContext injection) {
    MemoryLimits limits =
        context
            .allow()
            .memory()
            .orElseThrow(
                () ->
                    context.refused(
                        MemoryPressure.class, "its allow-list has no memory: no memory pressure"));
    if (fault.size().compareTo(limits.max()) > 0) {
      throw context.refused(
          MemoryPressure.class,
          fault.size() + " asked, its allow-list allows at most " + limits.max());
    }
    available()
        .filter(free -> fault.size().bytes() > free)
        .ifPresent(
            free -> {
              throw context.refused(
                  MemoryPressure.class,
                  fault.size()
                      + " asked, the host has only "
                      + ByteSize.ofBytes(free)
                      + " available");
            });
    return Records.of(MemoryPressure.class, "hog", Hogs.marker(injection.injectionId()));
  }

  @Override
  public Injection inject(MemoryPressure fault, Target target, InjectionContext injection)
      throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    long bytes = fault.size().bytes();
    Hogs.start(record.data().get("hog"), bytes, "memory", Long.toString(bytes));
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
        : Optional.of("the memory hog still holds its memory");
  }

  /** MemAvailable of /proc/meminfo, in bytes. */
  private static Optional<Long> available() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemAvailable:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
