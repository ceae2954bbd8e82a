package org.daysofchaos.scoreboard.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads who is calling: an API token in {@code Authorization: Bearer …}, or the web session's
 * cookie. A stale cookie counts as no session (the login page must still open); a bad Bearer token
 * is a 401.
 */
@ApplicationScoped
public class TokenAuthMechanism implements HttpAuthenticationMechanism {
  public static final String COOKIE = "chaos_session";
  private static final String BEARER = "Bearer ";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identities) {
    String header = context.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return identities.authenticate(request(header.substring(BEARER.length()).strip(), context));
    }
    Cookie cookie = context.request().getCookie(COOKIE);
    if (cookie != null && !cookie.getValue().isBlank()) {
      return identities
          .authenticate(request(cookie.getValue(), context))
          .onFailure()
          .recoverWithNull();
    }
    return Uni.createFrom().nullItem();
  }

  private static AuthenticationRequest request(String token, RoutingContext context) {
    return HttpSecurityUtils.setRoutingContextAttribute(
        new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), context);
  }

  /**
   * A browser asking for a page is sent to the sign-in page, which brings it back afterwards; an
   * API client gets a 401 with the scheme to use.
   */
  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    String accept = context.request().getHeader("Accept");
    String path = context.normalizedPath();
    if (accept != null && accept.contains("text/html") && !path.startsWith("/api/")) {
      String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
      return Uni.createFrom().item(new ChallengeData(303, "Location", "/login?next=" + next));
    }
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"days-of-chaos\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }
}
