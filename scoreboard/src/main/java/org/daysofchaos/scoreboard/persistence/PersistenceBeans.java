package org.daysofchaos.scoreboard.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the plain-Java persistence classes into CDI. Every bean here touches the database, so they
 * are created lazily: the command-line face never creates them (its datasource is inactive).
 */
@ApplicationScoped
public class PersistenceBeans {
  @ConfigProperty(name = "chaos.node.id")
  Optional<String> configuredNodeId;

  @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
  int httpPort;

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** This server's name: {@code chaos.node.id}, or HOST:PORT, stable across restarts. */
  @Produces
  @Singleton
  NodeId nodeId() {
    return NodeId.of(configuredNodeId, httpPort);
  }

  @Produces
  @Singleton
  Db db(Instance<AgroalDataSource> dataSource) {
    // Through Instance: the command-line face deactivates the datasource, and a direct
    // injection point would make Quarkus create it at start-up.
    return new Db(dataSource.get());
  }

  @Produces
  @Singleton
  JdbcLedger ledger(Db db, NodeId node) {
    return new JdbcLedger(db, node.id());
  }

  @Produces
  @Singleton
  AuditLog audit(Db db, Clock clock, NodeId node) {
    return new AuditLog(db, clock, node.id());
  }

  @Produces
  @Singleton
  IncidentStore incidents(Db db) {
    return new IncidentStore(db);
  }

  @Produces
  @Singleton
  GameDayStore gameDays(Db db) {
    return new GameDayStore(db);
  }

  @Produces
  @Singleton
  ScenarioStore scenarios(Db db) {
    return new ScenarioStore(db);
  }

  @Produces
  @Singleton
  HaltStore halts(Db db) {
    return new HaltStore(db);
  }

  @Produces
  @Singleton
  NodeStore nodes(Db db) {
    return new NodeStore(db);
  }
}
