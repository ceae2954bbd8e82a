package org.daysofchaos.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.ScoringRules;

/**
 * A small game day with known times, whose figures ReportsTest checks by hand: two teams, four
 * incidents on two services, one of each way an incident can go.
 */
final class Fixture {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Duration SECOND = Duration.ofSeconds(1);

  private Fixture() {}

  static Instant at(int minutes, int seconds) {
    return T0.plusSeconds(minutes * 60L + seconds);
  }

  static Timing timing(Instant injected, int minutes, int seconds, Observer by, String source) {
    Duration resolution = by == Observer.ALERT ? Duration.ZERO : SECOND;
    return Timing.since(
        injected, injected.plusSeconds(minutes * 60L + seconds), by, source, resolution);
  }

  static IncidentRecord incident(
      String id,
      String scenario,
      String service,
      int weight,
      Mode mode,
      Instant injected,
      Optional<Timing> signal,
      Optional<Timing> alert,
      Optional<Timing> recovery,
      Instant faultEnded) {
    return new IncidentRecord(
        id,
        "day-1",
        scenario,
        scenario + " title",
        service,
        weight,
        mode,
        injected,
        Optional.of(faultEnded),
        signal,
        alert,
        recovery,
        Optional.of(Verdict.PASSED),
        List.of(
            new SteadyStateChange(injected.plusSeconds(5), false),
            new SteadyStateChange(faultEnded.plusSeconds(10), true)));
  }

  /**
   * i1 payment w6 time-boxed at T0: signal 40 s, alert 70 s, fault ended 4 min 30 s, recovered 5
   * min (self-healing 30 s). i2 inventory w4 time-boxed at +10 min: nothing caught it, fault ended
   * 1 min 40 s, recovered 2 min (self-healing 20 s). i3 payment w8 until-fixed at +20 min: alert 30
   * s, fixed 12 min (before the fault ended: time to restore 12 min). i4 inventory w5 until-fixed
   * at +40 min: signal 2 min, came back only after the safety bound (not recovered).
   */
  static List<IncidentRecord> incidents() {
    Instant i1 = T0;
    Instant i2 = at(10, 0);
    Instant i3 = at(20, 0);
    Instant i4 = at(40, 0);
    return List.of(
        incident(
            "i1",
            "demo/payment-latency",
            "payment",
            6,
            Mode.TIME_BOXED,
            i1,
            Optional.of(timing(i1, 0, 40, Observer.SIGNAL, "p99 > 0.5")),
            Optional.of(timing(i1, 1, 10, Observer.ALERT, "BookingLatencyHigh")),
            Optional.of(timing(i1, 5, 0, Observer.STEADY_STATE, "steady state held for 5s")),
            i1.plusSeconds(270)),
        incident(
            "i2",
            "demo/inventory-outage",
            "inventory",
            4,
            Mode.TIME_BOXED,
            i2,
            Optional.empty(),
            Optional.empty(),
            Optional.of(timing(i2, 2, 0, Observer.STEADY_STATE, "steady state held for 5s")),
            i2.plusSeconds(100)),
        incident(
            "i3",
            "demo/payment-primary-down",
            "payment",
            8,
            Mode.UNTIL_FIXED,
            i3,
            Optional.empty(),
            Optional.of(timing(i3, 0, 30, Observer.ALERT, "PaymentDown")),
            Optional.of(timing(i3, 12, 0, Observer.STEADY_STATE, "steady state held for 5s")),
            i3.plusSeconds(730)),
        incident(
            "i4",
            "demo/inventory-freeze",
            "inventory",
            5,
            Mode.UNTIL_FIXED,
            i4,
            Optional.of(timing(i4, 2, 0, Observer.SIGNAL, "inventory_up < 1")),
            Optional.empty(),
            Optional.of(timing(i4, 21, 0, Observer.STEADY_STATE, "steady state held for 5s")),
            i4.plusSeconds(1200)));
  }

  static List<Play> plays() {
    List<Play> plays = new ArrayList<>();
    long[] seq = {0};
    record P(String team, String incident, PlayType type, Instant at, Outcome outcome) {}
    List<P> list =
        List.of(
            new P("blue", "i1", PlayType.DETECTION_CLAIM, at(2, 0), Outcome.ACCEPTED),
            new P("red", "i1", PlayType.DETECTION_CLAIM, at(3, 0), Outcome.ACCEPTED),
            new P("blue", "i1", PlayType.DIAGNOSIS, at(5, 0), Outcome.REJECTED),
            new P("red", "i1", PlayType.DIAGNOSIS, at(6, 0), Outcome.ACCEPTED),
            new P("blue", "i1", PlayType.DIAGNOSIS, at(8, 0), Outcome.ACCEPTED),
            new P("red", null, PlayType.DETECTION_CLAIM, at(9, 0), Outcome.REJECTED),
            new P("red", "i2", PlayType.DETECTION_CLAIM, at(14, 0), Outcome.ACCEPTED),
            new P("blue", "i3", PlayType.ALERT, at(20, 20), Outcome.ACCEPTED),
            new P("blue", "i3", PlayType.DETECTION_CLAIM, at(21, 0), Outcome.ACCEPTED),
            new P("blue", "i3", PlayType.HINT, at(23, 0), Outcome.ACCEPTED),
            new P("blue", "i3", PlayType.DIAGNOSIS, at(25, 0), Outcome.ACCEPTED),
            new P("blue", "i3", PlayType.FIX, at(32, 0), Outcome.ACCEPTED));
    for (P p : list) {
      plays.add(
          new Play(
              ++seq[0],
              p.team(),
              p.incident(),
              p.type(),
              p.at(),
              p.outcome(),
              p.type() == PlayType.HINT ? 0 : -1,
              ""));
    }
    return plays;
  }

  static ReportInput input(boolean running) {
    return new ReportInput(
        new GameDayFacts(
            "day-1",
            "First day",
            running ? "running" : "finished",
            running,
            Optional.of(T0),
            at(90, 0)),
        List.of("blue", "red"),
        incidents(),
        plays(),
        ScoringRules.defaults(),
        Optional.empty(),
        new Notes(
            "Inventory has no alert.",
            List.of(new ActionItem("Add an alert on inventory_up", "ops", false)),
            Optional.of("gm"),
            Optional.of(at(95, 0))));
  }
}
