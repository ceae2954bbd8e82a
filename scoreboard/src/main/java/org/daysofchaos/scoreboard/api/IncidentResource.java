package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;
import org.daysofchaos.scoreboard.incident.IncidentEngine;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.JdbcLedger;
import org.daysofchaos.scoreboard.persistence.ScenarioStore;
import org.daysofchaos.scoreboard.report.DbReports;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;

/** Incidents: list them, read one with its journal and injections, fire one now, end a fault. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.GAME_MASTER)
public class IncidentResource {
  @Inject SecurityIdentity identity;
  @Inject IncidentStore incidents;
  @Inject IncidentEngine engine;
  @Inject ScenarioCatalog catalog;
  @Inject JdbcLedger ledger;
  @Inject AuditLog audit;
  @Inject DbReports reports;

  @GET
  public List<Incident> list(
      @QueryParam("gameDay") String gameDay,
      @QueryParam("state") Incident.State state,
      @QueryParam("limit") Integer limit) {
    return incidents.list(gameDay, state, limit == null ? 1000 : limit);
  }

  /** Fires a scenario now: {@code {"scenario": "demo/payment-latency"}}. */
  @POST
  public Response fire(Dto.FireRequest request) {
    if (request == null || request.scenario() == null) {
      throw new IllegalArgumentException("give the scenario to fire: {\"scenario\": \"id\"}");
    }
    ScenarioStore.Stored scenario =
        catalog
            .latest(request.scenario())
            .orElseThrow(() -> new NotFoundException("no scenario '" + request.scenario() + "'"));
    Incident incident =
        engine.fireNow(scenario.id(), scenario.sha256(), request.gameDay(), Caller.name(identity));
    return Response.status(201).entity(incidents.find(incident.id()).orElse(incident)).build();
  }

  @GET
  @Path("{id}")
  public Dto.IncidentDetail get(@PathParam("id") String id) {
    Incident incident =
        incidents.find(id).orElseThrow(() -> new NotFoundException("no incident '" + id + "'"));
    return new Dto.IncidentDetail(
        incident,
        reports.recoveryTime(incident).orElse(null),
        incidents.journal(id),
        ledger.ofIncident(id).stream().map(Dto.LedgerRow::of).toList());
  }

  /** Ends the fault of a running incident now (a normal end: revert, then measure recovery). */
  @POST
  @Path("{id}/end")
  public Response end(@PathParam("id") String id) {
    incidents.find(id).orElseThrow(() -> new NotFoundException("no incident '" + id + "'"));
    if (!engine.endFault(id, "ended by " + Caller.name(identity))) {
      throw new IllegalStateException("incident " + id + " is not running on this node");
    }
    audit.record(Caller.name(identity), "end-fault", "incident " + id, "the fault is ended now");
    return Response.accepted().build();
  }
}
