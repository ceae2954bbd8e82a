package org.daysofchaos.core.scoring;

import static org.daysofchaos.core.scoring.Texts.detail;
import static org.daysofchaos.core.scoring.Texts.elapsed;
import static org.daysofchaos.core.scoring.Texts.ordinal;
import static org.daysofchaos.core.scoring.Texts.percent;
import static org.daysofchaos.core.scoring.Texts.percentOf;
import static org.daysofchaos.core.scoring.Texts.signed;
import static org.daysofchaos.core.scoring.Texts.span;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a game day's plays in the order they happened; each rule of {@link Scoring} is one
 * method here, and each writes the lines that explain it. Used once, by one thread.
 */
final class Game {
  private final ScoringRules rules;
  private final Map<String, IncidentFacts> incidents = new HashMap<>();
  private final Map<String, TeamCard> teams = new LinkedHashMap<>();

  /** Every line that changed a score, in the order of the plays: the board's recent events. */
  private final AppendOnly<TeamCard.Line> scored = new AppendOnly<>();

  /** How many teams reached each stage of each incident so far, for the first-team bonus. */
  private final Map<String, Map<Stage, Integer>> arrivals = new HashMap<>();

  Game(ScoringRules rules, List<String> teams, List<IncidentFacts> incidents) {
    this.rules = rules;
    for (String team : teams) {
      if (this.teams.putIfAbsent(team, new TeamCard(team, this.teams.size(), scored)) != null) {
        throw new IllegalArgumentException("team '" + team + "' is listed twice");
      }
    }
    incidents.forEach(this::addIncident);
  }

  /** One more incident; plays about it score from now on. */
  void addIncident(IncidentFacts incident) {
    if (this.incidents.putIfAbsent(incident.incidentId(), incident) != null) {
      throw new IllegalArgumentException(
          "incident '" + incident.incidentId() + "' is listed twice");
    }
  }

  /** The lines that changed a score so far, in the order of the plays. */
  AppendOnly<TeamCard.Line> scored() {
    return scored;
  }

  Collection<TeamCard> teams() {
    return teams.values();
  }

  /** Applies one play; plays must come in (at, sequence) order. */
  void play(Play p) {
    TeamCard team = teams.get(p.team());
    if (team == null) {
      return; // not a team of this game day: nothing to score or explain
    }
    if (p.type() == PlayType.DETECTION_CLAIM && p.outcome() == Outcome.REJECTED) {
      falseClaim(team, p);
      return;
    }
    if (p.incidentId() == null && p.outcome() == Outcome.PENDING) {
      team.addTeamLine(p, 0, "0 " + noun(p) + " pending review" + detail(p));
      return;
    }
    IncidentFacts incident = p.incidentId() == null ? null : incidents.get(p.incidentId());
    if (incident == null) {
      return; // an incident outside this board, e.g. a report over some scenarios only
    }
    Progress progress = team.progress(incident);
    switch (p.outcome()) {
      case PENDING -> pending(team, progress, p);
      case REJECTED -> rejected(team, progress, p);
      case ACCEPTED -> accepted(team, progress, p);
    }
  }

  private void accepted(TeamCard team, Progress progress, Play p) {
    switch (p.type()) {
      case DETECTION_CLAIM -> reach(team, progress, p, Stage.DETECT);
      case DIAGNOSIS -> reach(team, progress, p, Stage.DIAGNOSE);
      case FIX -> reach(team, progress, p, Stage.RECOVER);
      case HINT -> hint(team, progress, p);
      case ALERT -> alert(team, progress, p);
    }
  }

  private void rejected(TeamCard team, Progress progress, Play p) {
    if (p.type() == PlayType.DIAGNOSIS) {
      wrongDiagnosis(team, progress, p);
    } else {
      Stage stage = p.type().scores().orElse(null);
      team.add(
          p, progress, stage, 0, "0 " + noun(p) + " of " + scenario(progress) + " not accepted");
    }
  }

  // --- Stage scores: decay, floor, own-alerting bonus, first-team bonus ---

