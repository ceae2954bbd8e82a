package org.daysofchaos.scoreboard.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.daysofchaos.scoreboard.security.CsrfTokens;
import org.daysofchaos.scoreboard.security.TokenAuthMechanism;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Applies the {@link CrossSite} checks to every request of the REST API and the pages. */
public class RequestGuard {
  private final CrossSite checks;

  RequestGuard(
      @ConfigProperty(name = "chaos.security.allowed-origins") Optional<List<String>> origins) {
    this.checks = new CrossSite(origins.orElse(List.of()));
  }

  @ServerRequestFilter(preMatching = true)
  public Optional<Response> guard(ContainerRequestContext request) {
    if (!CrossSite.changesState(request.getMethod())) {
      return Optional.empty();
    }
    return checks
        .check(describe(request))
        .map(
            r ->
                Response.status(r.status())
                    .type("application/json")
                    .entity(new ApiErrors.Error(r.message(), List.of()))
                    .build());
  }

  private static CrossSite.Request describe(ContainerRequestContext request) {
    String authorization = request.getHeaderString("Authorization");
    boolean bearer =
        authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ");
    Cookie cookie = request.getCookies().get(TokenAuthMechanism.COOKIE);
    boolean signedInByCookie =
        !bearer
            && cookie != null
            && !cookie.getValue().isBlank()
            && request.getSecurityContext().getUserPrincipal() != null;
    String length = request.getHeaderString("Content-Length");
    boolean hasBody =
        request.getHeaderString("Transfer-Encoding") != null
            || (length != null && !length.strip().equals("0"));
    // The address the client called, as the server read it from Host (or HTTP/2's :authority).
    URI called = request.getUriInfo().getRequestUri();
    return new CrossSite.Request(
        request.getMethod(),
        called.getRawPath(),
        called.getScheme(),
        called.getRawAuthority(),
        request.getHeaderString("Origin"),
        request.getHeaderString("Sec-Fetch-Site"),
        request.getHeaderString("Content-Type"),
        hasBody,
        signedInByCookie ? cookie.getValue() : null,
        request.getHeaderString(CsrfTokens.HEADER));
  }
}
