package org.daysofchaos.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.scoring.Leaderboard;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.ScoreLine;
import org.daysofchaos.core.scoring.Scoring;
import org.daysofchaos.core.scoring.Standing;

/**
 * The report's figures as pure functions of the facts: the same input always gives the same report,
 * and the teams' results are {@link Scoring#leaderboard}'s, the board's own function.
 */
public final class Reports {
  private static final String ALL_SERVICES = "all services";

  private Reports() {}

  /** The report of one game day. */
  public static GameDayReport gameDay(ReportInput in) {
    List<IncidentRecord> incidents =
        in.incidents().stream()
            .sorted(
                Comparator.comparing(IncidentRecord::injectedAt).thenComparing(IncidentRecord::id))
            .toList();
    List<Play> plays =
        in.plays().stream()
            .filter(p -> in.freezeAt().isEmpty() || p.at().isBefore(in.freezeAt().get()))
            .sorted(Comparator.comparing(Play::at).thenComparingLong(Play::sequence))
            .toList();
    Leaderboard board =
        Scoring.leaderboard(
            in.rules(),
            in.teams(),
            incidents.stream().map(IncidentRecord::facts).toList(),
            plays,
            in.freezeAt());
    Map<String, Map<String, Integer>> points = pointsByIncidentAndTeam(board);
    Map<String, List<Play>> byIncident = new HashMap<>();
    for (Play p : plays) {
      if (p.incidentId() != null) {
        byIncident.computeIfAbsent(p.incidentId(), k -> new ArrayList<>()).add(p);
      }
    }
    List<IncidentOutcome> outcomes =
        incidents.stream()
            .map(
                i ->
                    outcome(
                        i,
                        in.teams(),
                        byIncident.getOrDefault(i.id(), List.of()),
                        points.getOrDefault(i.id(), Map.of())))
            .toList();
    return new GameDayReport(
        in.gameDay(),
        funnel(outcomes),
        Stats.of(present(outcomes, IncidentOutcome::detection)),
        Stats.of(present(outcomes, IncidentOutcome::diagnosis)),
        recoveries(outcomes, RecoveryTime.Kind.SELF_HEALING),
        recoveries(outcomes, RecoveryTime.Kind.TIME_TO_RESTORE),
        coverage(outcomes),
        breakdown(outcomes, IncidentOutcome::service),
        breakdown(outcomes, IncidentOutcome::scenarioId),
        scores(outcomes),
        ResilienceScore.of(ALL_SERVICES, outcomes.stream().map(Reports::term).toList()),
        outcomes,
        board.standings().stream().map(Reports::result).toList(),
        in.freezeAt(),
        in.notes());
  }

  /** Game days side by side, oldest first, overall and per service. */
  public static TrendReport trend(List<GameDayReport> reports, Instant generatedAt) {
    List<GameDayReport> ordered =
        reports.stream()
            .sorted(Comparator.comparing(Reports::startOf).thenComparing(r -> r.gameDay().id()))
            .toList();
    List<TrendPoint> overall = new ArrayList<>();
    Map<String, List<TrendPoint>> services = new TreeMap<>();
    for (GameDayReport r : ordered) {
      overall.add(
          point(
              r,
              r.funnel(),
              r.timeToDetect(),
              r.selfHealing(),
              r.timeToRestore(),
              r.coverage().monitored(),
              r.coverage().alerted(),
              r.overall()));
      for (Breakdown b : r.services()) {
        ResilienceScore score =
            r.scores().stream().filter(s -> s.key().equals(b.key())).findFirst().orElseThrow();
        int alerted =
            (int)
                r.incidents().stream()
                    .filter(i -> i.service().equals(b.key()) && i.alert().isPresent())
                    .count();
        services
            .computeIfAbsent(b.key(), k -> new ArrayList<>())
            .add(
                point(
                    r,
                    b.funnel(),
                    b.timeToDetect(),
                    b.selfHealing(),
                    b.timeToRestore(),
                    b.monitored(),
                    alerted,
                    score));
      }
    }
    List<ServiceTrend> trends = new ArrayList<>();
    services.forEach(
        (service, points) ->
            trends.add(new ServiceTrend(service, points, combined(service, points))));
    return new TrendReport(generatedAt, overall, trends, combined(ALL_SERVICES, overall));
  }

  // --- one incident -----------------------------------------------------------------------------

