package org.daysofchaos.scoreboard.rehearse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.daysofchaos.core.Hint;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.gameday.GameDayPlan;
import org.daysofchaos.core.scoring.IncidentFacts;
import org.daysofchaos.core.scoring.Judging;
import org.daysofchaos.core.scoring.Leaderboard;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.Scoring;
import org.daysofchaos.core.scoring.ScoringRules;

/**
 * One simulated run of a game day. Its one-off incidents fire when {@link GameDayPlan} draws them,
 * as the server would; each lasts as the server would run it: a time-boxed one for its duration, an
 * until-fixed one until the first team's fix has held the steady state for the scenario's {@code
 * holdFor}, or its safety bound. Each bot team plays it as the server lets teams play: a detection
 * claim while it runs, then a diagnosis (sometimes a wrong one first), hints when stuck, and a fix
 * for until-fixed incidents, each after a delay its {@link Skill} draws. The plays are judged and
 * scored by core, as the server does. Cron slots are not rehearsed.
 */
public final class Rehearsal {
  /** Where a simulated game day starts; only durations matter. */
  public static final Instant START = Instant.parse("2030-01-07T09:00:00Z");

  /** A bot team. */
  public record Bot(String team, Skill skill) {}

  /**
   * One incident of a run.
   *
   * @param endsAt when the server would stop accepting plays on it
   * @param recoveredAt when a team's fix brought the steady state back, or null
   * @param detectedBy the teams whose detection claim came in time
   */
  public record Fired(
      String id,
      int slot,
      Scenario scenario,
      Instant injectedAt,
      Instant endsAt,
      Instant recoveredAt,
      List<String> detectedBy) {}

  /** Two incidents on one target at once. */
  public record Overlap(String first, String second, String target) {}

  /** A run: its incidents, its board and its overlaps. */
  public record Run(List<Fired> incidents, Leaderboard board, List<Overlap> overlaps) {}

  private Rehearsal() {}

  /** Plays {@code day} once; {@code scenarios} by id must hold every scenario it names. */
  public static Run play(
      GameDay day, Map<String, Scenario> scenarios, List<Bot> bots, long seed, ScoringRules rules) {
    RandomGenerator random = new SplittableRandom(seed);
    GameDayPlan plan = GameDayPlan.of(day, START, random);
    List<Fired> fired = new ArrayList<>();
    List<Play> plays = new ArrayList<>();
    List<IncidentFacts> facts = new ArrayList<>();
    for (GameDayPlan.Planned planned : plan.incidents()) {
      Scenario s = scenarios.get(planned.slot().scenarioId());
      String id = "incident-" + (fired.size() + 1);
      fired.add(incident(id, planned, s, bots, random, plays));
      facts.add(new IncidentFacts(id, s.id(), s.weight(), planned.at()));
    }
    List<Play> ordered = sequenced(plays);
    List<String> teams = bots.stream().map(Bot::team).toList();
    Leaderboard board = Scoring.leaderboard(rules, teams, facts, ordered, Optional.empty());
    return new Run(fired, board, overlaps(fired));
  }

  /** One incident: the bots' times, when it ends, and their plays (added to {@code plays}). */
  private static Fired incident(
      String id,
      GameDayPlan.Planned planned,
      Scenario s,
      List<Bot> bots,
      RandomGenerator random,
      List<Play> plays) {
    Instant injected = planned.at();
    Instant deadline = injected.plus(s.faultDeadline());
    boolean claimable = !s.detection().services().isEmpty() || s.diagnosis().isPresent();
    List<Times> times = new ArrayList<>();
    for (Bot bot : bots) {
      times.add(Times.draw(bot, injected, s.mode() == Mode.UNTIL_FIXED, random));
    }
    Instant ends = deadline;
    Instant recovered = null;
    if (s.mode() == Mode.UNTIL_FIXED && claimable) {
      for (Times t : times) {
        Instant back = t.fix.plus(s.recovery().holdFor());
        if (back.isBefore(ends) || back.equals(ends)) {
          ends = back;
          recovered = back;
        }
      }
    }
    Judging.IncidentOutcome outcome = new Judging.IncidentOutcome(false, recovered, ends);
    List<String> detectedBy = new ArrayList<>();
    if (claimable) {
      for (Times t : times) {
        if (t.playsOn(id, s, ends, outcome, plays)) {
          detectedBy.add(t.bot.team());
        }
      }
    }
    return new Fired(id, planned.slot().index(), s, injected, ends, recovered, detectedBy);
  }

