package org.daysofchaos.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The live board, fed one play at a time, against the full computation over the same plays:
 * property-style, over many random game days with every kind of play and outcome, ties in time,
 * late incidents and freezes.
 */
class LiveScoringTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final List<String> TEAMS = List.of("blue", "red", "green", "amber");

  @Test
  void givesTheSameBoardAsTheFullComputationAfterEveryPlay() {
    for (long seed = 1; seed <= 120; seed++) {
      Random random = new Random(seed);
      List<IncidentFacts> incidents = incidents(random);
      List<Play> plays = plays(random, incidents);
      Optional<Instant> freeze =
          random.nextInt(4) == 0
              ? Optional.of(T0.plus(Duration.ofSeconds(random.nextInt(3600))))
              : Optional.empty();
      LiveScoring live = new LiveScoring(ScoringRules.defaults(), TEAMS);
      List<IncidentFacts> known = new ArrayList<>();
      List<Play> sofar = new ArrayList<>();
      for (Play play : plays) {
        // An incident joins the board when it fires, before any play about it.
        for (IncidentFacts i : incidents) {
          if (!known.contains(i) && !i.injectedAt().isAfter(play.at())) {
            known.add(i);
            live.addIncident(i);
          }
        }
        if (freeze.isEmpty() || play.at().isBefore(freeze.get())) {
          live.play(play);
        }
        sofar.add(play);
        if (random.nextInt(5) == 0 || sofar.size() == plays.size()) {
          Leaderboard full =
              Scoring.leaderboard(ScoringRules.defaults(), TEAMS, known, sofar, freeze);
          LiveScoring.Snapshot snapshot = live.snapshot(freeze);
          assertThat(snapshot.leaderboard()).as("seed %d", seed).isEqualTo(full);
          assertThat(snapshot.recent(12)).as("seed %d", seed).isEqualTo(recent(full, 12));
          assertThat(snapshot.ranks())
              .extracting(Standing::team, Standing::points, Standing::rank, Standing::detected)
              .as("seed %d", seed)
              .isEqualTo(
                  full.standings().stream()
                      .map(
                          s ->
                              org.assertj.core.groups.Tuple.tuple(
                                  s.team(), s.points(), s.rank(), s.detected()))
                      .toList());
          String team = TEAMS.get(random.nextInt(TEAMS.size()));
          assertThat(snapshot.standing(team))
              .isEqualTo(full.standings().stream().filter(s -> s.team().equals(team)).findFirst());
        }
      }
    }
  }

  @Test
  void aSnapshotDoesNotChangeWhenLaterPlaysArrive() {
    IncidentFacts i1 = new IncidentFacts("i1", "demo/x", 5, T0);
    LiveScoring live = new LiveScoring(ScoringRules.defaults(), TEAMS);
    live.addIncident(i1);
    live.play(play(1, "blue", "i1", PlayType.DETECTION_CLAIM, Outcome.ACCEPTED, 60));
    LiveScoring.Snapshot before = live.snapshot(Optional.empty());
    Leaderboard board = before.leaderboard();
    for (int n = 2; n < 100; n++) {
      live.play(play(n, "red", "i1", PlayType.HINT, Outcome.ACCEPTED, 60 + n));
    }
    assertThat(before.leaderboard()).isEqualTo(board);
    assertThat(before.recent(12)).hasSize(1);
  }

  @Test
  void refusesAPlayThatComesBeforeOneAlreadyScored() {
    LiveScoring live = new LiveScoring(ScoringRules.defaults(), TEAMS);
    live.addIncident(new IncidentFacts("i1", "demo/x", 5, T0));
    live.play(play(2, "blue", "i1", PlayType.DETECTION_CLAIM, Outcome.ACCEPTED, 60));
    Play earlier = play(1, "red", "i1", PlayType.DETECTION_CLAIM, Outcome.ACCEPTED, 30);

    assertThat(live.follows(earlier)).isFalse();
    assertThatThrownBy(() -> live.play(earlier)).hasMessageContaining("comes before");
  }

  /** What the server's board showed as recent events, computed from the full board. */
  static List<ScoreLine> recent(Leaderboard board, int limit) {
    return board.standings().stream()
        .flatMap(s -> s.lines().stream())
        .filter(l -> l.points() != 0)
        .sorted(Comparator.comparing(ScoreLine::at).reversed())
        .limit(limit)
        .toList();
  }

  private static List<IncidentFacts> incidents(Random random) {
    List<IncidentFacts> incidents = new ArrayList<>();
    int n = 1 + random.nextInt(5);
    for (int i = 0; i < n; i++) {
      incidents.add(
          new IncidentFacts(
              "i" + i,
              "demo/s" + i,
              1 + random.nextInt(10),
              T0.plus(Duration.ofSeconds(random.nextInt(1800)))));
    }
    return incidents;
  }

  /** Plays in (at, sequence) order; few distinct instants, so that ties in time are common. */
  private static List<Play> plays(Random random, List<IncidentFacts> incidents) {
    List<Play> plays = new ArrayList<>();
    int n = random.nextInt(120);
    for (int s = 1; s <= n; s++) {
      IncidentFacts incident = incidents.get(random.nextInt(incidents.size()));
      long at = incident.injectedAt().getEpochSecond() - T0.getEpochSecond();
      at += random.nextInt(4) == 0 ? 0 : random.nextInt(40) * 30L;
      PlayType type = PlayType.values()[random.nextInt(PlayType.values().length)];
      Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
      boolean falseClaim = type == PlayType.DETECTION_CLAIM && random.nextInt(6) == 0;
      plays.add(
          play(
              random.nextInt(3) == 0 ? 0 : s, // alerts carry sequence 0
              TEAMS.get(random.nextInt(TEAMS.size())),
              falseClaim ? null : incident.incidentId(),
              type,
              falseClaim ? Outcome.REJECTED : outcome,
              at));
    }
    plays.sort(LiveScoring.ORDER);
    return plays;
  }

  private static Play play(
      long sequence, String team, String incident, PlayType type, Outcome outcome, long second) {
    int hint = type == PlayType.HINT ? (int) (sequence % 3) : -1;
    return new Play(
        sequence, team, incident, type, T0.plusSeconds(second), outcome, hint, "d" + sequence);
  }
}
