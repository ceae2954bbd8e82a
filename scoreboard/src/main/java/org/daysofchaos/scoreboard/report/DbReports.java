package org.daysofchaos.scoreboard.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.journal.Verdict;
import org.daysofchaos.core.report.GameDayFacts;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.IncidentRecord;
import org.daysofchaos.core.report.JournalReports;
import org.daysofchaos.core.report.Observer;
import org.daysofchaos.core.report.ReportInput;
import org.daysofchaos.core.report.Reports;
import org.daysofchaos.core.report.SteadyStateChange;
import org.daysofchaos.core.report.Timing;
import org.daysofchaos.core.report.TrendReport;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.scoreboard.alerts.AlertIntake;
import org.daysofchaos.scoreboard.alerts.AlertStore;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.PlayStore;

/**
 * Reads a game day's facts from the database into a report's input: its incidents (with their
 * journals and first alerts), its teams and their plays as judged (the same plays the leaderboard
 * is computed from), and the game master's notes.
 */
public final class DbReports {
  /** A trend, and the game days' reports it was made of (for the CSV of every incident). */
  public record Trend(TrendReport report, List<GameDayReport> gameDays) {}

  private final GameDays gameDays;
  private final IncidentStore incidents;
  private final PlayStore playStore;
  private final ScenarioCatalog catalog;
  private final AlertStore alerts;
  private final NotesStore notes;
  private final Clock clock;
  private final Duration probeInterval;

  public DbReports(
      GameDays gameDays,
      IncidentStore incidents,
      PlayStore playStore,
      ScenarioCatalog catalog,
      AlertStore alerts,
      NotesStore notes,
      Clock clock,
      Duration probeInterval) {
    this.gameDays = gameDays;
    this.incidents = incidents;
    this.playStore = playStore;
    this.catalog = catalog;
    this.alerts = alerts;
    this.notes = notes;
    this.clock = clock;
    this.probeInterval = probeInterval;
  }

  /** The report of one game day; throws {@link GameDays.NoSuchGameDay} for an unknown id. */
  public GameDayReport gameDay(String gameDayId) {
    return Reports.gameDay(input(gameDays.get(gameDayId), true));
  }

  /**
   * Every game day that injected something, side by side.
   *
   * @param progress told the number of game days read so far, for a long trend
   */
  public Trend trend(IntConsumer progress) {
    List<GameDayReport> reports = new ArrayList<>();
    for (GameDayStore.Row day : gameDays.list()) {
      ReportInput in = input(day, false);
      if (!in.incidents().isEmpty()) {
        reports.add(Reports.gameDay(in));
      }
      progress.accept(reports.size());
    }
    return new Trend(Reports.trend(reports, clock.instant()), reports);
  }

  /**
   * @param journals read each incident's journal for its timeline and the name of its detection
   *     signal; a trend does without
   */
  ReportInput input(GameDayStore.Row day, boolean journals) {
    String id = day.id();
    boolean running = day.state().live();
    List<Incident> fired = incidents.fired(id);
    Map<String, Incident> byId = new LinkedHashMap<>();
    fired.forEach(i -> byId.put(i.id(), i));
    Map<String, AlertStore.IncidentAlerts> firstAlerts = alerts.firstAlerts(id);
    List<IncidentRecord> records = new ArrayList<>();
    for (Incident i : fired) {
      List<JournalEvent> journal = journals ? incidents.journal(i.id()) : List.of();
      records.add(record(i, scenario(i), journal, firstAlerts.get(i.id())));
    }
    List<Play> all = new ArrayList<>();
    PlayRecord.judged(playStore.ofGameDay(id), byId).forEach(p -> all.add(p.toPlay()));
    all.addAll(AlertStore.asPlays(firstAlerts));
    GameDayFacts facts =
        new GameDayFacts(
            id,
            day.name(),
            day.state().name().toLowerCase(java.util.Locale.ROOT),
            running,
            Optional.ofNullable(day.startedAt()),
            clock.instant());
    // A running game day's report respects the board's freeze, as the public board does; once
    // the game day is over, the report is final.
    Optional<Instant> freeze = running ? playStore.frozenAt(id) : Optional.empty();
    return new ReportInput(
        facts, gameDays.teams(id), records, all, ScoringRules.defaults(), freeze, notes.of(id));
  }

