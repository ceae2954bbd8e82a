package org.daysofchaos.scoreboard.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scrape token of {@code /q/metrics}: a Bearer token the game master configures ({@code
 * chaos.metrics.token}, or {@code chaos.metrics.token-file} naming a file that holds it) and gives
 * to the Prometheus that scrapes the server. It opens the metrics and nothing else (role {@link
 * Roles#METRICS_SCRAPER}). Any other token goes on to the accounts ({@link TokenIdentityProvider}).
 */
@ApplicationScoped
public class ScrapeTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The principal's name, in the audit log and the access checks. */
  public static final String PRINCIPAL = "metrics-scraper";

  private final Optional<byte[]> token;

  @Inject
  ScrapeTokenIdentityProvider(
      @ConfigProperty(name = "chaos.metrics.token") Optional<String> token,
      @ConfigProperty(name = "chaos.metrics.token-file") Optional<String> tokenFile) {
    this.token =
        token
            .or(() -> tokenFile.map(ScrapeTokenIdentityProvider::read))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .map(ScrapeTokenIdentityProvider::digest);
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String presented = request.getToken().getToken();
    boolean scraper = token.isPresent() && MessageDigest.isEqual(token.get(), digest(presented));
    if (!scraper) {
      return Uni.createFrom().nullItem();
    }
    return Uni.createFrom()
        .item(
            QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PRINCIPAL))
                .addRole(Roles.METRICS_SCRAPER)
                .build());
  }

  private static String read(String name) {
    Path file = Path.of(name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "chaos.metrics.token-file: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  // Compared as digests: equal lengths, so the comparison time says nothing about the token.
  private static byte[] digest(String text) {
    return Passwords.tokenHash(text).getBytes(StandardCharsets.US_ASCII);
  }
}
