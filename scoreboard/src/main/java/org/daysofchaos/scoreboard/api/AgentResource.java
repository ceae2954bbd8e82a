package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.daysofchaos.scoreboard.hosts.AgentCredentials;
import org.daysofchaos.scoreboard.hosts.AgentRegistry;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;

/**
 * The host agents, for game masters only: issue an agent's credential (shown once), list the agents
 * with their host, capabilities and last contact, and revoke a credential (docs/agent.md).
 */
@Path("/api/agents")
@RolesAllowed(Roles.GAME_MASTER)
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
  @Inject SecurityIdentity identity;
  @Inject AgentCredentials credentials;
  @Inject AgentRegistry registry;

  /** A new agent: {@code {"name": "web-1"}}. */
  public record NewAgent(String name) {}

  /**
   * An agent as listed: its credential's state and, once it has said hello to this node, what it
   * told.
   */
  public record AgentInfo(
      String name,
      boolean revoked,
      Instant issuedAt,
      String issuedBy,
      boolean connected,
      String host,
      String version,
      Instant lastContact,
      Map<String, String> capabilities,
      List<String> active) {}

  /** {@code POST /api/agents}: issues a credential; it is in this answer only. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(NewAgent request) {
    if (request == null) {
      throw new IllegalArgumentException("give {\"name\": …}, the agent's name (e.g. web-1)");
    }
    return Response.status(201)
        .entity(credentials.issue(request.name(), Caller.name(identity)))
        .build();
  }

  @GET
  public List<AgentInfo> list() {
    return credentials.list().stream().map(this::info).toList();
  }

  @GET
  @Path("{name}")
  public AgentInfo get(@PathParam("name") String name) {
    return info(
        credentials
            .find(name)
            .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no agent '" + name + "'")));
  }

  /** Revokes an agent's credential: it is refused from its next call on. */
  @DELETE
  @Path("{name}")
  public Response revoke(@PathParam("name") String name) {
    credentials.revoke(name, Caller.name(identity));
    return Response.noContent().build();
  }

  private AgentInfo info(AgentCredentials.Issued issued) {
    AgentRegistry.AgentView seen = registry.find(issued.name()).orElse(null);
    return new AgentInfo(
        issued.name(),
        issued.revoked(),
        issued.createdAt(),
        issued.createdBy(),
        seen != null && seen.connected(),
        seen == null ? null : seen.host(),
        seen == null ? null : seen.version(),
        seen == null ? null : seen.lastContact(),
        seen == null ? Map.of() : seen.capabilities(),
        seen == null ? List.of() : seen.active());
  }
}
