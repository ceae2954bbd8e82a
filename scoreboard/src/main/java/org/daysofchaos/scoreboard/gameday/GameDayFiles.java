package org.daysofchaos.scoreboard.gameday;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game-day files of {@code chaos serve --gameday FILE}, read at every start. A service manager
 * restarts the server with the same command line whatever its game days are doing, so a file whose
 * game day is already stored never resets it (docs/server.md, "Restarts"):
 *
 * <ul>
 *   <li>not stored yet: it is loaded;
 *   <li>stored with the same text: it stays as it is, in whatever state (a running game day goes
 *       on, a finished one keeps its times);
 *   <li>stored, running or paused, and the file changed: the change is not applied mid-day; it is
 *       logged, written to the audit log and shown to game masters ({@link #notices()}, in {@code
 *       GET /api/status});
 *   <li>stored, not running, and the file changed: the new version replaces it, as a load would.
 * </ul>
 */
@ApplicationScoped
public class GameDayFiles {
  private static final Logger LOG = LoggerFactory.getLogger(GameDayFiles.class);
  private static final String ACTOR = "server";

  @Inject GameDays gameDays;
  @Inject AuditLog audit;

  private final List<String> notices = new CopyOnWriteArrayList<>();

  /**
   * Loads each file as the rules above say.
   *
   * @throws GameDays.InvalidGameDay for a file with problems that no running game day came from
   */
  public void loadOnStart(List<Path> files) throws IOException {
    for (Path file : files) {
      load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
  }

  /** What the files changed since their game days started, for game masters: empty mostly. */
  public List<String> notices() {
    return List.copyOf(notices);
  }

  void load(String source, String yaml) {
    GameDayReadResult read = gameDays.read(source, yaml);
    if (!read.ok()) {
      Optional<GameDayStore.Row> live = liveFrom(source);
      if (live.isEmpty()) {
        throw new GameDays.InvalidGameDay(read.problems());
      }
      notice(
          live.get(),
          source,
          "no longer reads ("
              + read.problems().size()
              + " problem(s), the first: "
              + read.problems().get(0)
              + ")");
      return;
    }
    GameDay day = read.gameDay().orElseThrow();
    Optional<GameDayStore.Row> stored = gameDays.find(day.id());
    if (stored.isEmpty()) {
      gameDays.load(source, yaml, ACTOR);
    } else if (stored.get().yaml().equals(yaml)) {
      GameDayStore.Row row = stored.get();
      LOG.info(
          "game day {} from {} is stored unchanged; it stays {}{}",
          row.id(),
          source,
          row.state(),
          row.state().live() ? " and goes on (started " + row.startedAt() + ")" : "");
    } else if (stored.get().state().live()) {
      notice(stored.get(), source, "changed (" + firstDifference(stored.get().yaml(), yaml) + ")");
    } else {
      gameDays.load(source, yaml, ACTOR);
      LOG.info(
          "game day {} was {} and its file {} changed: the new version replaces it",
          day.id(),
          stored.get().state(),
          source);
    }
  }

  private Optional<GameDayStore.Row> liveFrom(String source) {
    return gameDays.list().stream()
        .filter(row -> row.state().live() && source.equals(row.source()))
        .findFirst();
  }

  private void notice(GameDayStore.Row row, String source, String what) {
    String notice =
        "game day "
            + row.id()
            + " is "
            + row.state()
            + " (started "
            + row.startedAt()
            + ") and its file "
            + source
            + " "
            + what
            + ": the change is NOT applied while it runs; it goes on as loaded. Stop it (or let it"
            + " finish), then load the file again or restart the server.";
    notices.add(notice);
    audit.record(ACTOR, "gameday-file-changed", "game day " + row.id(), notice);
    LOG.warn(notice);
  }

  /** Where two texts first differ, as a person looks for it: "line N". */
  static String firstDifference(String before, String after) {
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    int line = 0;
    while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
      line++;
    }
    return line < a.size() || line < b.size()
        ? "first difference at line " + (line + 1)
        : "only in line endings or blank space at the end";
  }
}
