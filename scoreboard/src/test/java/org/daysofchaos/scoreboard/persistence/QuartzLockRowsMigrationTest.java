package org.daysofchaos.scoreboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Quartz's lock rows exist once the database is migrated (V15), so that two nodes starting at once
 * on a new database do not both insert them (the loser failed to start on PostgreSQL), and a
 * database where Quartz already inserted them upgrades without a duplicate.
 */
class QuartzLockRowsMigrationTest {
  private static final List<String> BOTH_LOCKS =
      List.of("QuarkusQuartzScheduler/STATE_ACCESS", "QuarkusQuartzScheduler/TRIGGER_ACCESS");

  @Test
  void aNewH2DatabaseHasTheLockRows() {
    try (TestDatabase db = TestDatabases.h2()) {
      assertThat(locks(db.dataSource())).isEqualTo(BOTH_LOCKS);
    }
  }

  @Test
  void aNewPostgresqlDatabaseHasTheLockRows() throws Exception {
    try (TestDatabase db = TestDatabases.emptyPostgres()) {
      TestDatabases.migrate(db.dataSource(), null);
      assertThat(locks(db.dataSource())).isEqualTo(BOTH_LOCKS);
    }
  }

  @Test
  void anH2DatabaseWhereQuartzInsertedThemUpgradesWithoutADuplicate() throws Exception {
    upgradeAfterQuartzRan(TestDatabases.emptyH2());
  }

  @Test
  void aPostgresqlDatabaseWhereQuartzInsertedOneUpgradesWithoutADuplicate() throws Exception {
    try (TestDatabase db = TestDatabases.emptyPostgres()) {
      upgradeAfterQuartzRan(db.dataSource());
    }
  }

  private static void upgradeAfterQuartzRan(DataSource ds) throws Exception {
    TestDatabases.migrate(ds, "14");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO qrtz_locks (sched_name, lock_name)"
              + " VALUES ('QuarkusQuartzScheduler', 'TRIGGER_ACCESS')");
    }

    TestDatabases.migrate(ds, null);

    assertThat(locks(ds)).isEqualTo(BOTH_LOCKS);
  }

  private static List<String> locks(DataSource ds) {
    return new Db(ds)
        .query(
            "SELECT sched_name, lock_name FROM qrtz_locks ORDER BY lock_name",
            rs -> rs.getString(1) + "/" + rs.getString(2));
  }
}