  private static IncidentOutcome outcome(
      IncidentRecord i, List<String> teams, List<Play> plays, Map<String, Integer> points) {
    Set<String> declared = new HashSet<>(teams);
    Map<String, TeamTimes> byTeam = new LinkedHashMap<>();
    teams.forEach(t -> byTeam.put(t, new TeamTimes(t)));
    for (Play p : plays) {
      if (declared.contains(p.team())) {
        byTeam.get(p.team()).read(i, p);
      }
    }
    List<TeamIncident> rows =
        byTeam.values().stream().map(t -> t.row(i.id(), points.getOrDefault(t.team, 0))).toList();
    Optional<Timing> firstClaim = first(rows, TeamIncident::claim);
    Optional<Timing> monitoring = i.monitoring();
    Optional<Duration> lead =
        monitoring.isPresent() && firstClaim.isPresent()
            ? Optional.of(Duration.between(monitoring.get().at(), firstClaim.get().at()))
            : Optional.empty();
    return new IncidentOutcome(
        i.id(),
        i.gameDayId(),
        i.scenarioId(),
        i.title(),
        i.service(),
        i.weight(),
        i.mode(),
        i.injectedAt(),
        i.faultEndedAt(),
        i.verdict(),
        i.running(),
        Timing.earliest(monitoring, firstClaim),
        monitoring,
        i.signal(),
        i.alert(),
        firstClaim,
        first(rows, TeamIncident::diagnosis),
        i.recovery(),
        i.recovered(),
        i.recoveryTime(),
        lead,
        rows,
        i.steadyState());
  }

  /** The first accepted play of each kind of one team in one incident, read in time order. */
  private static final class TeamTimes {
    final String team;
    Optional<Timing> alert = Optional.empty();
    Optional<Timing> claim = Optional.empty();
    Optional<Timing> diagnosis = Optional.empty();
    Optional<Timing> fix = Optional.empty();
    int hints;
    int wrongDiagnoses;

    TeamTimes(String team) {
      this.team = team;
    }

    void read(IncidentRecord i, Play p) {
      if (p.outcome() == Outcome.REJECTED && p.type() == PlayType.DIAGNOSIS) {
        wrongDiagnoses++;
      }
      if (p.outcome() != Outcome.ACCEPTED) {
        return;
      }
      Observer by = p.type() == PlayType.ALERT ? Observer.ALERT : Observer.TEAM;
      Optional<Timing> t =
          Optional.of(Timing.since(i.injectedAt(), p.at(), by, team, Duration.ZERO));
      switch (p.type()) {
        case ALERT -> alert = alert.or(() -> t);
        case DETECTION_CLAIM -> claim = claim.or(() -> t);
        case DIAGNOSIS -> diagnosis = diagnosis.or(() -> t);
        case FIX -> fix = fix.or(() -> t);
        case HINT -> hints++;
      }
    }

    TeamIncident row(String incidentId, int points) {
      return new TeamIncident(
          team, incidentId, alert, claim, diagnosis, fix, hints, wrongDiagnoses, points);
    }
  }

  private static Optional<Timing> first(
      List<TeamIncident> rows, Function<TeamIncident, Optional<Timing>> stage) {
    return rows.stream().map(stage).flatMap(Optional::stream).min(Comparator.comparing(Timing::at));
  }

  // --- figures over incidents -----------------------------------------------------------------

  static Funnel funnel(List<IncidentOutcome> outcomes) {
    return new Funnel(
        outcomes.size(),
        present(outcomes, IncidentOutcome::detection).size(),
        present(outcomes, IncidentOutcome::diagnosis).size(),
        (int) outcomes.stream().filter(IncidentOutcome::recovered).count());
  }

  static Coverage coverage(List<IncidentOutcome> outcomes) {
    List<String> unmonitored = new ArrayList<>();
    List<String> unalerted = new ArrayList<>();
    List<Duration> leads = new ArrayList<>();
    int monitoringFirst = 0;
    int teamsFirst = 0;
    for (IncidentOutcome o : outcomes) {
      if (o.monitoring().isEmpty()) {
        unmonitored.add(o.id());
      }
      if (o.alert().isEmpty()) {
        unalerted.add(o.id());
      }
      if (o.alertingLead().isPresent()) {
        Duration lead = o.alertingLead().get();
        leads.add(lead);
        monitoringFirst += lead.isNegative() || lead.isZero() ? 0 : 1;
        teamsFirst += lead.isNegative() ? 1 : 0;
      }
    }
    Duration resolution =
        outcomes.stream()
            .filter(o -> o.alertingLead().isPresent())
            .map(o -> o.monitoring().get().resolution())
            .max(Comparator.naturalOrder())
            .orElse(Duration.ZERO);
    return new Coverage(
        outcomes.size(),
        outcomes.size() - unmonitored.size(),
        outcomes.size() - unalerted.size(),
        (int) outcomes.stream().filter(o -> o.signal().isPresent()).count(),
        unmonitored,
        unalerted,
        monitoringFirst,
        teamsFirst,
        Stats.ofDurations(leads, resolution));
  }

