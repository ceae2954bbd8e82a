package org.daysofchaos.scoreboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The migration that gives ledger rows their backend derives it for the rows written before, on H2
 * and PostgreSQL alike, so that recovery after an upgrade reverts what the old server left.
 */
class LedgerBackendMigrationTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void backfillsTheBackendOfOldRowsOnH2() throws Exception {
    assertBackfilled(TestDatabases.emptyH2());
  }

  @Test
  void backfillsTheBackendOfOldRowsOnPostgresql() throws Exception {
    try (TestDatabase db = TestDatabases.emptyPostgres()) {
      assertBackfilled(db.dataSource());
    }
  }

  private static void assertBackfilled(DataSource ds) throws Exception {
    TestDatabases.migrate(ds, "8");
    insertOld(
        ds,
        "a",
        "{\"server\":\"default\",\"url\":\"http://x\",\"proxy\":\"payment\",\"toxic\":\"t\"}");
    insertOld(ds, "b", "{\"kubernetes\":\"kubernetes/scale\",\"name\":\"checkout\"}");
    insertOld(ds, "c", "{\"process\":\"inventory\",\"pid\":\"42\",\"signal\":\"CONT\"}");
    insertOld(ds, "d", "{}");

    TestDatabases.migrate(ds);

    assertThat(new JdbcLedger(new Db(ds), "node-a").openRows())
        .extracting(row -> row.entry().injectionId() + "=" + row.entry().backend())
        .containsExactly("a=toxiproxy", "b=kubernetes", "c=process", "d=");
  }

  private static void insertOld(DataSource ds, String id, String record) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO chaos_injection (injection_id, run_id, incident_id, scenario_id, kind,"
                    + " target, description, state, revert_record, expires_at, updated_at,"
                    + " node_id) VALUES (?, 'run1', NULL, 's', 'k', 't', 'd', ?, ?, ?, ?,"
                    + " 'node-a')")) {
      s.setString(1, id);
      s.setString(2, LedgerEntry.State.ACTIVE.name());
      s.setString(3, record);
      s.setTimestamp(4, Timestamp.from(T0.plusSeconds(600)));
      s.setTimestamp(5, Timestamp.from(T0.plusSeconds(id.charAt(0))));
      s.executeUpdate();
    }
  }
}
