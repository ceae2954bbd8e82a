package org.daysofchaos.scoreboard.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a database already has every migration this build ships (ADR 0024). A restart on such a
 * database skips Flyway's migration, which otherwise spends about 0.2 s of every start checking
 * that nothing is due; a database with anything missing, newer or failed is left to Flyway as
 * before.
 */
public final class Migrations {
  /**
   * The version of the newest file under {@code db/migration}; {@code MigrationsTest} fails when a
   * new migration is added without raising it.
   */
  public static final int NEWEST = 15;

  /** Turns the check off: Flyway then runs at every start (the benchmark's "before"). */
  public static final String SKIP_WHEN_CURRENT = "chaos.flyway.skip-when-current";

  private Migrations() {}

  /**
   * True when Flyway's history on {@code connection} ends at {@link #NEWEST} and holds no failed
   * migration. Flyway applies migrations in order, so the newest applied means all were. False for
   * anything else, a database without the history table included.
   */
  public static boolean current(Connection connection) {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                    + " WHERE \"version\" IS NOT NULL")) {
      int newest = -1;
      while (rs.next()) {
        if (!rs.getBoolean(2)) {
          return false;
        }
        newest = Math.max(newest, major(rs.getString(1)));
      }
      return newest == NEWEST;
    } catch (SQLException e) {
      return false;
    }
  }

  /** {@code 15} of {@code 15}; a dotted version ({@code 15.1}) is not one of ours. */
  private static int major(String version) {
    try {
      return Integer.parseInt(version);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
