package org.daysofchaos.scoreboard.incident;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.run.IncidentRunner;
import org.daysofchaos.core.run.RunOptions;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.scoreboard.halt.HaltGate;
import org.daysofchaos.scoreboard.halt.HaltState;
import org.daysofchaos.scoreboard.targets.Targets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every run of this node touches: the targets' injectors, each behind the halt-all gate, and
 * their probes, at the configured probe interval.
 */
@Singleton
class RunWiring {
  @Inject Targets targets;
  @Inject HaltState halt;
  @Inject Clock clock;

  @ConfigProperty(name = "chaos.run.interval", defaultValue = "1s")
  Duration interval;

  private volatile Injectors guarded;

  /** Puts the gate in front of the targets' injectors, once they are wired. */
  void open() {
    guarded = HaltGate.guard(targets.wiring().injectors(), Catalog.standard(), halt::blockedReason);
  }

  WakeableSleeper sleeper() {
    return new WakeableSleeper(clock);
  }

  IncidentRunner runner(Ledger ledger, WakeableSleeper sleeper) {
    return new IncidentRunner(
            guarded,
            targets.wiring().probes(),
            ledger,
            clock,
            sleeper,
            RunOptions.defaults().withInterval(interval))
        .withAlerts(targets.wiring().alerts());
  }
}
