package org.daysofchaos.scoreboard.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.daysofchaos.scoreboard.security.Account;
import org.daysofchaos.scoreboard.security.AccountStore;
import org.daysofchaos.scoreboard.security.Accounts;
import org.daysofchaos.scoreboard.security.Caller;
import org.daysofchaos.scoreboard.security.Roles;
import org.daysofchaos.scoreboard.security.TokenAuthMechanism;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signing in and out, one's own password, and API tokens. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
  @Inject Accounts accounts;
  @Inject SecurityIdentity identity;

  @ConfigProperty(name = "chaos.security.secure-cookie", defaultValue = "false")
  boolean secureCookie;

  public record Login(String username, String password) {}

  public record SignedIn(Account account, Instant expiresAt) {}

  public record PasswordChange(String currentPassword, String newPassword) {}

  public record TokenRequest(String label) {}

  /** Opens a web session: the answer sets an HttpOnly, SameSite=Strict cookie. */
  @POST
  @Path("login")
  @PermitAll
  public Response login(Login login, @Context HttpServerRequest request) {
    if (login == null) {
      throw new IllegalArgumentException("give {\"username\": …, \"password\": …}");
    }
    Accounts.Session session =
        accounts.login(login.username(), login.password(), clientAddress(request));
    return Response.ok(new SignedIn(session.account(), session.expiresAt()))
        .cookie(cookie(session.token(), Duration.between(Instant.now(), session.expiresAt())))
        .build();
  }

  @POST
  @Path("logout")
  @PermitAll
  public Response logout(@CookieParam(TokenAuthMechanism.COOKIE) String token) {
    if (token != null && !token.isBlank()) {
      accounts.logout(token);
    }
    return Response.noContent().cookie(cookie("", Duration.ZERO)).build();
  }

  /** Who I am; works with a one-time password too, so the page can ask to change it. */
  @GET
  @Path("me")
  @Authenticated
  public Account me() {
    return Caller.account(identity);
  }

  @POST
  @Path("password")
  @Authenticated
  public Response changePassword(PasswordChange change) {
    if (change == null) {
      throw new IllegalArgumentException("give {\"currentPassword\": …, \"newPassword\": …}");
    }
    accounts.changePassword(
        Caller.account(identity).username(), change.currentPassword(), change.newPassword());
    return Response.noContent().cookie(cookie("", Duration.ZERO)).build();
  }

  /**
   * A new API token for the caller (for scripts, the CLI and Alertmanager), shown once; it expires
   * after {@code chaos.security.api-token-lifetime} (30 days unless configured).
   */
  @POST
  @Path("tokens")
  @RolesAllowed({Roles.GAME_MASTER, Roles.PLAYER, Roles.VIEWER})
  public Response newToken(TokenRequest request) {
    String label = request == null ? null : request.label();
    Accounts.NewToken token = accounts.newApiToken(Caller.account(identity).username(), label);
    return Response.status(201).entity(token).build();
  }

  /** The caller's sessions and API tokens that still work: ids, labels and dates, no secret. */
  @GET
  @Path("tokens")
  @Authenticated
  public List<AccountStore.TokenInfo> tokens() {
    return accounts.tokens(Caller.account(identity).username());
  }

  /** Revokes one of the caller's own tokens (a session too, which signs that browser out). */
  @DELETE
  @Path("tokens/{id}")
  @Authenticated
  public Response revokeToken(@PathParam("id") String id) {
    accounts.revokeToken(Caller.account(identity).username(), id);
    return Response.noContent().build();
  }

  /**
   * The address the request came from: the peer's, or the forwarded one when the server is set to
   * trust its proxy's headers (docs/security.md, "Deploying behind TLS").
   */
  private static String clientAddress(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  private NewCookie cookie(String value, Duration maxAge) {
    return new NewCookie.Builder(TokenAuthMechanism.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(secureCookie)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge((int) Math.max(0, maxAge.toSeconds()))
        .build();
  }
}