  /** The rule of stages: scored once, on the first accepted play, decayed from t_inj. */
  private void reach(TeamCard team, Progress progress, Play p, Stage stage) {
    var already = progress.reachedAt(stage);
    if (already.isPresent()) {
      String when = elapsed(sinceInjection(progress, already.get()));
      team.add(
          p,
          progress,
          stage,
          0,
          "0 " + stage.noun() + " of " + scenario(progress) + " already scored at " + when);
      return;
    }
    int base = base(progress, stage);
    int gains = decayedStage(team, progress, p, stage, base);
    if (stage == Stage.DETECT) {
      gains += alertBonus(team, progress, p, base);
    }
    gains += firstTeamBonus(team, progress, p, stage, base);
    releaseHeldBack(team, progress, p, stage);
    floorTopUp(team, progress, p, stage, base, gains - progress.charged(stage));
    team.reached(stage, progress, p.at());
  }

  private int decayedStage(TeamCard team, Progress progress, Play p, Stage stage, int base) {
    StageRule rule = rules.rule(stage);
    Duration dt = sinceInjection(progress, p.at());
    int points = Scoring.decayed(base, dt, rule.halfLife(), rules.floor());
    boolean floored = Scoring.decay(dt, rule.halfLife()) < rules.floor();
    String text =
        signed(points)
            + " "
            + stage.noun()
            + " of "
            + scenario(progress)
            + " at "
            + elapsed(dt)
            + " (base "
            + base
            + ", half-life "
            + span(rule.halfLife())
            + (floored ? ", floor " + percent(rules.floor()) : "")
            + ")";
    team.add(p, progress, stage, points, text);
    return points;
  }

  /** The team's own alerting fired before its claim: a share of the detection base. */
  private int alertBonus(TeamCard team, Progress progress, Play claim, int base) {
    Play alert = progress.alert;
    if (alert == null) {
      return 0;
    }
    int bonus = share(rules.alertBonusPercent(), base);
    String lead = elapsed(Duration.between(alert.at(), claim.at()));
    team.add(
        claim,
        progress,
        Stage.DETECT,
        bonus,
        signed(bonus)
            + " own alerting detected it "
            + lead
            + " before the claim ("
            + percentOf(rules.alertBonusPercent(), base)
            + ")");
    return bonus;
  }

  /** Keeps the first accepted alert until the claim; an alert after the claim earns nothing. */
  private void alert(TeamCard team, Progress progress, Play p) {
    var claimedAt = progress.reachedAt(Stage.DETECT);
    if (claimedAt.isEmpty()) {
      if (progress.alert == null) {
        progress.alert = p;
      }
      return;
    }
    if (!progress.lateAlertExplained) {
      progress.lateAlertExplained = true;
      String late = elapsed(Duration.between(claimedAt.get(), p.at()));
      team.add(
          p,
          progress,
          Stage.DETECT,
          0,
          "0 own alerting fired " + late + " after the claim: no bonus");
    }
  }

  /** The first teams to reach a stage of an incident earn a share of its base. */
  private int firstTeamBonus(TeamCard team, Progress progress, Play p, Stage stage, int base) {
    int order =
        arrivals
                .computeIfAbsent(progress.incident.incidentId(), id -> new EnumMap<>(Stage.class))
                .merge(stage, 1, Integer::sum)
            - 1;
    List<Integer> percents = rules.rule(stage).firstTeamBonusPercents();
    if (order >= percents.size()) {
      return 0;
    }
    int bonus = share(percents.get(order), base);
    String verb = stage.name().toLowerCase(java.util.Locale.ROOT);
    team.add(
        p,
        progress,
        stage,
        bonus,
        signed(bonus)
            + " "
            + ordinal(order)
            + " to "
            + verb
            + " ("
            + percentOf(percents.get(order), base)
            + ")");
    return bonus;
  }

  // --- Costs: hints, wrong diagnoses, held back, floor ---

  /** A hint costs a share of the base of the stage the team has not reached yet. */
  private void hint(TeamCard team, Progress progress, Play p) {
    String name = "hint " + (Math.max(p.hintIndex(), 0) + 1);
    var stage = progress.nextStage();
    if (stage.isEmpty()) {
      team.add(p, progress, null, 0, "0 " + name + " after every stage was scored: free");
      return;
    }
    int percent = rules.hintCostPercent(p.hintIndex());
    cost(team, progress, p, stage.get(), percent, name + " for " + stage.get().noun());
  }

