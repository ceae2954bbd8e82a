package org.daysofchaos.scoreboard.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * A bearer token looked up in the database, on a worker thread: accounts, alert senders and host
 * agents each have their tokens, and each provider only says whom a token stands for. A token that
 * a provider does not know is passed on (null) to the others; when none knows it, the request gets
 * a 401. Its methods are not final: the subclasses are normal-scoped beans, which CDI proxies.
 */
public abstract class BlockingTokenProvider
    implements IdentityProvider<TokenAuthenticationRequest> {

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String token = request.getToken().getToken();
    return context.runBlocking(() -> identify(token).orElse(null));
  }

  /** Whom {@code token} stands for, if this provider knows it (called off the event loop). */
  protected abstract Optional<SecurityIdentity> identify(String token);

  /** An identity with one role and one attribute, as alert senders and agents have. */
  protected static SecurityIdentity identity(
      String principal, String role, String attribute, Object value) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(principal))
        .addRole(role)
        .addAttribute(attribute, value)
        .build();
  }
}
