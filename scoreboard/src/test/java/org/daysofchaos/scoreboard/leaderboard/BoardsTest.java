package org.daysofchaos.scoreboard.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.core.scoring.Standing;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.daysofchaos.scoreboard.play.PlayRecord;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.junit.jupiter.api.Test;

/** The boards computed from a real database, as the push and the API ask for them. */
class BoardsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final List<String> TEAMS = List.of("blue", "red");
  private static final long HOLD = 714_001;

  /**
   * Two nodes record plays of one game day at once on one PostgreSQL (issue 14, the soak): the play
   * whose insert started first may commit last. A board computed in between, then after both
   * committed, has both plays; before, the later id was read first and the other skipped for good.
   */
  @Test
  void aPlayThatCommitsAfterALaterOneIsOnTheBoard() throws Exception {
    try (TestDatabase pg = TestDatabases.postgres();
        Connection holder = pg.dataSource().getConnection()) {
      Db db = new Db(pg.dataSource());
      PlayStore store = new PlayStore(db);
      Boards boards = boards(db, store);
      gameDay(db, "day");
      slowInsertsOf("slow", holder);

      // The slow node's play is written, with its id, then waits before its commit...
      CompletableFuture<Optional<PlayRecord>> slow =
          CompletableFuture.supplyAsync(() -> store.insert(claim("day", "slow", "blue"), "k1"));
      await()
          .atMost(Duration.ofSeconds(20))
          .failFast("the slow play did not wait", slow::isDone)
          .until(() -> waiting(holder) == 1);
      // ... while the other node records one, and the board is computed.
      CompletableFuture<Optional<PlayRecord>> fast =
          CompletableFuture.supplyAsync(() -> store.insert(claim("day", "fast", "red"), "k2"));
      await().atMost(Duration.ofSeconds(20)).until(() -> fast.isDone() || waiting(holder) == 2);
      boards.compute("day", false);

      release(holder);
      long slowId = slow.get().orElseThrow().id();
      long fastId = fast.get().orElseThrow().id();
      assertThat(slowId).isLessThan(fastId);

      Boards.Computed board = boards.compute("day", false);
      assertThat(board.plays())
          .extracting(PlayRecord::id)
          .containsExactlyInAnyOrder(slowId, fastId);
      assertThat(board.playsOf("blue")).extracting(PlayRecord::id).containsExactly(slowId);
      assertThat(board.leaderboard().standings()).flatExtracting(Standing::lines).hasSize(2);
    }
  }

  @Test
  void keepsTheBoardsOfTheGameDaysAskedForMostRecently() {
    try (TestDatabase h2 = TestDatabases.h2()) {
      Db db = new Db(h2.dataSource());
      PlayStore store = new PlayStore(db);
      Boards boards = boards(db, store);
      for (int i = 0; i < Boards.KEPT + 4; i++) {
        gameDay(db, "day-" + i);
        store.insert(claim("day-" + i, "player-" + i, "blue"), null);
        assertThat(boards.compute("day-" + i, false).plays()).hasSize(1);
      }
      assertThat(boards.kept()).isEqualTo(Boards.KEPT);

      store.insert(claim("day-0", "player-0", "red"), null);
      assertThat(boards.compute("day-0", false).plays()).as("built again").hasSize(2);
      assertThat(boards.kept()).isEqualTo(Boards.KEPT);
    }
  }

  private static Boards boards(Db db, PlayStore store) {
    GameDayStore days = new GameDayStore(db);
    GameDays gameDays =
        new GameDays() {
          @Override
          public GameDayStore.Row get(String id) {
            return days.find(id).orElseThrow();
          }

          @Override
          public List<String> teams(String id) {
            return days.teams(id);
          }
        };
    return new Boards(
        store,
        new IncidentStore(db),
        new ScenarioCatalog(),
        gameDays,
        Clock.systemUTC(),
        ScoringRules.defaults(),
        day -> List.of());
  }

  private static void gameDay(Db db, String id) {
    new GameDayStore(db).save(id, id, id + ".yaml", "id: " + id, false, TEAMS, List.of(), T0);
  }

  private static PlayRecord claim(String day, String username, String team) {
    return new PlayRecord(
        0,
        day,
        null,
        team,
        username,
        PlayType.DETECTION_CLAIM,
        T0.plusSeconds(60),
        Outcome.REJECTED,
        -1,
        "payment",
        null,
        null);
  }

  /**
   * Makes {@code username}'s inserts wait, once their row (and its id) is written and before they
   * commit, for as long as {@code holder} holds an advisory lock.
   */
  private static void slowInsertsOf(String username, Connection holder) throws SQLException {
    try (Statement s = holder.createStatement()) {
      s.execute(
          "CREATE FUNCTION chaos_test_slow() RETURNS trigger AS $$ BEGIN IF NEW.username = '"
              + username
              + "' THEN PERFORM pg_advisory_xact_lock("
              + HOLD
              + "); END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
      s.execute(
          "CREATE TRIGGER chaos_test_slow AFTER INSERT ON chaos_play"
              + " FOR EACH ROW EXECUTE FUNCTION chaos_test_slow()");
      s.execute("SELECT pg_advisory_lock(" + HOLD + ")");
    }
  }

  private static void release(Connection holder) throws SQLException {
    try (Statement s = holder.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + HOLD + ")");
    }
  }

  /** Sessions of this database that wait for a lock. */
  private static int waiting(Connection holder) throws SQLException {
    try (Statement s = holder.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
