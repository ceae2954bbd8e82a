package org.daysofchaos.scoreboard.leaderboard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scoring.IncidentFacts;
import org.daysofchaos.core.scoring.Leaderboard;
import org.daysofchaos.core.scoring.Play;
import org.daysofchaos.core.scoring.ScoreLine;
import org.daysofchaos.core.scoring.Scoring;
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
 */
public final class Boards {
  private static final int RECENT = 12;

  /**
   * One computation: the core leaderboard, the labels that stand for incidents, and the plays as
   * judged for it (so that the consoles read them once, not again).
   */
  public record Computed(
      GameDayStore.Row day,
      Leaderboard leaderboard,
      Map<String, String> labels,
      List<Incident> incidents,
      List<PlayRecord> plays,
      long version,
      long playsVersion) {}

  private final PlayStore store;
  private final IncidentStore incidents;
  private final ScenarioCatalog catalog;
  private final GameDays gameDays;
  private final Clock clock;
  private final ScoringRules rules;
  private final Function<String, List<Play>> alertPlays;

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

  /** The leaderboard; {@code live} ignores a freeze (for game masters only). */
  public Computed compute(String gameDayId, boolean live) {
    GameDayStore.Row day = gameDays.get(gameDayId);
    PlayStore.Version versions = store.version(gameDayId);
    long version = versions.total();
    List<Incident> fired = incidents.fired(gameDayId);
    Map<String, Incident> byId = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    List<IncidentFacts> facts = new ArrayList<>();
    for (Incident i : fired) {
      byId.put(i.id(), i);
      labels.put(i.id(), "incident " + (labels.size() + 1));
      Scenario s = catalog.scenario(i.scenarioId(), i.scenarioSha256());
      facts.add(new IncidentFacts(i.id(), i.scenarioId(), s.weight(), i.injectedAt()));
    }
    List<PlayRecord> judged = PlayRecord.judged(store.ofGameDay(gameDayId), byId);
    List<Play> all = new ArrayList<>();
    judged.forEach(p -> all.add(p.toPlay()));
    all.addAll(alertPlays.apply(gameDayId));
    Optional<Instant> freeze = live ? Optional.empty() : store.frozenAt(gameDayId);
    Leaderboard board = Scoring.leaderboard(rules, gameDays.teams(gameDayId), facts, all, freeze);
    return new Computed(day, board, labels, fired, judged, version, versions.ofPlays());
  }

  /** The board everyone may see. */
  public BoardView view(Computed c, boolean live) {
    List<BoardView.Row> rows =
        c.leaderboard().standings().stream()
            .map(
                s ->
                    new BoardView.Row(
                        s.rank(), s.team(), s.points(), s.detected(), s.diagnosed(), s.recovered()))
            .toList();
    List<BoardView.Event> recent =
        c.leaderboard().standings().stream()
            .flatMap(s -> s.lines().stream())
            .filter(l -> l.points() != 0)
            .sorted(Comparator.comparing(ScoreLine::at).reversed())
            .limit(RECENT)
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
        c.leaderboard().frozenAt().orElse(null),
        live,
        blind ? null : c.incidents().size(),
        blind ? null : open,
        rows,
        recent);
  }

  /** A team's own standing with every line explained, incidents named by their labels. */
  public Optional<Standing> standingOf(Computed c, String team) {
    return c.leaderboard().standings().stream()
        .filter(s -> s.team().equals(team))
        .findFirst()
        .map(s -> relabel(s, c.labels(), c.incidents()));
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
