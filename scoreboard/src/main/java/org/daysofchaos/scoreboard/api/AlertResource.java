package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.daysofchaos.scoreboard.alerts.AlertIntake;
import org.daysofchaos.scoreboard.alerts.AlertSource;
import org.daysofchaos.scoreboard.alerts.AlertStore;
import org.daysofchaos.scoreboard.alerts.WebhookPayload;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.security.Account;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Role;
import org.daysofchaos.scoreboard.security.Roles;
import org.daysofchaos.scoreboard.security.TokenIdentityProvider;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The Alertmanager-compatible webhook, and what it recorded. Point an Alertmanager's {@code
 * webhook_configs} at {@code POST /api/alerts} (docs/alerting.md).
 */
@Path("/api/alerts")
@RolesAllowed(Roles.GAME_MASTER)
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
  @Inject SecurityIdentity identity;
  @Inject AlertIntake intake;
  @Inject AlertStore store;
  @Inject IncidentStore incidents;

  /** What was recorded for one incident: its first alert overall and per team, and every alert. */
  public record IncidentView(
      String incidentId,
      AlertStore.FirstAlert first,
      Map<String, AlertStore.FirstAlert> firstByTeam,
      List<AlertStore.StoredAlert> alerts) {}

  /**
   * Receives Alertmanager's webhook payload (version 4), as JSON (Alertmanager sends {@code
   * application/json}; a hand-made {@code curl} needs {@code -H 'Content-Type: application/json'}).
   * A game master's token records the alert for no team (the game's own monitoring); a player's
   * token records it for the player's team (that team's alerting).
   */
  @POST
  @RolesAllowed({Roles.GAME_MASTER, Roles.PLAYER})
  public AlertIntake.Outcome receive(String body) {
    return intake.receive(WebhookPayload.parse(body), source());
  }

  /**
   * Who sends: a player's token makes the alerts its team's, in its game day; anyone else's count
   * for the incident only. Only game masters and players may send.
   */
  private AlertSource source() {
    if (identity == null || identity.isAnonymous()) {
      return AlertSource.anonymous(AuditLog.ANONYMOUS);
    }
    Account account = identity.getAttribute(TokenIdentityProvider.ACCOUNT);
    if (account == null || account.role() != Role.PLAYER || account.team() == null) {
      return AlertSource.anonymous(Caller.name(identity));
    }
    return new AlertSource(account.username(), account.team(), account.gameDayId());
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