  /** When one bot team would reach each stage of one incident, if nothing stopped it. */
  private record Times(
      Bot bot, Instant detect, Instant wrong, Instant diagnose, Instant fix, Instant injected) {

    static Times draw(Bot bot, Instant injected, boolean untilFixed, RandomGenerator random) {
      Skill k = bot.skill();
      Instant detect = injected.plus(Skill.draw(k.detect, random));
      Duration toDiagnose = Skill.draw(k.diagnose, random);
      Instant diagnose = detect.plus(toDiagnose);
      Instant wrong =
          random.nextDouble() < k.wrongDiagnosis ? detect.plus(toDiagnose.dividedBy(2)) : null;
      Instant fix = untilFixed ? diagnose.plus(Skill.draw(k.fix, random)) : Instant.MAX;
      return new Times(bot, detect, wrong, diagnose, fix, injected);
    }

    /** Adds the plays the server would accept before {@code ends}; true if it detected. */
    boolean playsOn(
        String id, Scenario s, Instant ends, Judging.IncidentOutcome outcome, List<Play> plays) {
      String team = bot.team();
      if (!detect.isBefore(ends)) {
        return false;
      }
      plays.add(play(team, id, PlayType.DETECTION_CLAIM, detect, Outcome.ACCEPTED, -1));
      hint(id, s, ends, plays);
      if (wrong != null && wrong.isBefore(ends)) {
        plays.add(play(team, id, PlayType.DIAGNOSIS, wrong, Outcome.REJECTED, -1));
      }
      if (diagnose.isBefore(ends)) {
        plays.add(play(team, id, PlayType.DIAGNOSIS, diagnose, Outcome.ACCEPTED, -1));
      }
      if (s.mode() == Mode.UNTIL_FIXED && fix.isBefore(ends)) {
        plays.add(Judging.judge(play(team, id, PlayType.FIX, fix, Outcome.PENDING, -1), outcome));
      }
      return true;
    }

    /** A team that buys hints buys the first one once it unlocks, if it is still stuck then. */
    private void hint(String id, Scenario s, Instant ends, List<Play> plays) {
      if (!bot.skill().buysHints || s.hints().isEmpty()) {
        return;
      }
      Hint first = s.hints().get(0);
      Instant unlocks = injected.plus(first.after());
      Instant at = unlocks.isAfter(detect) ? unlocks : detect;
      if (at.isBefore(diagnose) && at.isBefore(ends)) {
        plays.add(play(bot.team(), id, PlayType.HINT, at, Outcome.ACCEPTED, 0));
      }
    }
  }

  private static Play play(
      String team, String incident, PlayType type, Instant at, Outcome outcome, int hint) {
    return new Play(0, team, incident, type, at, outcome, hint, "");
  }

  /** The plays in time order, numbered as the server would record them. */
  private static List<Play> sequenced(List<Play> plays) {
    List<Play> sorted = new ArrayList<>(plays);
    sorted.sort(Comparator.comparing(Play::at));
    List<Play> numbered = new ArrayList<>();
    for (Play p : sorted) {
      numbered.add(
          new Play(
              numbered.size() + 1L,
              p.team(),
              p.incidentId(),
              p.type(),
              p.at(),
              p.outcome(),
              p.hintIndex(),
              p.detail()));
    }
    return numbered;
  }

  /** Pairs of incidents that break one target at the same time. */
  static List<Overlap> overlaps(List<Fired> fired) {
    List<Overlap> overlaps = new ArrayList<>();
    for (int i = 0; i < fired.size(); i++) {
      for (int j = i + 1; j < fired.size(); j++) {
        Fired a = fired.get(i);
        Fired b = fired.get(j);
        boolean together =
            a.injectedAt().isBefore(b.endsAt()) && b.injectedAt().isBefore(a.endsAt());
        if (!together) {
          continue;
        }
        for (Target t : a.scenario().targets().values()) {
          boolean shared =
              b.scenario().targets().values().stream()
                  .anyMatch(u -> u.describe().equals(t.describe()));
          if (shared) {
            overlaps.add(new Overlap(a.scenario().id(), b.scenario().id(), t.describe()));
            break;
          }
        }
      }
    }
    return overlaps;
  }
}
