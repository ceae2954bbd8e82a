package org.daysofchaos.scoreboard.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Turns a session or API token into the account's identity, looked up in the database on a worker
 * thread. An account that still has its one-time password gets no role: it can only change it.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The identity attribute that holds the {@link Account}. */
  public static final String ACCOUNT = "daysofchaos.account";

  @Inject Instance<Accounts> accounts;

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String token = request.getToken().getToken();
    // An unknown token is passed on (null) to the other providers (the scrape token's); when none
    // knows it, the authentication fails.
    return context.runBlocking(
        () -> accounts.get().identify(token).map(TokenIdentityProvider::identity).orElse(null));
  }

  static SecurityIdentity identity(Account account) {
    QuarkusSecurityIdentity.Builder identity =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(account.username()))
            .addAttribute(ACCOUNT, account);
    if (!account.mustChangePassword()) {
      identity.addRole(account.role().roleName());
    }
    return identity.build();
  }
}
