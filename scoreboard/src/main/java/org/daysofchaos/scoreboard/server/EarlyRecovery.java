package org.daysofchaos.scoreboard.server;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.agents.environment.EnvironmentReader;
import org.daysofchaos.core.spi.Reverters;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.Migrations;
import org.daysofchaos.scoreboard.persistence.NodeId;
import org.daysofchaos.scoreboard.safety.LedgerRecovery;
import org.daysofchaos.scoreboard.safety.Recovery;
import org.daysofchaos.scoreboard.targets.Targets;

/**
 * Crash recovery before the web stack boots (ADR 0018): the server's database through plain JDBC,
 * the reverters of the environment file, then this node's open ledger entries reverted and its
 * incidents closed by the same code as the recovery inside Quarkus ({@link LedgerRecovery}). A
 * restarted server thus reverts its leftovers within a second or two of its JVM starting, instead
 * of after Quarkus, Flyway and Quartz have booted.
 *
 * <p>With the connection it opened, it also tells Quarkus to skip Flyway when the database has
 * every migration already ({@link #skipFlywayIfCurrent}).
 *
 * <p>It never stops the start: whatever it cannot do (no database yet, a schema not migrated, a
 * locked file, a target that does not answer) it leaves, with its incident still running, to the
 * recovery after boot, which tries it again. What it did is one line on standard output.
 */
public final class EarlyRecovery {
  /** {@code false} leaves everything to the recovery after boot (the benchmark's "before"). */
  public static final String ENABLED = "chaos.recovery.early";

  /** H2's error for a database that does not exist (with IFEXISTS): a first start. */
  private static final int H2_NO_DATABASE = 90146;

  private static final String LOG_MANAGER = "java.util.logging.manager";

  /** Quarkus's switch for Flyway on the default datasource, read when it boots. */
  static final String FLYWAY_ACTIVE = "quarkus.flyway.active";

  private static volatile LedgerRecovery.Report last = LedgerRecovery.Report.NONE;

  private EarlyRecovery() {}

  /** What the early recovery of this process did, for the server's metrics once it is up. */
  public static LedgerRecovery.Report lastReport() {
    return last;
  }

