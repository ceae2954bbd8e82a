package org.daysofchaos.scoreboard.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Turns a session or API token into the account's identity, looked up in the database on a worker
 * thread. An account that still has its one-time password gets no role: it can only change it.
 */
@ApplicationScoped
public class TokenIdentityProvider extends BlockingTokenProvider {
  /** The identity attribute that holds the {@link Account}. */
  public static final String ACCOUNT = "daysofchaos.account";

  @Inject Instance<Accounts> accounts;

  @Override
  protected Optional<SecurityIdentity> identify(String token) {
    return accounts.get().identify(token).map(TokenIdentityProvider::identity);
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
