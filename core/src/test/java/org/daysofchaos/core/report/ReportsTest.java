package org.daysofchaos.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.daysofchaos.core.report.Fixture.SECOND;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.scoring.Leaderboard;
import org.daysofchaos.core.scoring.Scoring;
import org.daysofchaos.core.scoring.ScoringRules;
import org.junit.jupiter.api.Test;

/** Every figure of the fixture's game day, computed by hand (see {@link Fixture}). */
class ReportsTest {
  private final GameDayReport report = Reports.gameDay(Fixture.input(false));

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Test
  void countsTheFunnelWithRecoveryOfUntilFixedIncidentsOnlyWhenTheFixHeld() {
    // Detected: all 4 (i2 by a team only). Diagnosed: i1 (red), i3 (blue). Recovered: i1, i2, i3;
    // i4 came back only after its safety bound ended the fault.
    assertThat(report.funnel()).isEqualTo(new Funnel(4, 4, 2, 3));
    assertThat(report.funnel().detectedPercent()).isEqualTo(100);
    assertThat(report.funnel().diagnosedPercent()).isEqualTo(50);
    assertThat(report.funnel().recoveredPercent()).isEqualTo(75);
  }

  @Test
  void takesTheEarliestDetectionByMonitoringOrTeamWithItsSourceAndResolution() {
    assertThat(report.incidents())
        .extracting(
            IncidentOutcome::id,
            i -> i.detection().orElseThrow().after(),
            i -> i.detection().orElseThrow().by(),
            i -> i.detection().orElseThrow().source(),
            i -> i.detection().orElseThrow().resolution())
        .containsExactly(
            tuple("i1", s(40), Observer.SIGNAL, "p99 > 0.5", SECOND),
            tuple("i2", s(240), Observer.TEAM, "red", Duration.ZERO),
            tuple("i3", s(30), Observer.ALERT, "PaymentDown", Duration.ZERO),
            tuple("i4", s(120), Observer.SIGNAL, "inventory_up < 1", SECOND));
    assertThat(report.incident("i1").orElseThrow().detection().orElseThrow().describe())
        .isEqualTo("40.0 s (± 1s) by signal p99 > 0.5");
  }

  @Test
  void computesNearestRankPercentilesOfEachTime() {
    // Detect: 30 s, 40 s, 2 min, 4 min -> p50 rank 2, p90 rank 4.
    assertThat(report.timeToDetect())
        .isEqualTo(
            new Stats(4, Optional.of(s(40)), Optional.of(s(240)), Optional.of(s(240)), SECOND));
    // Diagnose: 5 min (blue in i3), 6 min (red in i1).
    assertThat(report.timeToDiagnose())
        .isEqualTo(
            new Stats(
                2, Optional.of(s(300)), Optional.of(s(360)), Optional.of(s(360)), Duration.ZERO));
    // Self-healing after the fault ended, time-boxed i1 and i2: 30 s, 20 s.
    assertThat(report.selfHealing())
        .isEqualTo(
            new Stats(2, Optional.of(s(20)), Optional.of(s(30)), Optional.of(s(30)), SECOND));
    // Time to restore, until-fixed i3: 12 min from the injection; i4 was not restored.
    assertThat(report.timeToRestore())
        .isEqualTo(
            new Stats(1, Optional.of(s(720)), Optional.of(s(720)), Optional.of(s(720)), SECOND));
  }

  @Test
  void theReportNeverMixesTheTwoInOnePercentile() {
    // Every recovery that counts is in exactly one of the two, the one of its incident's mode.
    assertThat(report.incidents())
        .extracting(IncidentOutcome::id, i -> i.recoveryTime().map(t -> t.kind()).orElse(null))
        .containsExactly(
            tuple("i1", RecoveryTime.Kind.SELF_HEALING),
            tuple("i2", RecoveryTime.Kind.SELF_HEALING),
            tuple("i3", RecoveryTime.Kind.TIME_TO_RESTORE),
            tuple("i4", null));
    assertThat(report.selfHealing().count() + report.timeToRestore().count())
        .isEqualTo(report.funnel().recovered());
    // The old mixed figure (2, 5 and 12 min from the injection) is nowhere: 5 min is i1's recovery
    // on the timeline, not how long anything took.
    assertThat(List.of(report.selfHealing(), report.timeToRestore()))
        .allSatisfy(st -> assertThat(st.worst()).isNotEqualTo(Optional.of(s(300))));
    String text = ReportText.render(report);
    assertThat(text)
        .contains("Self-healing after the fault ended (time-boxed): p50 20.0 s")
        .contains("Time to restore (until-fixed): p50 12 min 00 s")
        .doesNotContain("Time to recover");
    assertThat(ReportJson.toJson(report))
        .contains("\"selfHealing\"")
        .contains("\"timeToRestore\"")
        .doesNotContain("timeToRecover");
  }

