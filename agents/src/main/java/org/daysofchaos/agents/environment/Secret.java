package org.daysofchaos.agents.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.daysofchaos.core.binder.Notation;

/**
 * Where a secret comes from: an environment variable or a file, never the environment file itself
 * (a file that is committed, shared and pasted into tickets). It remembers where it was written, so
 * that a secret that cannot be found is reported at its line. Its text never appears in {@link
 * #toString()}, in a problem or in a log.
 */
@Notation(SecretNotation.class)
public final class Secret {
  /** Where a secret comes from. */
  public enum Origin {
    ENV,
    FILE
  }

  private final Origin origin;
  private final String reference;
  private final String where;

  Secret(Origin origin, String reference, String where) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.reference = Objects.requireNonNull(reference, "reference");
    this.where = Objects.requireNonNull(where, "where");
  }

  /** A secret held by an environment variable; {@code where} is how problems locate it. */
  public static Secret fromEnv(String variable, String where) {
    return new Secret(Origin.ENV, variable, where);
  }

  /** A secret held by a file (relative paths are against the environment file's folder). */
  public static Secret fromFile(String file, String where) {
    return new Secret(Origin.FILE, file, where);
  }

  public Origin origin() {
    return origin;
  }

  /** The variable's name or the file's path, as written: never the secret. */
  public String reference() {
    return reference;
  }

  /**
   * The secret's text, without a trailing newline (files written with echo have one).
   *
   * @throws SecretException naming where the secret was written when it cannot be found
   */
  public String reveal(Secrets secrets) {
    String value =
        origin == Origin.ENV
            ? secrets.variable(reference)
            : read(secrets.base().resolve(reference));
    if (value == null) {
      throw new SecretException(where + ".fromEnv: the variable " + reference + " is not set");
    }
    String text = value.strip();
    if (text.isEmpty()) {
      throw new SecretException(
          where
              + "."
              + key()
              + ": "
              + (origin == Origin.ENV ? "the variable " : "the file ")
              + reference
              + " is empty");
    }
    return text;
  }

  private String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new SecretException(where + ".fromFile: cannot read " + file + " (" + reason(e) + ")");
    }
  }

  private static String reason(Exception e) {
    return e instanceof java.nio.file.NoSuchFileException
        ? "no such file"
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
  }

  private String key() {
    return origin == Origin.ENV ? "fromEnv" : "fromFile";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.origin == origin && s.reference.equals(reference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, reference);
  }

  @Override
  public String toString() {
    return "{" + key() + ": " + reference + "}";
  }
}
