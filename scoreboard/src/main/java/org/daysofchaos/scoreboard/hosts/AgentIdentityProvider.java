package org.daysofchaos.scoreboard.hosts;

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
 * Turns an agent's credential into its identity: role {@link Roles#AGENT} and nothing else, with
 * the agent's name as an attribute. A credential it does not know (or a revoked one) is passed on
 * (null) to the other providers, which refuse it as well: an unknown agent gets a 401.
 */
@ApplicationScoped
public class AgentIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The identity attribute that holds the agent's name. */
  public static final String AGENT = "daysofchaos.agent";

  @Inject Instance<AgentCredentials> credentials;

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
            credentials
                .get()
                .identify(token)
                .map(
                    name ->
                        (SecurityIdentity)
                            QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal("agent:" + name))
                                .addRole(Roles.AGENT)
                                .addAttribute(AGENT, name)
                                .build())
                .orElse(null));
  }
}
