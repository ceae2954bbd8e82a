package org.daysofchaos.scoreboard.leaderboard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.daysofchaos.core.scoring.IncidentFacts;
import org.daysofchaos.core.scoring.Leaderboard;
import org.daysofchaos.core.scoring.LiveScoring;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.ScoreLine;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.core.scoring.Standing;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.PlayStore;

/**
 * Computes a game day's leaderboard from its stored facts with core's scoring rules, so the board
 * and the reports never disagree; and the views of it that each role may see.
 *
 * <p>The board is kept up to date, not computed again: each game day has a live board ({@link
 * LiveBoard}) for its public view and one for the game masters' view past a freeze, refreshed with
 * the plays recorded since, and one computation is shared by every caller until the facts change:
 * the push to viewers, every player console, the API. A player console asks for its own team's
 * standing and plays, each built once per change and kept with the computation.
 */
public final class Boards {
  private static final int RECENT = 12;

  /**
   * Live boards kept: a board of each of the game days (and views) asked for most recently. One
   * asked for again after it was dropped is built again from the stored facts, once; a server that
   * runs game day after game day no longer keeps every board it ever computed.
   */
  static final int KEPT = 16;

  /**
   * One computation: the scores, the labels that stand for incidents, and the plays as judged for
   * it (so that the consoles read them once, not again). Shared by every caller until the facts
   * change; what a caller derives from it is built once and kept here.
   */
  public static final class Computed {
    private final GameDayStore.Row day;
    private final LiveScoring.Snapshot scores;
    private final Map<String, String> labels;
    private final List<Incident> incidents;
    private final LiveBoard.Result result;
    private final long version;
    private final long playsVersion;
    private final Map<String, Optional<Standing>> standings = new ConcurrentHashMap<>();
    private volatile Leaderboard leaderboard;

    Computed(
        GameDayStore.Row day,
        LiveBoard.Result result,
        Map<String, String> labels,
        List<Incident> incidents,
        long version,
        long playsVersion) {
      this.day = day;
      this.scores = result.scores();
      this.result = result;
      this.labels = labels;
      this.incidents = incidents;
      this.version = version;
      this.playsVersion = playsVersion;
    }

    public GameDayStore.Row day() {
      return day;
    }

    /** The whole board with every line (built on first use, then kept). */
    public Leaderboard leaderboard() {
      Leaderboard l = leaderboard;
      if (l == null) {
        l = scores.leaderboard();
        leaderboard = l;
      }
      return l;
    }

    public Map<String, String> labels() {
      return labels;
    }

    public List<Incident> incidents() {
      return incidents;
    }

    /** Every play of the game day, in the order recorded, as judged now. */
    public List<PlayRecord> plays() {
      return result.plays();
    }

    /** The plays of one team, in the order recorded, as judged now. */
    public List<PlayRecord> playsOf(String team) {
      return result.byTeam().getOrDefault(team, List.of());
    }

    public long version() {
      return version;
    }

    public long playsVersion() {
      return playsVersion;
    }
  }

  /** A live board and the last computation it gave, for one game day and one view of it. */
  private static final class Held {
    final Map<String, Integer> weights = new HashMap<>();
    LiveBoard board;
    Computed computed;
    PlayStore.Version version;
    List<LiveBoard.Fired> fired;
  }

  /** The boards asked for most recently, at most {@link #KEPT}; callers synchronize. */
  private static final class Recent extends LinkedHashMap<String, Held> {
    Recent() {
      super(KEPT, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
      return size() > KEPT;
    }
  }

  private final PlayStore store;
  private final IncidentStore incidents;
  private final ScenarioCatalog catalog;
  private final GameDays gameDays;
  private final Clock clock;
  private final ScoringRules rules;
  private final Function<String, List<Play>> alertPlays;
  private final Map<String, Held> held = Collections.synchronizedMap(new Recent());

  public Boards(
      PlayStore store,
      IncidentStore incidents,
      ScenarioCatalog catalog,
      GameDays gameDays,
      Clock clock,
      ScoringRules rules,
      Function<String, List<Play>> alertPlays) {
    this.store = store;
    this.incidents = incidents;
    this.catalog = catalog;
    this.gameDays = gameDays;
    this.clock = clock;
    this.rules = rules;
    this.alertPlays = alertPlays;
  }

