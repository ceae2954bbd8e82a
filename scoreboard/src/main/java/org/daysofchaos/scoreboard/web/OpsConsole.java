package org.daysofchaos.scoreboard.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.daysofchaos.scoreboard.security.Account;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;
import org.daysofchaos.scoreboard.targets.Targets;

/**
 * The ops console behind the server's sign-in (docs/demo.md, "The ops console"): players open
 * {@code /ops} here, signed in, and the server forwards each request to the console with the
 * console's token and the name and team of who pulls. The console itself answers nothing without
 * that token, so no other process or page can pull a lever.
 */
@Path("/ops")
@RolesAllowed({Roles.PLAYER, Roles.GAME_MASTER})
public class OpsConsole {
  /** The header the console logs each pull's author from (demo's OpsApi.ACTOR). */
  static final String ACTOR = "X-Ops-Actor";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject Targets targets;
  @Inject SecurityIdentity identity;
  @Context UriInfo uri;

  @GET
  public Response page() {
    return forward("GET", "", null, null);
  }

  @GET
  @Path("{rest: .+}")
  public Response get(@PathParam("rest") String rest) {
    return forward("GET", "/" + rest, null, null);
  }

  /** A lever: the form body (or none) as the page posted it. */
  @POST
  @Path("{rest: .+}")
  @Consumes(MediaType.WILDCARD)
  public Response post(
      @PathParam("rest") String rest, @HeaderParam("Content-Type") String type, String body) {
    return forward("POST", "/" + rest, type, body);
  }

  private Response forward(String method, String rest, String type, String body) {
    Targets.OpsUpstream upstream =
        targets
            .opsUpstream()
            .orElseThrow(() -> new NotFoundException("this server serves no ops console"));
    String query = uri.getRequestUri().getRawQuery();
    URI target =
        URI.create(
            upstream.url().resolve("/ops").toString() + rest + (query == null ? "" : "?" + query));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + upstream.token())
            .header(ACTOR, actor());
    if (type != null) {
      request.header("Content-Type", type);
    }
    request.method(
        method,
        body == null || body.isEmpty()
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> answer =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return Response.status(answer.statusCode())
          .type(answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON))
          .header("Cache-Control", "no-store")
          .entity(answer.body())
          .build();
    } catch (IOException e) {
      return Response.status(502)
          .type(MediaType.APPLICATION_JSON)
          .entity("{\"error\": \"the ops console does not answer\"}")
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.status(503).build();
    }
  }

  /** "blue-player (team blue)", or "gamemaster (game master)". */
  private String actor() {
    Account me = Caller.account(identity);
    return me.username() + (me.team() == null ? " (game master)" : " (team " + me.team() + ")");
  }
}