  @Test
  void saysForEachIncidentWhichRecoveryTimeItIs() {
    String text = ReportText.render(report);
    assertThat(text)
        .contains(
            "recovered: self-healing after the fault ended: 30.0 s (± 1s),"
                + " by steady state held for 5s")
        .contains(
            "recovered: time to restore: 12 min 00 s (± 1s) after the injection,"
                + " by steady state held for 5s")
        .contains(
            "recovered: not restored by a fix: the steady state came back only after the fault"
                + " had ended, 21 min 00 s after the injection (not counted)");
  }

  @Test
  void reportsWhichFailuresMonitoringMissedAndHowMuchEarlierItWasThanTheTeams() {
    Coverage c = report.coverage();
    assertThat(c.monitored()).isEqualTo(3);
    assertThat(c.monitoredPercent()).isEqualTo(75);
    assertThat(c.alerted()).isEqualTo(2);
    assertThat(c.alertedPercent()).isEqualTo(50);
    assertThat(c.signalled()).isEqualTo(2);
    assertThat(c.unmonitored()).containsExactly("i2");
    assertThat(c.unalerted()).containsExactly("i2", "i4");
    // i1: blue claimed at 2 min, the signal at 40 s: 80 s earlier. i3: claim 1 min, alert 30 s.
    assertThat(report.incident("i1").orElseThrow().alertingLead()).contains(s(80));
    assertThat(report.incident("i3").orElseThrow().alertingLead()).contains(s(30));
    assertThat(c.monitoringFirst()).isEqualTo(2);
    assertThat(c.teamsFirst()).isZero();
    assertThat(c.lead())
        .isEqualTo(
            new Stats(2, Optional.of(s(30)), Optional.of(s(80)), Optional.of(s(80)), SECOND));
  }

  @Test
  void breaksTheFiguresDownPerServiceAndPerScenario() {
    assertThat(report.services())
        .extracting(
            Breakdown::key,
            Breakdown::incidents,
            Breakdown::funnel,
            b -> b.timeToDetect().p50().orElseThrow(),
            b -> b.timeToDetect().p90().orElseThrow(),
            b -> b.selfHealing().p50().orElseThrow(),
            b -> b.timeToRestore().count(),
            Breakdown::monitored,
            Breakdown::modes)
        .containsExactly(
            tuple(
                "inventory",
                List.of("i2", "i4"),
                new Funnel(2, 2, 0, 1),
                s(120),
                s(240),
                s(20),
                0,
                1,
                List.of(Mode.TIME_BOXED, Mode.UNTIL_FIXED)),
            tuple(
                "payment",
                List.of("i1", "i3"),
                new Funnel(2, 2, 2, 2),
                s(30),
                s(40),
                s(30),
                1,
                2,
                List.of(Mode.TIME_BOXED, Mode.UNTIL_FIXED)));
    assertThat(report.scenarios())
        .extracting(Breakdown::key)
        .containsExactly(
            "demo/inventory-freeze",
            "demo/inventory-outage",
            "demo/payment-latency",
            "demo/payment-primary-down");
    // A scenario has one mode: its breakdown shows the one recovery time that applies.
    Breakdown latency = report.scenarios().get(2);
    assertThat(latency.has(RecoveryTime.Kind.SELF_HEALING)).isTrue();
    assertThat(latency.has(RecoveryTime.Kind.TIME_TO_RESTORE)).isFalse();
    assertThat(ReportText.render(report))
        .contains(
            "  demo/payment-latency: 1 injected",
            "    self-healing after the fault ended: p50 30.0 s",
            "  demo/payment-primary-down: 1 injected",
            "    time to restore: p50 12 min 00 s");
  }

  @Test
  void scoresEachServiceByItsFormulaFromTheTermsShown() {
    // inventory: i2 w4 d1 m0 r1 = 12 of 16; i4 w5 d1 m1 r0 = 10 of 20 -> 22/36 = 61.1.
    // payment: i1 w6 all = 24 of 24; i3 w8 all = 32 of 32 -> 100.
    assertThat(report.scores())
        .extracting(
            ResilienceScore::key,
            ResilienceScore::earned,
            ResilienceScore::possible,
            ResilienceScore::score)
        .containsExactly(tuple("inventory", 22, 36, 61.1), tuple("payment", 56, 56, 100.0));
    assertThat(report.scores().get(0).terms())
        .extracting(ScoreTerm::incidentId, ScoreTerm::earned, ScoreTerm::possible)
        .containsExactly(tuple("i2", 12, 16), tuple("i4", 10, 20));
    assertThat(report.overall().describe()).isEqualTo("84.8 = 100 · 78 / 92");
  }

  @Test
  void takesTheTeamsResultsFromTheBoardsOwnScoringFunction() {
    Leaderboard board =
        Scoring.leaderboard(
            ScoringRules.defaults(),
            List.of("blue", "red"),
            Fixture.incidents().stream().map(IncidentRecord::facts).toList(),
            Fixture.plays(),
            Optional.empty());
    assertThat(report.teams())
        .extracting(TeamResult::team, TeamResult::points, TeamResult::rank)
        .containsExactlyElementsOf(
            board.standings().stream()
                .map(st -> tuple(st.team(), st.points(), st.rank()))
                .toList());
    // Red in i2: claimed at 4 min, floor(400 · 0.5^(4/5)) = 229, nothing else.
    TeamIncident red = report.incident("i2").orElseThrow().teams().get(1);
    assertThat(red.team()).isEqualTo("red");
    assertThat(red.points()).isEqualTo(229);
    assertThat(red.claim().orElseThrow().after()).isEqualTo(s(240));
  }

