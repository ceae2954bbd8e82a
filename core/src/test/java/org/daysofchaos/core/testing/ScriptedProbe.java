package org.daysofchaos.core.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;

/**
 * A probe whose condition is a function of the clock, so a test knows the true moment every change
 * happens. Register {@link #runner(java.time.Clock)} for it.
 */
public record ScriptedProbe(String name, Predicate<Instant> holdsAt) implements ProbeSpec {

  /** Holds except during [from, until). */
  public static ScriptedProbe failingBetween(String name, Instant from, Instant until) {
    return new ScriptedProbe(name, at -> at.isBefore(from) || !at.isBefore(until));
  }

  /** Holds only during [from, until). */
  public static ScriptedProbe holdingBetween(String name, Instant from, Instant until) {
    return new ScriptedProbe(name, at -> !at.isBefore(from) && at.isBefore(until));
  }

  public static ScriptedProbe always(String name, boolean holds) {
    return new ScriptedProbe(name, at -> holds);
  }

  @Override
  public String describe() {
    return name;
  }

  /** Evaluates scripted probes against a clock and remembers when each was asked. */
  public static final class Runner implements ProbeRunner<ScriptedProbe> {
    private final java.time.Clock clock;
    private final List<Instant> asked = new ArrayList<>();

    public Runner(java.time.Clock clock) {
      this.clock = clock;
    }

    @Override
    public Class<ScriptedProbe> probeType() {
      return ScriptedProbe.class;
    }

    @Override
    public Observation observe(ScriptedProbe probe) {
      Instant now = clock.instant();
      asked.add(now);
      return probe.holdsAt().test(now)
          ? Observation.holds("ok at " + now)
          : Observation.fails("failing at " + now);
    }

    public synchronized List<Instant> asked() {
      return List.copyOf(asked);
    }
  }

  public static Runner runner(java.time.Clock clock) {
    return new Runner(clock);
  }
}
