package org.daysofchaos.scoreboard.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The migration that numbers plays in their game day (V14) numbers those recorded before in id
 * order, on H2 and PostgreSQL alike: after an upgrade the board reads them all, and the next play
 * comes after them.
 */
class PlayNumbersMigrationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void numbersTheOldPlaysOnH2() throws Exception {
    assertNumbered(TestDatabases.emptyH2());
  }

  @Test
  void numbersTheOldPlaysOnPostgresql() throws Exception {
    try (TestDatabase db = TestDatabases.emptyPostgres()) {
      assertNumbered(db.dataSource());
    }
  }

  private static void assertNumbered(DataSource ds) throws Exception {
    TestDatabases.migrate(ds, "13");
    Db db = new Db(ds);
    for (String day : List.of("day", "other", "quiet")) {
      new GameDayStore(db).save(day, day, "d.yaml", "id: " + day, false, List.of(), List.of(), T0);
    }
    for (String day : List.of("day", "other", "day", "day")) {
      insertOld(ds, day);
    }

    TestDatabases.migrate(ds, null);

    PlayStore store = new PlayStore(db);
    PlayStore.Committed old = store.ofGameDayAfter("day", 0);
    assertThat(old.plays()).extracting(PlayRecord::id).containsExactly(1L, 3L, 4L);
    assertThat(old.through()).isEqualTo(4);
    assertThat(store.version("day").plays()).isEqualTo(4);
    assertThat(store.version("quiet").plays()).isZero();
    long next = store.insert(PlayStoreTest.play("day", "blue-1"), null).orElseThrow().id();
    assertThat(store.ofGameDayAfter("day", old.through()).plays())
        .extracting(PlayRecord::id)
        .containsExactly(next);
  }

  private static void insertOld(DataSource ds, String day) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO chaos_play (game_day_id, team, username, type, played_at, outcome,"
                    + " hint_index, detail) VALUES (?, 'blue', 'blue-1', 'DETECTION_CLAIM', ?,"
                    + " 'REJECTED', -1, 'payment')")) {
      s.setString(1, day);
      s.setObject(2, T0.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
  }
}