  private static List<Breakdown> breakdown(
      List<IncidentOutcome> outcomes, Function<IncidentOutcome, String> key) {
    Map<String, List<IncidentOutcome>> groups = new TreeMap<>();
    outcomes.forEach(o -> groups.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
    List<Breakdown> result = new ArrayList<>();
    groups.forEach(
        (k, group) ->
            result.add(
                new Breakdown(
                    k,
                    group.stream().map(IncidentOutcome::id).toList(),
                    funnel(group),
                    Stats.of(present(group, IncidentOutcome::detection)),
                    Stats.of(present(group, IncidentOutcome::diagnosis)),
                    recoveries(group, RecoveryTime.Kind.SELF_HEALING),
                    recoveries(group, RecoveryTime.Kind.TIME_TO_RESTORE),
                    (int) group.stream().filter(o -> o.monitoring().isPresent()).count(),
                    group.stream().map(IncidentOutcome::mode).distinct().sorted().toList())));
    return result;
  }

  private static List<ResilienceScore> scores(List<IncidentOutcome> outcomes) {
    Map<String, List<ScoreTerm>> terms = new TreeMap<>();
    outcomes.forEach(o -> terms.computeIfAbsent(o.service(), k -> new ArrayList<>()).add(term(o)));
    List<ResilienceScore> scores = new ArrayList<>();
    terms.forEach((service, t) -> scores.add(ResilienceScore.of(service, t)));
    return scores;
  }

  static ScoreTerm term(IncidentOutcome o) {
    return new ScoreTerm(
        o.id(),
        o.gameDayId(),
        o.scenarioId(),
        o.weight(),
        o.detection().isPresent(),
        o.monitoring().isPresent(),
        o.recovered());
  }

  private static List<Timing> present(
      List<IncidentOutcome> outcomes, Function<IncidentOutcome, Optional<Timing>> what) {
    return outcomes.stream().map(what).flatMap(Optional::stream).toList();
  }

  /**
   * The recovery times of one kind: time-boxed and until-fixed incidents never share a percentile,
   * for a system healing itself after a fault and a team restoring a service are different speeds.
   */
  private static Stats recoveries(List<IncidentOutcome> outcomes, RecoveryTime.Kind kind) {
    return Stats.ofRecoveries(
        outcomes.stream()
            .map(IncidentOutcome::recoveryTime)
            .flatMap(Optional::stream)
            .filter(t -> t.kind() == kind)
            .toList());
  }

  private static Map<String, Map<String, Integer>> pointsByIncidentAndTeam(Leaderboard board) {
    Map<String, Map<String, Integer>> points = new HashMap<>();
    for (Standing s : board.standings()) {
      for (ScoreLine line : s.lines()) {
        if (line.incidentId() != null) {
          points
              .computeIfAbsent(line.incidentId(), k -> new HashMap<>())
              .merge(s.team(), line.points(), Integer::sum);
        }
      }
    }
    return points;
  }

  private static TeamResult result(Standing s) {
    return new TeamResult(
        s.rank(), s.team(), s.points(), s.detected(), s.diagnosed(), s.recovered());
  }

  // --- trends ---------------------------------------------------------------------------------

  private static Instant startOf(GameDayReport r) {
    return r.gameDay()
        .startedAt()
        .or(() -> r.incidents().stream().map(IncidentOutcome::injectedAt).findFirst())
        .orElse(r.gameDay().generatedAt());
  }

  private static TrendPoint point(
      GameDayReport r,
      Funnel funnel,
      Stats detect,
      Stats selfHealing,
      Stats timeToRestore,
      int monitored,
      int alerted,
      ResilienceScore score) {
    return new TrendPoint(
        r.gameDay().id(),
        r.gameDay().name(),
        startOf(r),
        r.gameDay().running(),
        funnel,
        detect,
        selfHealing,
        timeToRestore,
        Figures.percent(monitored, funnel.injected()),
        Figures.percent(alerted, funnel.injected()),
        score);
  }

  private static ResilienceScore combined(String key, List<TrendPoint> points) {
    List<ScoreTerm> terms = new ArrayList<>();
    points.forEach(p -> terms.addAll(p.score().terms()));
    return ResilienceScore.of(key, terms);
  }
}
