package org.daysofchaos.scoreboard.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.daysofchaos.core.scoring.IncidentFacts;
import org.daysofchaos.core.scoring.Judging;
import org.daysofchaos.core.scoring.Leaderboard;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.Scoring;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.junit.jupiter.api.Test;

/**
 * The live board against the computation the server made before it (every play read and scored
 * again at each refresh): the same board after every refresh of many random game days, with
 * reviews, alerts, incidents that fire, recover and close, plays recorded out of time order and
 * freezes; and a play that costs the same work after two thousand plays as after ten.
 */
class LiveBoardTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final List<String> TEAMS = List.of("blue", "red", "green");
  private static final ScoringRules RULES = ScoringRules.defaults();

  /** A game day's stored facts as a test changes them. */
  private static final class Day {
    final Map<String, LiveBoard.Fired> fired = new LinkedHashMap<>();
    final List<PlayRecord> plays = new ArrayList<>();
    final List<Play> alerts = new ArrayList<>();
    long reviewed;

    LiveBoard.Result refresh(LiveBoard board) {
      long lastId = plays.isEmpty() ? 0 : plays.get(plays.size() - 1).id();
      // Here ids are the order of commits too.
      return board.refresh(
          List.copyOf(fired.values()),
          new LiveBoard.Counts(lastId, reviewed, alerts.size()),
          after ->
              new PlayStore.Committed(
                  plays.stream().filter(p -> p.id() > after).toList(), Math.max(after, lastId)),
          () -> List.copyOf(alerts));
    }

    /** What the server computed before the live board: everything, from scratch. */
    Leaderboard fromScratch(Optional<Instant> freeze) {
      List<Play> all = new ArrayList<>();
      for (PlayRecord p : plays) {
        LiveBoard.Fired f = fired.get(p.incidentId());
        all.add(p.judged(f == null ? null : f.outcome()).toPlay());
      }
      all.addAll(alerts);
      List<IncidentFacts> facts = fired.values().stream().map(LiveBoard.Fired::facts).toList();
      return Scoring.leaderboard(RULES, TEAMS, facts, all, freeze);
    }
  }

  @Test
  void givesTheBoardOfTheFullComputationAfterEveryRefresh() {
    for (long seed = 1; seed <= 50; seed++) {
      Random random = new Random(seed);
      Optional<Instant> freeze =
          random.nextInt(3) == 0
              ? Optional.of(T0.plusSeconds(random.nextInt(2400)))
              : Optional.empty();
      LiveBoard board = new LiveBoard(RULES, TEAMS, freeze);
      Day day = new Day();
      long clock = 0;
      for (int step = 0; step < 150; step++) {
        clock += random.nextInt(3) == 0 ? 0 : random.nextInt(30);
        change(day, random, clock);
        if (random.nextInt(3) == 0 || step == 149) {
          LiveBoard.Result result = day.refresh(board);
          Leaderboard expected = day.fromScratch(freeze);
          assertThat(result.scores().leaderboard())
              .as("seed %d step %d", seed, step)
              .isEqualTo(expected);
          assertThat(result.plays()).hasSize(day.plays.size());
        }
      }
    }
  }

  @Test
  void aPlayCostsTheSameWorkAfterTwoThousandPlaysAsAfterTen() {
    LiveBoard board = new LiveBoard(RULES, TEAMS, Optional.empty());
    Day day = new Day();
    day.fired.put("i1", fired("i1", 0, true, null, null));
    List<Long> work = new ArrayList<>();
    for (int n = 1; n <= 2000; n++) {
      day.plays.add(record(n, TEAMS.get(n % 3), "i1", PlayType.HINT, Outcome.ACCEPTED, n, 0));
      long before = board.rowsRead() + board.applied();
      LiveBoard.Result result = day.refresh(board);
      work.add(board.rowsRead() + board.applied() - before);
      assertThat(result.scores().recent(12)).hasSizeLessThanOrEqualTo(12);
    }
    // The first refresh builds the board; every later play reads one row and scores one play.
    assertThat(work.subList(1, work.size())).containsOnly(2L);
    assertThat(board.rebuilds()).isEqualTo(1);
    assertThat(day.refresh(board).scores().leaderboard())
        .isEqualTo(day.fromScratch(Optional.empty()));
  }

  @Test
  void startsAgainOnceWhenAnIncidentRecoversAndAPendingFixIsJudged() {
    LiveBoard board = new LiveBoard(RULES, TEAMS, Optional.empty());
    Day day = new Day();
    day.fired.put("i1", fired("i1", 0, true, null, null));
    day.plays.add(record(1, "blue", "i1", PlayType.DETECTION_CLAIM, Outcome.ACCEPTED, 30, 0));
    day.plays.add(record(2, "blue", "i1", PlayType.FIX, Outcome.PENDING, 60, 0));
    day.refresh(board);
    day.fired.put("i1", fired("i1", 0, false, T0.plusSeconds(90), T0.plusSeconds(95)));

    LiveBoard.Result result = day.refresh(board);

    assertThat(board.rebuilds()).isEqualTo(2);
    assertThat(result.scores().standing("blue").orElseThrow().recovered()).isEqualTo(1);
    assertThat(result.scores().leaderboard()).isEqualTo(day.fromScratch(Optional.empty()));
  }

  /** One random change of the stored facts, as a game day makes them. */
  private static void change(Day day, Random random, long clock) {
    int what = random.nextInt(20);
    if (day.fired.isEmpty() || what == 0) {
      String id = "i" + day.fired.size();
      day.fired.put(id, fired(id, clock, true, null, null));
    } else if (what == 1) {
      String id = pick(random, List.copyOf(day.fired.keySet()));
      LiveBoard.Fired f = day.fired.get(id);
      Instant recovered = random.nextBoolean() ? T0.plusSeconds(clock) : null;
      day.fired.put(
          id,
          new LiveBoard.Fired(
              f.facts(), new Judging.IncidentOutcome(false, recovered, T0.plusSeconds(clock))));
    } else if (what == 2 && !day.alerts.isEmpty() || what == 3) {
      String id = pick(random, List.copyOf(day.fired.keySet()));
      long at = Math.max(0, clock - random.nextInt(60)); // alerts may arrive late
      day.alerts.add(Judging.firstAlert(pick(random, TEAMS), id, T0.plusSeconds(at), "A"));
    } else if (what == 4 && !day.plays.isEmpty()) {
      review(day, random);
    } else {
      long at = random.nextInt(10) == 0 ? Math.max(0, clock - 20) : clock; // sometimes late
      PlayType type = PlayType.values()[random.nextInt(4)];
      Outcome outcome = Outcome.values()[random.nextInt(3)];
      String incident =
          random.nextInt(8) == 0 ? null : pick(random, List.copyOf(day.fired.keySet()));
      if (incident == null) {
        type = PlayType.DETECTION_CLAIM;
        outcome = Outcome.REJECTED;
      }
      day.plays.add(
          record(
              day.plays.size() + 1,
              pick(random, TEAMS),
              incident,
              type,
              outcome,
              at,
              random.nextInt(3)));
    }
  }

  private static void review(Day day, Random random) {
    int index = random.nextInt(day.plays.size());
    PlayRecord p = day.plays.get(index);
    if (p.type() == PlayType.DIAGNOSIS && p.outcome() == Outcome.PENDING) {
      day.plays.set(
          index,
          new PlayRecord(
              p.id(),
              p.gameDayId(),
              p.incidentId(),
              p.team(),
              p.username(),
              p.type(),
              p.at(),
              random.nextBoolean() ? Outcome.ACCEPTED : Outcome.REJECTED,
              p.hintIndex(),
              p.detail(),
              "gm",
              p.at()));
      day.reviewed++;
    }
  }

  private static LiveBoard.Fired fired(
      String id, long second, boolean running, Instant recoveredAt, Instant faultEndedAt) {
    return new LiveBoard.Fired(
        new IncidentFacts(id, "demo/" + id, 1 + (int) (id.hashCode() & 7), T0.plusSeconds(second)),
        new Judging.IncidentOutcome(running, recoveredAt, faultEndedAt));
  }

  private static PlayRecord record(
      long id,
      String team,
      String incident,
      PlayType type,
      Outcome outcome,
      long second,
      int hint) {
    return new PlayRecord(
        id,
        "day",
        incident,
        team,
        team + "-player",
        type,
        T0.plus(Duration.ofSeconds(second)),
        outcome,
        type == PlayType.HINT ? hint : -1,
        "d" + id,
        null,
        null);
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
