package org.daysofchaos.core.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of {@link Scoring}, applied play by play as a game day goes: the same board as {@link
 * Scoring#leaderboard} over the same facts, at a cost per play that does not grow with the plays
 * before it. A play costs its own lines; a {@link Snapshot} costs one line per team (ranks) and the
 * dozen newest lines (recent events); a team's full standing costs its own lines, on demand.
 *
 * <p>Plays must come in (at, sequence) order, as the full computation sorts them; {@link #follows}
 * tells whether one does, so that the caller can start again from scratch when one does not (a
 * reviewed play, an alert that arrived late). Not thread-safe: one writer at a time; a snapshot,
 * once taken, may be read from any thread.
 */
public final class LiveScoring {
  private final Game game;
  private Play last;
  private long applied;

  public LiveScoring(ScoringRules rules, List<String> teams) {
    this.game = new Game(Objects.requireNonNull(rules, "rules"), teams, List.of());
  }

  /**
   * One more incident; plays about it score from now on.
   *
   * @throws IllegalArgumentException if it was added before
   */
  public void addIncident(IncidentFacts incident) {
    game.addIncident(incident);
  }

  /** True if {@code play} sorts at or after every play applied so far. */
  public boolean follows(Play play) {
    return last == null || ORDER.compare(last, play) <= 0;
  }

  /**
   * Applies one play.
   *
   * @throws IllegalArgumentException if it sorts before a play applied already ({@link #follows})
   */
  public void play(Play play) {
    if (!follows(play)) {
      throw new IllegalArgumentException(
          "play " + play.sequence() + " at " + play.at() + " comes before one already scored");
    }
    game.play(play);
    last = play;
    applied++;
  }

  /** How many plays were applied: a measure of the work done, for tests and benchmarks. */
  public long applied() {
    return applied;
  }

  /** The board now; later plays do not change it. */
  public Snapshot snapshot(Optional<Instant> frozenAt) {
    return new Snapshot(Scoring.ranked(game), game.scored().prefix(), frozenAt);
  }

  /** The order of the full computation: by time, then by the server's sequence. */
  public static final Comparator<Play> ORDER =
      Comparator.comparing(Play::at).thenComparingLong(Play::sequence);

  /** The board at one moment of the game. */
  public static final class Snapshot {
    private final List<TeamCard.Card> ranked;
    private final List<TeamCard.Line> scored;
    private final Optional<Instant> frozenAt;
    private final Map<String, Integer> ranks = new HashMap<>();

    Snapshot(List<TeamCard.Card> ranked, List<TeamCard.Line> scored, Optional<Instant> frozenAt) {
      this.ranked = ranked;
      this.scored = scored;
      this.frozenAt = frozenAt;
      for (int i = 0; i < ranked.size(); i++) {
        ranks.put(ranked.get(i).name(), i + 1);
      }
    }

    /** The standings first to last, without their lines (the board's rows). */
    public List<Standing> ranks() {
      List<Standing> rows = new ArrayList<>();
      for (int i = 0; i < ranked.size(); i++) {
        rows.add(ranked.get(i).standing(i + 1, false));
      }
      return rows;
    }

    /** One team's standing with every line; empty for a team not on the board. */
    public Optional<Standing> standing(String team) {
      Integer rank = ranks.get(team);
      return rank == null
          ? Optional.empty()
          : Optional.of(ranked.get(rank - 1).standing(rank, true));
    }

    /** The whole board with every line, as {@link Scoring#leaderboard} gives it. */
    public Leaderboard leaderboard() {
      List<Standing> standings = new ArrayList<>();
      for (int i = 0; i < ranked.size(); i++) {
        standings.add(ranked.get(i).standing(i + 1, true));
      }
      return new Leaderboard(standings, frozenAt);
    }

    /**
     * The newest lines that changed a score, newest first, as sorting every team's lines by time
     * (teams in rank order, then each team's own order) gives them; only the newest few are read.
     */
    public List<ScoreLine> recent(int limit) {
      List<Integer> tail = newest(limit);
      tail.sort(
          Comparator.comparing((Integer i) -> scored.get(i).line().at())
              .reversed()
              .thenComparing(i -> ranks.get(scored.get(i).line().team()))
              .thenComparing(i -> i));
      return tail.stream().limit(limit).map(i -> scored.get(i).line()).toList();
    }

    /** Indexes of the last lines, back to the time of the limit-th newest, ties included. */
    private List<Integer> newest(int limit) {
      List<Integer> tail = new ArrayList<>();
      Instant boundary = null;
      for (int i = scored.size() - 1; i >= 0; i--) {
        Instant at = scored.get(i).line().at();
        if (boundary != null && at.isBefore(boundary)) {
          break;
        }
        tail.add(i);
        if (tail.size() == limit) {
          boundary = at;
        }
      }
      return tail;
    }

    public Optional<Instant> frozenAt() {
      return frozenAt;
    }
  }
}
