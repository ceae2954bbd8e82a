package org.daysofchaos.scoreboard.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.StorageLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the alert store and intake into CDI, lazily like the other stores (PersistenceBeans). */
@ApplicationScoped
public class AlertBeans {
  private static final Logger LOG = LoggerFactory.getLogger(AlertBeans.class);

  @Produces
  @Singleton
  AlertStore alertStore(Db db) {
    return new AlertStore(db);
  }

  @Produces
  @Singleton
  AlertSenders alertSenders(Db db, AuditLog audit, Clock clock, GameDays gameDays) {
    return new AlertSenders(
        db, audit, clock, (day, team) -> gameDays.teams(day).stream().anyMatch(team::equals));
  }

  @Produces
  @Singleton
  AlertIntake alertIntake(
      AlertStore store, IncidentStore incidents, ScenarioCatalog catalog, Clock clock) {
    return new AlertIntake(
        store,
        incidents,
        incident -> expectedAlerts(catalog, incident),
        clock,
        StorageLimits.DEFAULTS);
  }

  /** The alerts the version of the scenario an incident runs names; none if it cannot be read. */
  private static List<String> expectedAlerts(ScenarioCatalog catalog, Incident incident) {
    try {
      return catalog
          .scenario(incident.scenarioId(), incident.scenarioSha256())
          .detection()
          .alerts();
    } catch (IllegalStateException e) {
      LOG.warn("alerts cannot match incident {}: {}", incident.id(), e.getMessage());
      return List.of();
    }
  }
}
