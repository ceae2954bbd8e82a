package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.daysofchaos.scoreboard.gameday.GameDayFiles;
import org.daysofchaos.scoreboard.halt.HaltState;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.HaltStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.daysofchaos.scoreboard.persistence.NodeId;
import org.daysofchaos.scoreboard.safety.HaltSwitch;
import org.daysofchaos.scoreboard.schedule.Schedule;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;

/** Status, halt-all, the ledger and the audit log. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GAME_MASTER)
public class ServerResource {
  @Inject SecurityIdentity identity;
  static final String VERSION = "0.1.0-SNAPSHOT";

  @Inject HaltSwitch halt;
  @Inject HaltState haltState;
  @Inject IncidentEngine engine;
  @Inject JdbcLedger ledger;
  @Inject AuditLog audit;
  @Inject Schedule schedule;
  @Inject NodeId node;
  @Inject GameDayFiles gameDayFiles;

  @GET
  @Path("status")
  @RolesAllowed({Roles.GAME_MASTER, Roles.PLAYER, Roles.VIEWER})
  public Dto.Status status() {
    boolean gameMaster = identity.hasRole(Roles.GAME_MASTER);
    return new Dto.Status(
        node.id(),
        VERSION,
        haltState.current().halted(),
        gameMaster ? engine.runningCount() : null,
        gameMaster ? ledger.countOpen() : null,
        gameMaster ? schedule.pendingTriggers() : null,
        engine.openSince().orElse(null),
        gameMaster ? gameDayFiles.notices() : null);
  }

  @GET
  @Path("halt")
  public HaltStore.State haltState() {
    return haltState.current();
  }

  /** Halt-all: reverts every active injection and blocks new ones until released. */
  @POST
  @Path("halt")
  public HaltSwitch.Result halt(Dto.HaltRequest request) {
    return halt.halt(Caller.name(identity), request == null ? null : request.reason());
  }

  @POST
  @Path("halt/release")
  public HaltStore.State release() {
    return halt.release(Caller.name(identity));
  }

  @GET
  @Path("ledger")
  public List<Dto.LedgerRow> ledger(
      @QueryParam("open") boolean open, @QueryParam("limit") Integer limit) {
    List<JdbcLedger.Row> rows =
        open ? ledger.openRows() : ledger.recent(limit == null ? 200 : limit);
    return rows.stream().map(Dto.LedgerRow::of).toList();
  }

  @GET
  @Path("audit")
  public List<AuditLog.Entry> audit(
      @QueryParam("limit") Integer limit, @QueryParam("action") String action) {
    return audit.recent(limit == null ? 200 : limit, action);
  }
}
