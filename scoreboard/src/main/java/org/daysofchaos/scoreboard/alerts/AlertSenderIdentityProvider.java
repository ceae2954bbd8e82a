package org.daysofchaos.scoreboard.alerts;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.daysofchaos.scoreboard.security.BlockingTokenProvider;
import org.daysofchaos.scoreboard.security.Roles;

/**
 * Turns an alert sender's token into its identity: role {@link Roles#ALERT_SENDER}, with the
 * sender's {@link AlertSource} as an attribute. A token it does not know is passed on (null) to the
 * other providers (accounts, the scrape token).
 */
@ApplicationScoped
public class AlertSenderIdentityProvider extends BlockingTokenProvider {
  /** The identity attribute that holds the sender's {@link AlertSource}. */
  public static final String SOURCE = "daysofchaos.alert-source";

  @Inject Instance<AlertSenders> senders;

  @Override
  protected Optional<SecurityIdentity> identify(String token) {
    return senders
        .get()
        .identify(token)
        .map(s -> identity(s.source().actor(), Roles.ALERT_SENDER, SOURCE, s.source()));
  }
}
