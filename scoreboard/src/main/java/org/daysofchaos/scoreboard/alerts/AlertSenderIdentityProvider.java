package org.daysofchaos.scoreboard.alerts;

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
import org.daysofchaos.scoreboard.security.Roles;

/**
 * Turns an alert sender's token into its identity: role {@link Roles#ALERT_SENDER}, with the
 * sender's {@link AlertSource} as an attribute. A token it does not know is passed on (null) to the
 * other providers (accounts, the scrape token).
 */
@ApplicationScoped
public class AlertSenderIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The identity attribute that holds the sender's {@link AlertSource}. */
  public static final String SOURCE = "daysofchaos.alert-source";

  @Inject Instance<AlertSenders> senders;

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String token = request.getToken().getToken();
    return context.runBlocking(
        () ->
            senders
                .get()
                .identify(token)
                .map(
                    s ->
                        (SecurityIdentity)
                            QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal(s.source().actor()))
                                .addRole(Roles.ALERT_SENDER)
                                .addAttribute(SOURCE, s.source())
                                .build())
                .orElse(null));
  }
}
