package org.daysofchaos.agents.environment;

/**
 * A secret that cannot be found, with a message that says where it was written and what is wrong
 * ({@code env.yaml:7:12: prometheus.main.bearer.fromEnv: the variable PROM_TOKEN is not set}), and
 * never the secret.
 */
public final class SecretException extends RuntimeException {
  public SecretException(String message) {
    super(message, null, false, false);
  }
}
