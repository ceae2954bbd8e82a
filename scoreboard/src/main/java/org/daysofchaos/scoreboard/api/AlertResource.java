package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Map;
import org.daysofchaos.scoreboard.alerts.AlertIntake;
import org.daysofchaos.scoreboard.alerts.AlertSenderIdentityProvider;
import org.daysofchaos.scoreboard.alerts.AlertSenders;
import org.daysofchaos.scoreboard.alerts.AlertSource;
import org.daysofchaos.scoreboard.alerts.AlertStore;
import org.daysofchaos.scoreboard.alerts.WebhookPayload;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The Alertmanager-compatible webhook, the senders allowed to call it, and what it recorded.
 * Register an Alertmanager ({@code POST /api/alerts/senders}), then point its {@code
 * webhook_configs} at {@code POST /api/alerts} with the sender's token (docs/alerting.md).
 */
@Path("/api/alerts")
@RolesAllowed(Roles.GAME_MASTER)
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
  @Inject SecurityIdentity identity;
  @Inject AlertIntake intake;
  @Inject AlertStore store;
  @Inject IncidentStore incidents;
  @Inject AlertSenders senders;

  /** What was recorded for one incident: its first alert overall and per team, and every alert. */
  public record IncidentView(
      String incidentId,
      AlertStore.FirstAlert first,
      Map<String, AlertStore.FirstAlert> firstByTeam,
      List<AlertStore.StoredAlert> alerts) {}

  /**
   * Receives Alertmanager's webhook payload (version 4), as JSON (Alertmanager sends {@code
   * application/json}). Only a registered alert sender may post, with its own token: its alerts
   * count for its team, or for no team (the game's own monitoring). A player's or a game master's
   * token is refused, so a team cannot forge its own-alerting bonus.
   */
  @POST
  @RolesAllowed(Roles.ALERT_SENDER)
  public AlertIntake.Outcome receive(String body) {
    AlertSource source = identity.getAttribute(AlertSenderIdentityProvider.SOURCE);
    return intake.receive(WebhookPayload.parse(body), source);
  }

  /** A new alert sender: {@code {"name": …, "gameDay": …, "team": …}} (both or neither). */
  public record NewSender(String name, String gameDay, String team) {}

  /**
   * {@code POST /api/alerts/senders}: registers an Alertmanager; its token is in this answer only.
   */
  @POST
  @Path("senders")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(NewSender request) {
    if (request == null) {
      throw new IllegalArgumentException(
          "give {\"name\": …, \"gameDay\": …, \"team\": …} (gameDay and team for a team's"
              + " Alertmanager)");
    }
    AlertSenders.Registered registered =
        senders.register(
            request.name(),
            blankToNull(request.gameDay()),
            blankToNull(request.team()),
            Caller.name(identity));
    return Response.status(201).entity(registered).build();
  }

  @GET
  @Path("senders")
  public List<AlertSenders.Sender> senders() {
    return senders.list();
  }

  /** Revokes a sender's token: it can post no more. */
  @DELETE
  @Path("senders/{name}")
  public Response revoke(@PathParam("name") String name) {
    senders.revoke(name, Caller.name(identity));
    return Response.noContent().build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** {@code GET /api/alerts?incident=ID}: the alerts that matched one incident. */
  @GET
  public IncidentView ofIncident(@QueryParam("incident") String incidentId) {
    if (incidentId == null || incidentId.isBlank()) {
      throw new IllegalArgumentException(
          "name the incident: /api/alerts?incident=ID (or /api/alerts/first?gameDay=ID)");
    }
    if (incidents.find(incidentId).isEmpty()) {
      throw new NotFoundException("no incident '" + incidentId + "'");
    }
    AlertStore.IncidentAlerts first = store.firstAlertsOfIncident(incidentId).orElse(null);
    return new IncidentView(
        incidentId,
        first == null ? null : first.first(),
        first == null ? Map.of() : first.byTeam(),
        store.ofIncident(incidentId));
  }

  /** {@code GET /api/alerts/first?gameDay=ID}: the first alert of each incident of a game day. */
  @GET
  @Path("first")
  public Map<String, AlertStore.IncidentAlerts> first(@QueryParam("gameDay") String gameDayId) {
    if (gameDayId == null || gameDayId.isBlank()) {
      throw new IllegalArgumentException("name the game day: /api/alerts/first?gameDay=ID");
    }
    return store.firstAlerts(gameDayId);
  }

  /** {@code GET /api/alerts/unmatched}: recent alerts that matched no incident, newest first. */
  @GET
  @Path("unmatched")
  public List<AlertStore.StoredAlert> unmatched(@QueryParam("limit") Integer limit) {
    return store.unmatched(limit == null ? 100 : limit);
  }

  @ServerExceptionMapper
  public Response malformed(WebhookPayload.Malformed e) {
    return Response.status(400)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiErrors.Error(e.getMessage(), List.of()))
        .build();
  }
}
