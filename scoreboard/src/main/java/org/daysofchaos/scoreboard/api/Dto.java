package org.daysofchaos.scoreboard.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.scoreboard.persistence.GameDayStore;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;

/** The JSON shapes of the API (docs/server.md). */
public final class Dto {
  private Dto() {}

  /**
   * The server's status. The counts are the game master's only (null for anyone else): that an
   * incident runs is what teams must find out for themselves.
   *
   * @param notices what a game master should know about this start (a game-day file that changed
   *     while its game day runs, not applied); null for anyone else
   */
  public record Status(
      String node,
      String version,
      boolean halted,
      Integer runningIncidents,
      Long openInjections,
      Integer pendingTriggers,
      Instant acceptingSince,
      List<String> notices) {}

  public record HaltRequest(String reason) {}

  public record ScenarioInfo(
      String id, String title, String sha256, String source, Instant loadedAt) {}

  public record GameDayInfo(
      String id,
      String name,
      String state,
      String source,
      Instant loadedAt,
      Instant startedAt,
      Instant opensAt,
      Instant closesAt,
      Instant pausedAt,
      Instant resumedAt,
      Instant endedAt,
      List<String> teams,
      List<GameDayStore.SlotRow> scenarios,
      List<Incident> incidents) {

    static GameDayInfo of(
        GameDayStore.Row row,
        List<String> teams,
        List<GameDayStore.SlotRow> slots,
        List<Incident> incidents) {
      return new GameDayInfo(
          row.id(),
          row.name(),
          row.state().name(),
          row.source(),
          row.loadedAt(),
          row.startedAt(),
          row.opensAt(),
          row.closesAt(),
          row.pausedAt(),
          row.resumedAt(),
          row.endedAt(),
          teams,
          slots,
          incidents);
    }
  }

  public record FireRequest(String scenario, String gameDay) {}

  public record LedgerRow(
      String injectionId,
      String incidentId,
      String runId,
      String scenarioId,
      String kind,
      String target,
      String description,
      String state,
      Map<String, String> revertRecord,
      Instant expiresAt,
      Instant updatedAt,
      String node) {
    static LedgerRow of(JdbcLedger.Row row) {
      var e = row.entry();
      return new LedgerRow(
          e.injectionId(),
          row.incidentId(),
          e.runId(),
          e.scenarioId(),
          e.kind(),
          e.target(),
          e.description(),
          e.state().name(),
          e.revertRecord().data(),
          e.expiresAt(),
          e.updatedAt(),
          row.nodeId());
    }
  }

  /**
   * One incident with its journal and injections.
   *
   * @param recoveryTime how long its recovery took, and which time that is: {@code SELF_HEALING}
   *     from the end of a time-boxed fault, {@code TIME_TO_RESTORE} from an until-fixed incident's
   *     injection (the incident's {@code recoveryMillis} always counts from the injection); null
   *     when there is none to count
   */
  public record IncidentDetail(
      Incident incident,
      RecoveryTime recoveryTime,
      List<JournalEvent> journal,
      List<LedgerRow> injections) {}
}
