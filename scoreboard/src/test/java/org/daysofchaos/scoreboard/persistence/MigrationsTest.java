package org.daysofchaos.scoreboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.daysofchaos.scoreboard.persistence.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A restart skips Flyway only on a database that has every shipped migration and no failed one (ADR
 * 0024); anything else is left to Flyway.
 */
class MigrationsTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

  @Test
  void newestIsTheVersionOfTheNewestShippedMigration() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest =
          files
              .map(f -> VERSIONED.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
      assertThat(Migrations.NEWEST)
          .as("Migrations.NEWEST after adding V%d: raise it, or restarts skip the new one", newest)
          .isEqualTo(newest);
    }
  }

  @Test
  void anH2DatabaseWithEveryMigrationIsCurrent() throws Exception {
    try (TestDatabase db = TestDatabases.h2()) {
      assertThat(current(db.dataSource())).isTrue();
    }
  }

  @Test
  void aPostgresqlDatabaseWithEveryMigrationIsCurrent() throws Exception {
    try (TestDatabase db = TestDatabases.emptyPostgres()) {
      TestDatabases.migrate(db.dataSource(), null);
      assertThat(current(db.dataSource())).isTrue();
    }
  }

  @Test
  void aDatabaseWithAMigrationDueIsNot() throws Exception {
    DataSource ds = TestDatabases.emptyH2();
    TestDatabases.migrate(ds, String.valueOf(Migrations.NEWEST - 1));
    assertThat(current(ds)).isFalse();
  }

  @Test
  void aNewDatabaseIsNot() throws Exception {
    assertThat(current(TestDatabases.emptyH2())).isFalse();
  }

  @Test
  void aDatabaseWithAFailedMigrationIsNot() throws Exception {
    try (TestDatabase db = TestDatabases.emptyPostgres()) {
      TestDatabases.migrate(db.dataSource(), null);
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE flyway_schema_history SET success = false WHERE version = '9'");
      }
      assertThat(current(db.dataSource())).isFalse();
    }
  }

  @Test
  void aDatabaseANewerBuildMigratedIsNot() throws Exception {
    try (TestDatabase db = TestDatabases.h2();
        Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
              + " \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
              + " VALUES (1000, '"
              + (Migrations.NEWEST + 1)
              + "', 'later', 'SQL', 'V99__later.sql', 'sa', 1, TRUE)");
      assertThat(Migrations.current(c)).isFalse();
    }
  }

  private static boolean current(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection()) {
      return Migrations.current(c);
    }
  }
}