  /** A rejected diagnosis costs a share of the diagnosis base, until the diagnosis is scored. */
  private void wrongDiagnosis(TeamCard team, Progress progress, Play p) {
    String what = "wrong diagnosis of " + scenario(progress) + detail(p);
    if (progress.reachedAt(Stage.DIAGNOSE).isPresent()) {
      team.add(p, progress, Stage.DIAGNOSE, 0, "0 " + what + " (already diagnosed: no cost)");
      return;
    }
    cost(team, progress, p, Stage.DIAGNOSE, rules.wrongDiagnosisPercent(), what);
  }

  /**
   * Charges a cost of a stage. What the team's points in this incident cannot pay now is held back
   * and charged when the stage is scored, so an incident never leaves a team below zero, and yet a
   * hint is never free.
   */
  private void cost(
      TeamCard team, Progress progress, Play p, Stage stage, int percent, String what) {
    int base = base(progress, stage);
    int cost = share(percent, base);
    int now = Math.min(cost, Math.max(progress.total, 0));
    int later = cost - now;
    progress.charge(stage, now, later);
    String share = percentOf(percent, base);
    String text =
        later == 0
            ? signed(-now) + " " + what + " (" + share + ")"
            : signed(-now)
                + " "
                + what
                + " ("
                + share
                + " = "
                + cost
                + "; "
                + later
                + " held back until "
                + stage.noun()
                + " scores, as this incident's points cannot go below 0)";
    team.add(p, progress, stage, -now, text);
  }

  private void releaseHeldBack(TeamCard team, Progress progress, Play p, Stage stage) {
    int later = progress.releaseHeldBack(stage);
    if (later > 0) {
      String text = signed(-later) + " costs of " + stage.noun() + " held back until it scored";
      team.add(p, progress, stage, -later, text);
    }
  }

  /** A reached stage keeps at least its floor, whatever its costs. */
  private void floorTopUp(
      TeamCard team, Progress progress, Play p, Stage stage, int base, int net) {
    int floor = rules.floorPoints(base);
    if (net >= floor) {
      return;
    }
    int topUp = floor - net;
    String text =
        signed(topUp)
            + " "
            + stage.noun()
            + " kept at its floor ("
            + percent(rules.floor())
            + " of "
            + base
            + " = "
            + floor
            + ")";
    team.add(p, progress, stage, topUp, text);
  }

  // --- Team-level and explanatory lines ---

  /** The first false detection claims of the day are free; each further one costs points. */
  private void falseClaim(TeamCard team, Play p) {
    team.falseClaims++;
    String what = "false detection claim" + detail(p);
    if (team.falseClaims <= rules.freeFalseClaims()) {
      team.addTeamLine(p, 0, "0 " + what + " (" + freeClaims() + " of the day is free)");
      return;
    }
    int cost = rules.falseClaimCost();
    team.addTeamLine(
        p,
        -cost,
        signed(-cost) + " " + what + " (only the " + freeClaims() + " of the day is free)");
  }

  private String freeClaims() {
    int n = rules.freeFalseClaims();
    return n == 1 ? "first" : "first " + n;
  }

  private void pending(TeamCard team, Progress progress, Play p) {
    Stage stage = p.type().scores().orElse(null);
    String text = "0 " + noun(p) + " of " + scenario(progress) + " pending review" + detail(p);
    team.add(p, progress, stage, 0, text);
  }

  // --- Helpers ---

  private int base(Progress progress, Stage stage) {
    return rules.base(stage, progress.incident.weight());
  }

  /** A share of a base in whole points, rounded down: 15 % of 730 is 109. */
  private static int share(int percent, int base) {
    return (int) ((long) percent * base / 100);
  }

  /** Time since t_inj; a play stamped before the injection counts as at t_inj. */
  private static Duration sinceInjection(Progress progress, Instant at) {
    Duration dt = Duration.between(progress.incident.injectedAt(), at);
    return dt.isNegative() ? Duration.ZERO : dt;
  }

  private static String scenario(Progress progress) {
    return progress.incident.scenarioId();
  }

  private static String noun(Play p) {
    return switch (p.type()) {
      case DETECTION_CLAIM -> "detection claim";
      case DIAGNOSIS -> "diagnosis";
      case HINT -> "hint " + (Math.max(p.hintIndex(), 0) + 1);
      case FIX -> "fix";
      case ALERT -> "alert";
    };
  }
}
