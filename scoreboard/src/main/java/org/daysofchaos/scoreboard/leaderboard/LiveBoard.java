package org.daysofchaos.scoreboard.leaderboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.daysofchaos.core.scoring.AppendOnly;
import org.daysofchaos.core.scoring.IncidentFacts;
import org.daysofchaos.core.scoring.Judging;
import org.daysofchaos.core.scoring.LiveScoring;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.PlayStore;

/**
 * One game day's board, kept up to date as its plays arrive: each refresh reads only the plays
 * committed since the last one (by their number in the game day, {@link PlayStore.Committed}, not
 * their id: two nodes may commit a smaller id after a larger one) and scores only those ({@link
 * LiveScoring}), so a play costs the same whether it is the first of the day or the thousandth.
 * Whatever changes the past starts again from scratch, once: a reviewed diagnosis, an alert (its
 * time may come before plays already scored), an incident that ends or recovers (a declared fix is
 * judged then), a play that sorts before one already scored, the plays or the teams being reset.
 * Those happen a few times per incident, not per play. Not thread-safe: {@link Boards} refreshes
 * each board under its own lock.
 */
final class LiveBoard {
  /** A fired incident as the board needs it: its facts and how its declared fixes are judged. */
  record Fired(IncidentFacts facts, Judging.IncidentOutcome outcome) {}

  /**
   * What a refresh sees of the stored facts besides the plays and incidents.
   *
   * @param plays the number of the last play committed ({@link PlayStore.Version#plays})
   */
  record Counts(long plays, long reviewed, long alerts) {
    static Counts of(PlayStore.Version version) {
      return new Counts(version.plays(), version.reviewed(), version.alerts());
    }
  }

  /** The board and the plays as judged for it, as of one refresh; later plays change neither. */
  record Result(
      LiveScoring.Snapshot scores, List<PlayRecord> plays, Map<String, List<PlayRecord>> byTeam) {}

  private final ScoringRules rules;
  private final List<String> teams;
  private final Optional<Instant> freeze;

  private LiveScoring scoring;
  private final Map<String, Fired> known = new HashMap<>();
  private final Set<String> unknownSeen = new HashSet<>();
  private AppendOnly<PlayRecord> plays;
  private final Map<String, AppendOnly<PlayRecord>> byTeam = new LinkedHashMap<>();
  private Counts counts;
  private long readThrough;
  private long rowsRead;
  private long rebuilds;

  LiveBoard(ScoringRules rules, List<String> teams, Optional<Instant> freeze) {
    this.rules = rules;
    this.teams = List.copyOf(teams);
    this.freeze = freeze;
  }

  boolean serves(List<String> teams, Optional<Instant> freeze) {
    return this.teams.equals(teams) && this.freeze.equals(freeze);
  }

  /**
   * Brings the board up to date.
   *
   * @param fired the incidents fired so far, in the order the board labels them
   * @param now read before the plays, so that they include at least what it counts
   * @param playsAfter the plays committed after a given number, in commit order (0: all of them)
   * @param alerts the first alert of each team in each incident, as plays
   */
  Result refresh(
      List<Fired> fired,
      Counts now,
      LongFunction<PlayStore.Committed> playsAfter,
      Supplier<List<Play>> alerts) {
    if (!incremental(fired, now) || !append(fired, playsAfter.apply(readThrough), now)) {
      rebuild(fired, now, playsAfter.apply(0), alerts.get());
    }
    Map<String, List<PlayRecord>> teamPlays = new HashMap<>();
    byTeam.forEach((team, list) -> teamPlays.put(team, list.prefix()));
    return new Result(scoring.snapshot(freeze), plays.prefix(), teamPlays);
  }

  /** Plays read from the store, every refresh together: what a play costs, for tests. */
  long rowsRead() {
    return rowsRead;
  }

  /** Plays scored, every refresh together. */
  long applied() {
    return scoring == null ? 0 : scoring.applied();
  }

  /** How many times the board started from scratch. */
  long rebuilds() {
    return rebuilds;
  }

  /** False when something other than new plays and new incidents changed since the last refresh. */
  private boolean incremental(List<Fired> fired, Counts now) {
    if (scoring == null
        || now.reviewed() != counts.reviewed()
        || now.alerts() != counts.alerts()
        || now.plays() < readThrough) {
      return false;
    }
    Set<String> ids = new HashSet<>();
    for (Fired f : fired) {
      ids.add(f.facts().incidentId());
      Fired before = known.get(f.facts().incidentId());
      if (before != null ? !before.equals(f) : unknownSeen.contains(f.facts().incidentId())) {
        return false;
      }
    }
    return ids.containsAll(known.keySet());
  }

  /** Scores the new plays; false (nothing scored) if one of them must be scored in the past. */
  private boolean append(List<Fired> fired, PlayStore.Committed committed, Counts now) {
    List<PlayRecord> fresh = committed.plays();
    rowsRead += fresh.size();
    Map<String, Fired> byId = new HashMap<>(known);
    fired.forEach(f -> byId.putIfAbsent(f.facts().incidentId(), f));
    List<PlayRecord> judged = new ArrayList<>();
    Play previous = null;
    for (PlayRecord p : fresh) {
      PlayRecord j = p.judged(outcome(byId.get(p.incidentId())));
      Play play = j.toPlay();
      boolean inOrder =
          previous == null ? scoring.follows(play) : LiveScoring.ORDER.compare(previous, play) <= 0;
      if (!inOrder) {
        return false;
      }
      previous = play;
      judged.add(j);
    }
    for (Fired f : fired) {
      if (known.putIfAbsent(f.facts().incidentId(), f) == null) {
        scoring.addIncident(f.facts());
      }
    }
    judged.forEach(this::score);
    counts = now;
    readThrough = committed.through();
    return true;
  }

  private void rebuild(
      List<Fired> fired, Counts now, PlayStore.Committed committed, List<Play> alerts) {
    List<PlayRecord> all = committed.plays();
    rebuilds++;
    rowsRead += all.size();
    scoring = new LiveScoring(rules, teams);
    known.clear();
    unknownSeen.clear();
    plays = new AppendOnly<>();
    byTeam.clear();
    for (Fired f : fired) {
      known.put(f.facts().incidentId(), f);
      scoring.addIncident(f.facts());
    }
    List<Play> order = new ArrayList<>();
    for (PlayRecord p : all) {
      PlayRecord judged = p.judged(outcome(known.get(p.incidentId())));
      remember(judged);
      order.add(judged.toPlay());
    }
    order.addAll(alerts);
    order.sort(LiveScoring.ORDER); // stable, as the full computation's sort
    order.forEach(this::apply);
    counts = now;
    readThrough = committed.through();
  }

  private void score(PlayRecord judged) {
    remember(judged);
    apply(judged.toPlay());
  }

  private void remember(PlayRecord judged) {
    plays.add(judged);
    byTeam.computeIfAbsent(judged.team(), t -> new AppendOnly<>()).add(judged);
    if (judged.incidentId() != null && !known.containsKey(judged.incidentId())) {
      unknownSeen.add(judged.incidentId());
    }
  }

  private void apply(Play play) {
    if (freeze.isEmpty() || play.at().isBefore(freeze.get())) {
      scoring.play(play);
    }
  }

  private static Judging.IncidentOutcome outcome(Fired fired) {
    return fired == null ? null : fired.outcome();
  }
}
