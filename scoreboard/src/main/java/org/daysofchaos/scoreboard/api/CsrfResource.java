package org.daysofchaos.scoreboard.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.daysofchaos.scoreboard.security.CsrfTokens;
import org.daysofchaos.scoreboard.security.TokenAuthMechanism;

/**
 * The anti-forgery token of the caller's web session, for the pages' scripts to send in {@code
 * X-CSRF-Token} with every state-changing call. Another origin cannot read this answer (no CORS);
 * an API token needs no such token.
 */
@Path("/api/auth/csrf")
@Produces(MediaType.APPLICATION_JSON)
public class CsrfResource {
  /** The token, and the header to send it in. */
  public record Csrf(String header, String token) {}

  @GET
  @Authenticated
  public Csrf token(@CookieParam(TokenAuthMechanism.COOKIE) String session) {
    if (session == null || session.isBlank()) {
      throw new IllegalArgumentException(
          "no web session: a call with an API token needs no anti-forgery token");
    }
    return new Csrf(CsrfTokens.HEADER, CsrfTokens.of(session));
  }
}
