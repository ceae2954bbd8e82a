package org.daysofchaos.scoreboard.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.report.ActionItem;
import org.daysofchaos.core.report.GameDayFacts;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.IncidentRecord;
import org.daysofchaos.core.report.Notes;
import org.daysofchaos.core.report.Observer;
import org.daysofchaos.core.report.ReportInput;
import org.daysofchaos.core.report.Reports;
import org.daysofchaos.core.report.SteadyStateChange;
import org.daysofchaos.core.report.Timing;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.ScoringRules;

/**
 * A game day with known facts for the report's forms: two teams, three incidents. Incident a1
 * (payment) has a signal, an alert, both teams' claims, a diagnosis and a fix; a2 (inventory) is
 * caught by nobody but red; a3 (payment) is still running.
 */
final class ReportSamples {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private ReportSamples() {}

  static Timing t(Instant t0, long seconds, Observer by, String source) {
    return Timing.since(
        t0,
        t0.plusSeconds(seconds),
        by,
        source,
        by == Observer.ALERT ? Duration.ZERO : Duration.ofSeconds(1));
  }

  static GameDayReport gameDay(boolean running) {
    Instant a1 = T0;
    Instant a2 = T0.plusSeconds(600);
    Instant a3 = T0.plusSeconds(1500);
    List<IncidentRecord> incidents =
        List.of(
            new IncidentRecord(
                "a1",
                "day",
                "demo/payment-latency",
                "Payments are slow",
                "payment",
                6,
                Mode.UNTIL_FIXED,
                a1,
                Optional.of(a1.plusSeconds(400)),
                Optional.of(t(a1, 40, Observer.SIGNAL, "p99 > 0.5")),
                Optional.of(t(a1, 70, Observer.ALERT, "BookingLatencyHigh")),
                Optional.of(t(a1, 390, Observer.STEADY_STATE, "steady state held for 5s")),
                Optional.of(Verdict.PASSED),
                List.of(
                    new SteadyStateChange(a1.plusSeconds(3), false),
                    new SteadyStateChange(a1.plusSeconds(385), true))),
            new IncidentRecord(
                "a2",
                "day",
                "demo/inventory-outage",
                "Inventory is down",
                "inventory",
                4,
                Mode.TIME_BOXED,
                a2,
                Optional.of(a2.plusSeconds(120)),
                Optional.empty(),
                Optional.empty(),
                Optional.of(t(a2, 150, Observer.STEADY_STATE, "steady state held for 5s")),
                Optional.of(Verdict.PASSED),
                List.of(
                    new SteadyStateChange(a2.plusSeconds(2), false),
                    new SteadyStateChange(a2.plusSeconds(145), true))),
            new IncidentRecord(
                "a3",
                "day",
                "demo/payment-resets",
                "Connections reset",
                "payment",
                3,
                Mode.TIME_BOXED,
                a3,
                Optional.empty(),
                Optional.of(t(a3, 20, Observer.SIGNAL, "errors > 0.1")),
                Optional.empty(),
                Optional.empty(),
                running ? Optional.empty() : Optional.of(Verdict.DEVIATED),
                List.of(new SteadyStateChange(a3.plusSeconds(2), false))));
    List<Play> plays = new ArrayList<>();
    plays.add(play(1, "blue", "a1", PlayType.ALERT, a1.plusSeconds(50)));
    plays.add(play(2, "blue", "a1", PlayType.DETECTION_CLAIM, a1.plusSeconds(95)));
    plays.add(play(3, "red", "a1", PlayType.DETECTION_CLAIM, a1.plusSeconds(130)));
    plays.add(play(4, "red", "a1", PlayType.DIAGNOSIS, a1.plusSeconds(240)));
    plays.add(play(5, "red", "a1", PlayType.FIX, a1.plusSeconds(390)));
    plays.add(play(6, "red", "a2", PlayType.DETECTION_CLAIM, a2.plusSeconds(200)));
    ReportInput in =
        new ReportInput(
            new GameDayFacts(
                "day",
                "Spring game day",
                running ? "running" : "finished",
                running,
                Optional.of(T0),
                T0.plusSeconds(3600)),
            List.of("blue", "red"),
            incidents,
            plays,
            ScoringRules.defaults(),
            Optional.empty(),
            new Notes(
                "Inventory has no alert at all.\nPayments recovered only after the failover.",
                List.of(
                    new ActionItem("Alert on inventory_up", "ops", false),
                    new ActionItem("Document the failover", "payments team", true)),
                Optional.of("gm"),
                Optional.of(T0.plusSeconds(4000))));
    return Reports.gameDay(in);
  }

  private static Play play(long seq, String team, String incident, PlayType type, Instant at) {
    return new Play(seq, team, incident, type, at, Outcome.ACCEPTED, -1, "");
  }
}
