package org.daysofchaos.scoreboard.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated databases for tests: H2 in memory, and PostgreSQL on 127.0.0.1:5432 (trust auth,
 * user postgres), one new database per use, dropped on close. Where PostgreSQL is missing, a test
 * that needs it is skipped on a developer's machine and FAILS in CI (CI=true).
 */
public final class TestDatabases {
  public static final String PG_HOST = System.getProperty("chaos.pg.host", "127.0.0.1");
  public static final int PG_PORT = Integer.getInteger("chaos.pg.port", 5432);

  private TestDatabases() {}

  /** A database that is dropped on close. */
  public interface TestDatabase extends AutoCloseable {
    DataSource dataSource();

    String jdbcUrl();

    String kind();

    @Override
    void close();
  }

  public static TestDatabase h2() {
    String url = "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    migrate(ds);
    return new TestDatabase() {
      @Override
      public DataSource dataSource() {
        return ds;
      }

      @Override
      public String jdbcUrl() {
        return url;
      }

      @Override
      public String kind() {
        return "H2";
      }

      @Override
      public void close() {
        try (Connection c = ds.getConnection();
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (SQLException e) {
          // Already gone.
        }
      }
    };
  }

  /** A new, empty PostgreSQL database (not migrated). */
  public static TestDatabase emptyPostgres() {
    requirePostgres();
    return created("");
  }

  /** A new database, copied from {@code template} when given. */
  private static TestDatabase created(String template) {
    String name = "chaos_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + name + (template.isEmpty() ? "" : " TEMPLATE " + template));
    String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name;
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setUser("postgres");
    return new TestDatabase() {
      @Override
      public DataSource dataSource() {
        return ds;
      }

      @Override
      public String jdbcUrl() {
        return url;
      }

      @Override
      public String kind() {
        return "PostgreSQL";
      }

      @Override
      public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    };
  }

  /**
   * A new, migrated PostgreSQL database: a copy of one migrated once per test JVM, because running
   * the migrations (ours and Quartz's) took two seconds a test where copying takes a fraction.
   */
  public static TestDatabase postgres() {
    requirePostgres();
    return created(MigratedTemplate.NAME);
  }

  /** The migrated template, made on first use and dropped when the JVM exits. */
  private static final class MigratedTemplate {
    static final String NAME = make();

    private static String make() {
      TestDatabase template = created("");
      migrate(template.dataSource());
      Runtime.getRuntime().addShutdownHook(new Thread(template::close));
      String url = template.jdbcUrl();
      return url.substring(url.lastIndexOf('/') + 1);
    }
  }

  static void migrate(DataSource ds) {
    migrate(ds, null);
  }

  /** Runs the server's migrations up to {@code version}, all of them when it is null. */
  public static void migrate(DataSource ds, String version) {
    var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    (version == null ? flyway : flyway.target(version)).load().migrate();
  }

  /** A new, empty H2 database in memory (not migrated), for a migration's own test. */
  public static DataSource emptyH2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  /** Skips (developer machine) or fails (CI) when no PostgreSQL answers. */
  public static void requirePostgres() {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", "postgres", "")) {
      c.isValid(2);
    } catch (SQLException e) {
      String message =
          "PostgreSQL does not answer on "
              + PG_HOST
              + ":"
              + PG_PORT
              + " ("
              + e.getMessage()
              + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql)"
              + " main start";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI needs PostgreSQL: " + message);
      }
      Assumptions.abort(message);
    }
  }

  private static void admin(String sql) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
