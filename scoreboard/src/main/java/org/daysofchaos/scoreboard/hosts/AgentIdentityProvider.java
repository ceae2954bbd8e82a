package org.daysofchaos.scoreboard.hosts;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.daysofchaos.scoreboard.security.BlockingTokenProvider;
import org.daysofchaos.scoreboard.security.Roles;

/**
 * Turns an agent's credential into its identity: role {@link Roles#AGENT} and nothing else, with
 * the agent's name as an attribute. A credential it does not know (or a revoked one) is passed on
 * (null) to the other providers, which refuse it as well: an unknown agent gets a 401.
 */
@ApplicationScoped
public class AgentIdentityProvider extends BlockingTokenProvider {
  /** The identity attribute that holds the agent's name. */
  public static final String AGENT = "daysofchaos.agent";

  @Inject Instance<AgentCredentials> credentials;

  @Override
  protected Optional<SecurityIdentity> identify(String token) {
    return credentials
        .get()
        .identify(token)
        .map(name -> identity("agent:" + name, Roles.AGENT, AGENT, name));
  }
}