  /** Runs it with the server's configuration (system properties set by {@link ChaosMain}). */
  static void run(PrintStream out) {
    long t0 = System.nanoTime();
    // SmallRye Config logs through JBoss Logging, which sets java.util.logging up on first use:
    // name the log manager Quarkus runs with before that, or Quarkus's log set-up is lost.
    if (System.getProperty(LOG_MANAGER) == null) {
      System.setProperty(LOG_MANAGER, "org.jboss.logmanager.LogManager");
    }
    try {
      SmallRyeConfig config = config();
      if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(true)) {
        return;
      }
      if (config.getOptionalValue("chaos.demo.enabled", Boolean.class).orElse(false)) {
        // The demo's faults died with its process, and its proxy is not up yet: nothing to revert
        // before boot. A restart on a current database still need not wait for Flyway.
        try (Connection connection = connect(config)) {
          skipFlywayIfCurrent(config, connection);
        }
        return;
      }
      String node =
          NodeId.of(
                  config.getOptionalValue("chaos.node.id", String.class),
                  config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080))
              .id();
      Optional<Path> environment = config.getOptionalValue("chaos.environment", Path.class);
      try (Connection connection = connect(config)) {
        skipFlywayIfCurrent(config, connection);
        last =
            recover(
                singleConnection(connection),
                node,
                () -> Targets.reverters(environment(environment)),
                Clock.systemUTC());
      }
      if (last.didSomething()) {
        out.println(line(node, last, (System.nanoTime() - t0) / 1_000_000));
      }
    } catch (Exception | LinkageError e) {
      // A database that does not exist yet, or one another process holds, is for the server to
      // report when it boots; the recovery after boot does whatever is left.
      if (!(e instanceof SQLException sql && sql.getErrorCode() == H2_NO_DATABASE)) {
        out.println(
            "early recovery: skipped ("
                + e.getClass().getSimpleName()
                + ": "
                + redacted(e.getMessage())
                + "); the recovery after start does it");
      }
    }
  }

  /**
   * On a database that already has every migration of this build, Flyway is switched off for this
   * start (ADR 0024): its check that nothing is due took ~0.2 s of every restart (Quarkus still
   * configures it). The connection is the one opened for the recovery, so this costs one query.
   */
  static void skipFlywayIfCurrent(SmallRyeConfig config, Connection connection) {
    if (config.getOptionalValue(Migrations.SKIP_WHEN_CURRENT, Boolean.class).orElse(true)
        && Migrations.current(connection)) {
      System.setProperty(FLYWAY_ACTIVE, "false");
    }
  }

  /**
   * Reverts this node's open entries in {@code dataSource} before anything else runs. A database
   * without the ledger's table (never migrated) is left alone.
   */
  static LedgerRecovery.Report recover(
      DataSource dataSource, String node, Supplier<Reverters> reverters, Clock clock) {
    Db db = new Db(dataSource);
    if (!hasLedger(db)) {
      return LedgerRecovery.Report.NONE;
    }
    LedgerRecovery recovery = LedgerRecovery.beforeStart(db, node, clock);
    try (Reverters r = reverters.get()) {
      return recovery.recoverNode(node, recovery.restartReason(), Recovery.EARLY, r, false);
    }
  }

  /** A driver's message may quote the JDBC URL, which may carry a password: never print it. */
  static String redacted(String message) {
    return message == null ? "" : message.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
  }

  static String line(String node, LedgerRecovery.Report report, long millis) {
    return "early recovery of node "
        + node
        + ": "
        + report.reverted()
        + " fault(s) reverted before the server booted, "
        + report.failed()
        + " left for the recovery after start, "
        + report.incidents().size()
        + " incident(s) closed ("
        + millis
        + " ms): "
        + String.join("; ", report.lines());
  }

  private static boolean hasLedger(Db db) {
    try {
      db.query(
          "SELECT node_id, incident_id, backend FROM chaos_injection WHERE 1 = 0",
          rs -> rs.getString(1));
      db.query("SELECT id, node_id FROM chaos_incident WHERE 1 = 0", rs -> rs.getString(1));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Environment environment(Optional<Path> file) {
    if (file.isEmpty()) {
      return Environment.empty(Path.of("").toAbsolutePath());
    }
    EnvironmentReader.Result read = new EnvironmentReader().read(file.get());
    // ChaosMain checked the file just before; a problem now means it changed since.
    return read.environment()
        .orElseThrow(() -> new IllegalStateException("the environment file has problems"));
  }

  /**
   * The server's configuration as Quarkus will read it: system properties, the environment, {@code
   * config/application.properties} of the working directory and the packaged {@code
   * application.properties}, under the profile given by {@code quarkus.profile}.
   */
  static SmallRyeConfig config() throws IOException {
    String profile =
        System.getProperty(
            "quarkus.profile",
            Optional.ofNullable(System.getenv("QUARKUS_PROFILE")).orElse("prod"));
    // System properties, the environment and .env, but not the default class-path sources: their
    // search opens the runner jar (36,000 entries) as a zip file system (~70 ms of every start),
    // only to find the application.properties added below.
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder().addSystemSources().addDefaultInterceptors();
    builder.withProfile(profile);
    URL packaged = EarlyRecovery.class.getClassLoader().getResource("application.properties");
    if (packaged != null) {
      builder.withSources(new PropertiesConfigSource(packaged, 250));
    }
    Path local = Path.of("config", "application.properties");
    if (Files.isRegularFile(local)) {
      builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
    }
    return builder.build();
  }

  private static Connection connect(SmallRyeConfig config) throws SQLException {
    String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
    if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("IFEXISTS")) {
      // A first start has no database yet: this must not create one (Flyway does, at boot).
      url += ";IFEXISTS=TRUE";
    }
    int timeout = DriverManager.getLoginTimeout();
    DriverManager.setLoginTimeout(5);
    try {
      return DriverManager.getConnection(
          url,
          config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
          config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    } finally {
      DriverManager.setLoginTimeout(timeout);
    }
  }

  /**
   * One connection for every statement, closed once at the end: reopening an embedded H2 file per
   * statement would cost more than the recovery itself.
   */
  static DataSource singleConnection(Connection connection) {
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(connection, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return kept;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
