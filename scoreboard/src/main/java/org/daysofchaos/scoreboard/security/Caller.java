package org.daysofchaos.scoreboard.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.daysofchaos.scoreboard.persistence.AuditLog;

/** Who is calling, from the request's identity. */
public final class Caller {
  private Caller() {}

  /** The caller's account; an endpoint that allows roles has one. */
  public static Account account(SecurityIdentity identity) {
    Account account =
        identity == null ? null : identity.getAttribute(TokenIdentityProvider.ACCOUNT);
    if (account == null) {
      throw new IllegalStateException("this needs a signed-in account");
    }
    return account;
  }

  /** The name the audit log records. */
  public static String name(SecurityIdentity identity) {
    return identity == null || identity.isAnonymous()
        ? AuditLog.ANONYMOUS
        : identity.getPrincipal().getName();
  }
}
