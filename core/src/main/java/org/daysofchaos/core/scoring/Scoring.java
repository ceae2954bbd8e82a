package org.daysofchaos.core.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Days of Chaos scoring rules as pure functions: the same facts always give the same board, and
 * every point on it comes with a line a player can read. The rules, in the order a play meets them
 * (docs/scoring.md has them with a worked example):
 *
 * <ol>
 *   <li><b>Stages.</b> A team scores DETECT, DIAGNOSE and RECOVER of an incident once each, on its
 *       first accepted detection claim, diagnosis and fix. The stage base is the rule's points per
 *       weight times the scenario's weight; the points decay with the time since t_inj ({@link
 *       #decayed}).
 *   <li><b>Own alerting.</b> An accepted ALERT of the team, recorded before its accepted detection
 *       claim, adds a share of the detection base at the claim; one after the claim adds nothing.
 *   <li><b>First teams.</b> The first teams to reach a stage of an incident (by time, then
 *       sequence) get a share of its base: by default the first three to diagnose or recover.
 *   <li><b>Hints</b> cost a share (by the hint's index in the incident) of the base of the first
 *       stage the team has not reached; <b>wrong diagnoses</b> a share of the diagnosis base, until
 *       the diagnosis is scored.
 *   <li><b>Incident total.</b> A cost is charged at once as far as the team's points in that
 *       incident allow; the rest is held back and charged when its stage is scored. So playing an
 *       incident never leaves a team below zero, and no hint is free.
 *   <li><b>Floor.</b> A reached stage is worth at least floor · base: its decayed points plus its
 *       bonuses, less its costs, are topped up to that.
 *   <li><b>False claims.</b> A rejected detection claim costs a fixed number of points, except the
 *       first of the day. It is the only rule that can take a team below zero.
 *   <li><b>Pending</b> plays score nothing until judged, and show as a "pending review" line.
 *   <li><b>Ties.</b> Equal points go to the team whose last score-changing line came first (time,
 *       then sequence); teams without any rank after, in declared order. Ranks are 1..n, never
 *       shared: the tie-break always decides.
 *   <li><b>Freeze.</b> Plays at or after the freeze instant are ignored.
 * </ol>
 *
 * <p>Plays of teams not in the list and plays about incidents not in the list are ignored, so that
 * a report over some incidents only passes just those.
 */
public final class Scoring {
  /**
   * Added before each floor to the real product: a share computed in binary floating point such as
   * 0.2 · 720 must give 144, not 143.99999999999997 → 143. Far below one point, it changes no
   * genuine fraction.
   */
  static final double ROUNDING_TOLERANCE = 1e-9;

  private Scoring() {}

  /**
   * The board from facts.
   *
   * @param teams in their declared order, which breaks ties between teams with no scoring line
   * @param freezeAt plays at or after it are ignored (the public board during the last minutes)
   * @throws IllegalArgumentException if a team or an incident is listed twice
   */
  public static Leaderboard leaderboard(
      ScoringRules rules,
      List<String> teams,
      List<IncidentFacts> incidents,
      List<Play> plays,
      Optional<Instant> freezeAt) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(freezeAt, "freezeAt");
    Game game = new Game(rules, teams, incidents);
    plays.stream()
        .filter(p -> freezeAt.isEmpty() || p.at().isBefore(freezeAt.get()))
        .sorted(Comparator.comparing(Play::at).thenComparingLong(Play::sequence))
        .forEachOrdered(game::play);
    return new Leaderboard(rank(game), freezeAt);
  }

  /**
   * Points of one stage reached after {@code elapsed}: floor(base · max(floor,
   * 0.5^(elapsed/halfLife))).
   */
  public static int decayed(int base, Duration elapsed, Duration halfLife, double floor) {
    double factor = Math.max(floor, decay(elapsed, halfLife));
    return (int) Math.floor(base * factor + ROUNDING_TOLERANCE);
  }

  /** 0.5^(elapsed/halfLife), with a negative elapsed counted as none. */
  static double decay(Duration elapsed, Duration halfLife) {
    if (elapsed.isNegative()) {
      return 1;
    }
    return Math.pow(0.5, seconds(elapsed) / seconds(halfLife));
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private static List<Standing> rank(Game game) {
    List<TeamCard.Card> order = ranked(game);
    List<Standing> standings = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      standings.add(order.get(i).standing(i + 1, true));
    }
    return standings;
  }

  /** The teams as they stand now, first to last. */
  static List<TeamCard.Card> ranked(Game game) {
    List<TeamCard.Card> order = new ArrayList<>();
    game.teams().forEach(t -> order.add(t.card()));
    order.sort(RANKING);
    return order;
  }

  /** More points first; then whoever got there first; teams that never scored in declared order. */
  private static final Comparator<TeamCard.Card> RANKING =
      Comparator.comparingInt(TeamCard.Card::points)
          .reversed()
          .thenComparing(
              (TeamCard.Card t) -> t.lastChange(),
              (a, b) -> {
                if (a.isEmpty() || b.isEmpty()) {
                  return Boolean.compare(a.isEmpty(), b.isEmpty());
                }
                return Comparator.comparing((TeamCard.Line l) -> l.line().at())
                    .thenComparingLong(TeamCard.Line::sequence)
                    .compare(a.get(), b.get());
              })
          .thenComparingInt(TeamCard.Card::declaredOrder);
}
