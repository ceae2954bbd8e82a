package org.daysofchaos.scoreboard.rehearse;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How fast a bot team plays: the median time to detect an incident (from its injection), to
 * diagnose it (from the detection) and to fix it (from the diagnosis), each drawn from a log-normal
 * spread around its median; how often its first diagnosis is wrong; whether it buys hints when
 * stuck. The medians are guesses from the Days of Chaos reports (detection is fast, resolution the
 * scarce skill) and meant to be read as "a team like this", not as a measurement.
 */
public enum Skill {
  NOVICE(Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(6), 0.5, true),
  AVERAGE(Duration.ofSeconds(90), Duration.ofMinutes(4), Duration.ofMinutes(3), 0.3, true),
  EXPERT(Duration.ofSeconds(40), Duration.ofSeconds(100), Duration.ofSeconds(80), 0.1, false);

  /** How widely a team's times spread around their medians (σ of the logarithm). */
  static final double SPREAD = 0.6;

  final Duration detect;
  final Duration diagnose;
  final Duration fix;
  final double wrongDiagnosis;
  final boolean buysHints;

  Skill(Duration detect, Duration diagnose, Duration fix, double wrongDiagnosis, boolean hints) {
    this.detect = detect;
    this.diagnose = diagnose;
    this.fix = fix;
    this.wrongDiagnosis = wrongDiagnosis;
    this.buysHints = hints;
  }

  /** A delay around {@code median}, log-normally spread. */
  static Duration draw(Duration median, RandomGenerator random) {
    double factor = Math.exp(SPREAD * random.nextGaussian());
    return Duration.ofMillis(Math.round(median.toMillis() * factor));
  }

  /** "novice", "average", "expert", as on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The skill named {@code text}, case-insensitively. */
  public static Skill parse(String text) {
    for (Skill s : values()) {
      if (s.label().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown skill '" + text + "': use novice, average or expert (or a mix: novice,expert)");
  }
}
