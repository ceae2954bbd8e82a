package org.daysofchaos.scoreboard.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.run.RunOptions;
import picocli.CommandLine.Option;

/** Options shared by the commands that run scenarios. */
class RunOptionsMixin {
  @Option(
      names = "--journal-json",
      paramLabel = "FILE",
      description = "Also write the full journal of the run as JSON to FILE.")
  Path journalJson;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "1s",
      description =
          "Time between two rounds of probes; the resolution of every measured time (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Override how long a time-boxed fault lasts.")
  Duration duration;

  @Option(
      names = "--hold-for",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Override how long the steady state must hold to count as recovered.")
  Duration holdFor;

  @Option(
      names = "--ledger",
      paramLabel = "FILE",
      defaultValue = ".chaos/ledger.jsonl",
      description =
          "The injection ledger; leftovers of a crashed run are reverted from it on start (default: ${DEFAULT-VALUE}).")
  Path ledger;

  RunOptions runOptions() {
    return RunOptions.defaults().withInterval(interval);
  }

  Optional<Path> journal() {
    return Optional.ofNullable(journalJson);
  }

  Scenario apply(Scenario scenario) {
    if (duration != null && duration.compareTo(scenario.maxDuration()) > 0) {
      throw new IllegalArgumentException(
          "--duration "
              + Durations.format(duration)
              + " exceeds the maxDuration of "
              + scenario.id()
              + " ("
              + Durations.format(scenario.maxDuration())
              + "), which is always enforced");
    }
    Optional<Duration> newDuration = duration == null ? scenario.duration() : Optional.of(duration);
    org.daysofchaos.core.Recovery recovery = scenario.recovery();
    if (holdFor != null) {
      recovery = new org.daysofchaos.core.Recovery(holdFor, recovery.within());
    }
    return scenario.withTiming(newDuration, scenario.maxDuration(), recovery);
  }
}
