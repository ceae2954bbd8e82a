package org.daysofchaos.scoreboard.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.daysofchaos.scoreboard.alerts.AlertStore;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.play.PlayStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the reports into CDI, lazily like the other stores (PersistenceBeans). */
@ApplicationScoped
public class ReportBeans {
  /** The probe interval of every run: the resolution of a signal's or a recovery's time. */
  @ConfigProperty(name = "chaos.run.interval", defaultValue = "1s")
  Duration probeInterval;

  @Produces
  @Singleton
  NotesStore notesStore(Db db) {
    return new NotesStore(db);
  }

  @Produces
  @Singleton
  DbReports dbReports(
      GameDays gameDays,
      IncidentStore incidents,
      PlayStore playStore,
      ScenarioCatalog catalog,
      AlertStore alerts,
      NotesStore notes,
      Clock clock) {
    return new DbReports(
        gameDays, incidents, playStore, catalog, alerts, notes, clock, probeInterval);
  }

  @Produces
  @Singleton
  ReportPages reportPages() {
    return new ReportPages();
  }
}
