package org.daysofchaos.agents.environment;

import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.spec.SpecException;

/** The checks the HTTP servers of an environment share. */
final class HttpAuth {
  private HttpAuth() {}

  static void atMostOne(Optional<Secret> bearer, Optional<BasicAuth> basic) {
    if (bearer.isPresent() && basic.isPresent()) {
      throw new SpecException("basic", "give bearer or basic, not both");
    }
  }

  static void positive(String field, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new SpecException(field, "must be longer than 0s");
    }
  }
}