  /**
   * How long an incident's recovery took, counted as its scenario's mode asks (RecoveryTime): what
   * the incident API shows next to the stored times, by the same reading as the reports.
   */
  public Optional<RecoveryTime> recoveryTime(Incident i) {
    if (i.injectedAt() == null || i.recoveredAt() == null) {
      return Optional.empty();
    }
    // As record() reads it: the scenario's mode (time-boxed when its version is gone), and the
    // probe interval as the resolution.
    Mode mode = scenario(i).map(Scenario::mode).orElse(Mode.TIME_BOXED);
    return RecoveryTime.of(
        mode,
        i.injectedAt(),
        Optional.ofNullable(i.faultEndedAt()),
        i.recoveredAt(),
        probeInterval);
  }

  private Optional<Scenario> scenario(Incident i) {
    try {
      return Optional.of(catalog.scenario(i.scenarioId(), i.scenarioSha256()));
    } catch (RuntimeException e) {
      return Optional.empty(); // a version no longer stored: the report still counts the incident
    }
  }

  private IncidentRecord record(
      Incident i,
      Optional<Scenario> scenario,
      List<JournalEvent> journal,
      AlertStore.IncidentAlerts alert) {
    Instant t0 = i.injectedAt();
    // A detection by an alert the run polled is counted once, as an alert (below).
    Optional<Timing> signal =
        Optional.ofNullable(i.detectedAt())
            .filter(at -> !JournalReports.detectedByAlert(journal))
            .map(at -> Timing.since(t0, at, Observer.SIGNAL, signalName(journal), probeInterval));
    String held =
        scenario
            .map(s -> "steady state held for " + Durations.format(s.recovery().holdFor()))
            .orElse("steady state held");
    Optional<Timing> recovery =
        Optional.ofNullable(i.recoveredAt())
            .map(at -> Timing.since(t0, at, Observer.STEADY_STATE, held, probeInterval));
    Optional<Timing> firstAlert = firstAlert(t0, journal, alert);
    return new IncidentRecord(
        i.id(),
        i.gameDayId(),
        i.scenarioId(),
        scenario.map(Scenario::title).orElse(i.scenarioId()),
        scenario.flatMap(Scenario::diagnosis).map(d -> d.component()).orElse(null),
        scenario.map(Scenario::weight).orElse(1),
        scenario.map(Scenario::mode).orElse(Mode.TIME_BOXED),
        t0,
        Optional.ofNullable(i.faultEndedAt()),
        signal,
        firstAlert,
        recovery,
        verdict(i),
        steadyState(journal, t0));
  }

  /**
   * The first alert of an incident: pushed to the webhook, or polled by the run loop from
   * Prometheus' alerts API (its journal's ALERT_RECEIVED), whichever was seen first. Each counts as
   * its source measures it: a pushed one from its arrival, a polled one from its estimate.
   */
  static Optional<Timing> firstAlert(
      Instant t0, List<JournalEvent> journal, AlertStore.IncidentAlerts alert) {
    Optional<AlertStore.FirstAlert> pushed = Optional.ofNullable(alert).map(a -> a.first());
    Optional<JournalEvent> polled =
        journal.stream()
            .filter(e -> e.type() == EventType.ALERT_RECEIVED)
            .filter(e -> !AlertIntake.SOURCE.equals(e.data().get("source")))
            .findFirst();
    if (polled.isPresent() && (pushed.isEmpty() || polled.get().at().isBefore(pushed.get().at()))) {
      return Optional.of(JournalReports.alertTiming(polled.get(), t0));
    }
    return pushed.map(f -> Timing.since(t0, f.at(), Observer.ALERT, f.alertname(), Duration.ZERO));
  }

  private static Optional<Verdict> verdict(Incident i) {
    if (i.state() == Incident.State.RUNNING || i.verdict() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Verdict.valueOf(i.verdict()));
    } catch (IllegalArgumentException e) {
      return Optional.of(Verdict.FAILED);
    }
  }

  private static String signalName(List<JournalEvent> journal) {
    return journal.stream()
        .filter(e -> e.type() == EventType.DETECTED)
        .map(e -> e.data().get("signal"))
        .filter(s -> s != null && !s.isBlank())
        .findFirst()
        .orElse("detection signal");
  }

  private static List<SteadyStateChange> steadyState(List<JournalEvent> journal, Instant t0) {
    List<SteadyStateChange> changes = new ArrayList<>();
    for (JournalEvent e : journal) {
      if (e.at().isBefore(t0)) {
        continue;
      }
      if (e.type() == EventType.STEADY_STATE_DEVIATED) {
        changes.add(new SteadyStateChange(e.at(), false));
      } else if (e.type() == EventType.STEADY_STATE_RESTORED) {
        changes.add(new SteadyStateChange(e.at(), true));
      }
    }
    return changes;
  }
}