  @Test
  void keepsEachTeamsFirstPlaysPerIncidentWithHintsAndWrongDiagnoses() {
    IncidentOutcome i1 = report.incident("i1").orElseThrow();
    TeamIncident blue = i1.teams().get(0);
    assertThat(blue.claim().orElseThrow().after()).isEqualTo(s(120));
    assertThat(blue.diagnosis().orElseThrow().after()).isEqualTo(s(480));
    assertThat(blue.wrongDiagnoses()).isEqualTo(1);
    TeamIncident blueI3 = report.incident("i3").orElseThrow().teams().get(0);
    assertThat(blueI3.alert().orElseThrow().after()).isEqualTo(s(20));
    assertThat(blueI3.hints()).isEqualTo(1);
    assertThat(blueI3.fix().orElseThrow().after()).isEqualTo(s(720));
    assertThat(report.incident("i4").orElseThrow().teams())
        .allSatisfy(t -> assertThat(t.claim()).isEmpty());
  }

  @Test
  void ordersTheTimelineOfAnIncident() {
    assertThat(report.incident("i3").orElseThrow().timeline())
        .extracting(IncidentOutcome.Mark::label, IncidentOutcome.Mark::after)
        .containsExactly(
            tuple("fault injected", Duration.ZERO),
            tuple("blue alerting", s(20)),
            tuple("alert PaymentDown", s(30)),
            tuple("blue claims", s(60)),
            tuple("blue diagnoses", s(300)),
            tuple("blue fixes", s(720)),
            tuple("recovered", s(720)),
            tuple("fault ended", s(730)));
  }

  @Test
  void ignoresPlaysFromTheFreezeOn() {
    ReportInput in = Fixture.input(false);
    ReportInput frozen =
        new ReportInput(
            in.gameDay(),
            in.teams(),
            in.incidents(),
            in.plays(),
            in.rules(),
            Optional.of(Fixture.at(7, 0)),
            in.notes());
    GameDayReport r = Reports.gameDay(frozen);
    // Red's claim of i2 (14 min) and blue's diagnoses are after the freeze: i2 is detected by
    // no one (no monitoring either), and only red's diagnosis of i1 (6 min) is left.
    assertThat(r.funnel()).isEqualTo(new Funnel(4, 3, 1, 3));
    assertThat(r.frozenAt()).contains(Fixture.at(7, 0));
  }

  @Test
  void saysOnTheFirstLineThatAGameDayIsStillRunning() {
    GameDayReport running = Reports.gameDay(Fixture.input(true));
    assertThat(running.headline()).startsWith("Game day First day is still running");
    assertThat(ReportText.render(running).lines().findFirst().orElseThrow())
        .isEqualTo(running.headline());
    assertThat(report.headline()).isEqualTo("Resilience report: First day");
  }

  @Test
  void followsEachServiceAcrossGameDaysOldestFirst() {
    Instant later = Fixture.T0.plus(Duration.ofDays(7));
    IncidentRecord missed =
        new IncidentRecord(
            "j1",
            "day-2",
            "demo/payment-latency",
            null,
            "payment",
            2,
            Mode.TIME_BOXED,
            later,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of());
    GameDayReport second =
        Reports.gameDay(
            ReportInput.withoutTeams(
                new GameDayFacts("day-2", "Second day", "running", true, Optional.of(later), later),
                List.of(missed)));
    TrendReport trend = Reports.trend(List.of(second, report), later);

    assertThat(trend.gameDays())
        .extracting(TrendPoint::gameDayId, p -> p.funnel().injected(), p -> p.score().score())
        .containsExactly(tuple("day-1", 4, 84.8), tuple("day-2", 1, 0.0));
    assertThat(trend.headline()).startsWith("A game day is still running");
    ServiceTrend payment = trend.services().get(1);
    assertThat(payment.service()).isEqualTo("payment");
    assertThat(payment.points())
        .extracting(TrendPoint::gameDayId, TrendPoint::monitoredPercent, p -> p.score().score())
        .containsExactly(tuple("day-1", 100, 100.0), tuple("day-2", 0, 0.0));
    // 56 of 56 on day 1, 0 of 8 on day 2: 56/64.
    assertThat(payment.overall().describe()).isEqualTo("87.5 = 100 · 56 / 64");
    assertThat(trend.services().get(0).points())
        .extracting(TrendPoint::gameDayId)
        .containsExactly("day-1");
    assertThat(second.incidents().get(0).verdict()).isEmpty();
    assertThat(second.incidents().get(0).running()).isTrue();
  }
}
