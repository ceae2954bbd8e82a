package org.daysofchaos.scoreboard.notify.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.daysofchaos.core.gameday.Notification;

/** Reads a secret where a game day or the configuration says it is kept, when it is needed. */
public final class Secrets {
  private final UnaryOperator<String> env;

  /** {@code env} reads an environment variable ({@code System::getenv} outside tests). */
  public Secrets(UnaryOperator<String> env) {
    this.env = env;
  }

  /**
   * The secret, without surrounding white space.
   *
   * @throws Unavailable naming where it was looked for, never what was found
   */
  public String read(Notification.Secret secret) {
    String value;
    if (secret.env().isPresent()) {
      value = env.apply(secret.env().get());
    } else {
      try {
        value = Files.readString(Path.of(secret.file().orElseThrow()), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new Unavailable(
            secret.describe() + " cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (value == null || value.isBlank()) {
      throw new Unavailable(secret.describe() + " is not set or empty");
    }
    return value.strip();
  }

  /** A secret that could not be read: the message says where it was looked for. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }
}
