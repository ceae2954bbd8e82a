package org.daysofchaos.scoreboard.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.core.scoring.Outcome;
import org.daysofchaos.core.scoring.PlayType;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plays numbered in their game day as they commit, on H2 and on a real PostgreSQL alike. */
class PlayStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  private static TestDatabase open(String kind) {
    return kind.equals("H2") ? TestDatabases.h2() : TestDatabases.postgres();
  }

  @ParameterizedTest
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void playsRecordedAtOnceAreNumberedOneByOneAndAllRead(String kind) throws Exception {
    try (TestDatabase database = open(kind)) {
      Db db = new Db(database.dataSource());
      new GameDayStore(db).save("day", "Day", "d.yaml", "id: day", false, List.of(), List.of(), T0);
      new GameDayStore(db)
          .save("other", "O", "o.yaml", "id: other", false, List.of(), List.of(), T0);
      PlayStore store = new PlayStore(db);
      store.insert(play("other", "o"), null);
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String user = "player-" + w;
        done.add(
            writers.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    assertThat(store.insert(play("day", user), user + "-" + i)).isPresent();
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      writers.shutdown();

      PlayStore.Committed all = store.ofGameDayAfter("day", 0);
      assertThat(all.plays()).hasSize(100);
      assertThat(all.through()).isEqualTo(100);
      assertThat(store.version("day").plays()).isEqualTo(100);
      assertThat(store.ofGameDayAfter("day", 90).plays()).hasSize(10);
      assertThat(store.ofGameDayAfter("day", 100))
          .isEqualTo(new PlayStore.Committed(List.of(), 100));
      assertThat(store.version("other").plays()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"H2", "PostgreSQL"})
  void aPlayThatIsNotStoredTakesNoNumber(String kind) {
    try (TestDatabase database = open(kind)) {
      Db db = new Db(database.dataSource());
      new GameDayStore(db).save("day", "Day", "d.yaml", "id: day", false, List.of(), List.of(), T0);
      PlayStore store = new PlayStore(db);
      PlayRecord tooLong = play("day", "x".repeat(101)); // the username column holds 100

      assertThatThrownBy(() -> store.insert(tooLong, null)).isInstanceOf(Db.DbException.class);

      assertThat(store.version("day").plays()).isZero();
      store.insert(play("day", "blue-1"), null);
      assertThat(store.ofGameDayAfter("day", 0).through()).isOne();
    }
  }

  /** A rejected detection claim of team blue, as the play tests record them. */
  static PlayRecord play(String day, String username) {
    return new PlayRecord(
        0,
        day,
        null,
        "blue",
        username,
        PlayType.DETECTION_CLAIM,
        T0,
        Outcome.REJECTED,
        -1,
        "payment",
        null,
        null);
  }
}