  /**
   * The leaderboard; {@code live} ignores a freeze (for game masters only). The same computation is
   * returned to every caller while nothing it is computed from changed.
   */
  public Computed compute(String gameDayId, boolean live) {
    // Unfrozen, the public board and the game masters' are one: one live board serves both.
    boolean past = live && store.frozenAt(gameDayId).isPresent();
    Held h = held.computeIfAbsent(gameDayId + (past ? "\u0000live" : ""), k -> new Held());
    synchronized (h) {
      PlayStore.Version versions = store.version(gameDayId);
      List<Incident> fired = incidents.fired(gameDayId);
      List<LiveBoard.Fired> facts = facts(h, fired);
      if (h.computed != null && versions.equals(h.version) && facts.equals(h.fired)) {
        return h.computed;
      }
      GameDayStore.Row day = gameDays.get(gameDayId);
      List<String> teams = gameDays.teams(gameDayId);
      Optional<Instant> freeze = live ? Optional.empty() : Optional.ofNullable(versions.frozenAt());
      if (h.board == null || !h.board.serves(teams, freeze)) {
        h.board = new LiveBoard(rules, teams, freeze);
      }
      LiveBoard.Result result =
          h.board.refresh(
              facts,
              LiveBoard.Counts.of(versions),
              after -> store.ofGameDayAfter(gameDayId, after),
              () -> alertPlays.apply(gameDayId));
      Map<String, String> labels = new LinkedHashMap<>();
      fired.forEach(i -> labels.put(i.id(), "incident " + (labels.size() + 1)));
      h.computed = new Computed(day, result, labels, fired, versions.total(), versions.ofPlays());
      h.version = versions;
      h.fired = facts;
      return h.computed;
    }
  }

  private List<LiveBoard.Fired> facts(Held h, List<Incident> fired) {
    List<LiveBoard.Fired> facts = new ArrayList<>();
    for (Incident i : fired) {
      int weight =
          h.weights.computeIfAbsent(
              i.id(), id -> catalog.scenario(i.scenarioId(), i.scenarioSha256()).weight());
      facts.add(
          new LiveBoard.Fired(
              new IncidentFacts(i.id(), i.scenarioId(), weight, i.injectedAt()),
              PlayRecord.outcomeOf(i)));
    }
    return facts;
  }

  /** Live boards kept now (at most {@link #KEPT}). */
  int kept() {
    return held.size();
  }

  /** The board everyone may see. */
  public BoardView view(Computed c, boolean live) {
    List<BoardView.Row> rows =
        c.scores.ranks().stream()
            .map(
                s ->
                    new BoardView.Row(
                        s.rank(), s.team(), s.points(), s.detected(), s.diagnosed(), s.recovered()))
            .toList();
    List<BoardView.Event> recent =
        c.scores.recent(RECENT).stream()
            .map(l -> new BoardView.Event(l.at(), l.team(), l.points(), publicText(l, c.labels())))
            .toList();
    int open =
        (int) c.incidents().stream().filter(i -> i.state() == Incident.State.RUNNING).count();
    // A blind game day's public board must not change when an incident starts or ends.
    boolean blind = c.day().blind() && !live;
    return new BoardView(
        c.day().id(),
        c.day().name(),
        c.day().state().name().toLowerCase(Locale.ROOT),
        blind ? c.playsVersion() : c.version(),
        clock.instant(),
        c.scores.frozenAt().orElse(null),
        live,
        blind ? null : c.incidents().size(),
        blind ? null : open,
        rows,
        recent);
  }

  /**
   * A team's own standing with every line explained, incidents named by their labels: built once
   * per computation and team, however many consoles of the team ask.
   */
  public Optional<Standing> standingOf(Computed c, String team) {
    return c.standings.computeIfAbsent(
        team, t -> c.scores.standing(t).map(s -> relabel(s, c.labels(), c.incidents())));
  }

  private Standing relabel(Standing s, Map<String, String> labels, List<Incident> fired) {
    List<ScoreLine> lines =
        s.lines().stream()
            .map(
                l ->
                    new ScoreLine(
                        l.team(),
                        l.incidentId(),
                        l.stage(),
                        l.at(),
                        l.points(),
                        hideScenario(l, labels, fired)))
            .toList();
    return new Standing(
        s.rank(),
        s.team(),
        s.points(),
        s.detected(),
        s.diagnosed(),
        s.recovered(),
        s.reachedAt(),
        lines);
  }

  private static String publicText(ScoreLine line, Map<String, String> labels) {
    String stage = line.stage() == null ? "" : " " + line.stage().name().toLowerCase(Locale.ROOT);
    String where = line.incidentId() == null ? "" : " (" + labels.get(line.incidentId()) + ")";
    return (line.points() > 0 ? "+" : "") + line.points() + stage + where;
  }

  /** The scoring lines name scenarios; players see "incident 2" instead, as on the board. */
  private static String hideScenario(
      ScoreLine line, Map<String, String> labels, List<Incident> all) {
    return all.stream()
        .filter(i -> i.id().equals(line.incidentId()))
        .findFirst()
        .map(i -> line.text().replace(i.scenarioId(), labels.get(i.id())))
        .orElse(line.text());
  }
}
