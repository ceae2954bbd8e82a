package org.daysofchaos.scoreboard.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.daysofchaos.agents.host.link.Wire;
import org.daysofchaos.scoreboard.hosts.AgentIdentityProvider;
import org.daysofchaos.scoreboard.hosts.AgentRegistry;
import org.daysofchaos.scoreboard.security.Roles;

/**
 * The host agents' link (docs/adr/0009-host-agent-protocol.md): {@code POST hello}, then {@code
 * POST poll} for as long as the agent runs. Only an agent's own credential opens it (role {@link
 * Roles#AGENT}); no account, however powerful, can pose as an agent, and an agent cannot call
 * anything else.
 */
@Path("/api/agent/v1")
@RolesAllowed(Roles.AGENT)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AgentLinkResource {
  @Inject SecurityIdentity identity;
  @Inject AgentRegistry registry;

  /**
   * An agent introduces itself; a hello under another name than its credential's is refused (401),
   * as the agent would then act for an agent it is not.
   */
  @POST
  @Path("hello")
  public Response hello(Wire.Hello hello) {
    String agent = identity.getAttribute(AgentIdentityProvider.AGENT);
    if (hello == null || hello.agent() == null) {
      throw new IllegalArgumentException("agent: a hello names its agent");
    }
    if (!agent.equals(hello.agent())) {
      return Response.status(401)
          .type(MediaType.APPLICATION_JSON)
          .entity(
              ApiErrors.Error.of(
                  "this credential is agent " + agent + "'s, not " + hello.agent() + "'s"))
          .build();
    }
    return Response.ok(registry.hello(agent, hello)).build();
  }

  /** The agent's results, answered with its orders once there are some, or after the wait. */
  @POST
  @Path("poll")
  public Wire.Orders poll(Wire.Poll poll) throws InterruptedException {
    String agent = identity.getAttribute(AgentIdentityProvider.AGENT);
    return registry.poll(agent, poll == null ? new Wire.Poll(List.of(), List.of()) : poll);
  }
}
