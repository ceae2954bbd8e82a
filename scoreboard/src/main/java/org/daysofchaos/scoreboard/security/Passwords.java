package org.daysofchaos.scoreboard.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Password hashing (bcrypt, a maintained library), and random secrets for passwords and tokens. */
public final class Passwords {
  /** bcrypt's cost: about 50 ms per check on the 2-core machine of docs/benchmarks.md. */
  static final int COST = 10;

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 72; // bcrypt reads at most 72 bytes

  private static final SecureRandom RANDOM = new SecureRandom();
  // No look-alike characters: one-time passwords are read off a terminal and typed.
  private static final char[] ALPHABET =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private Passwords() {}

  public static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  public static boolean matches(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** A new one-time password: 16 characters, about 93 bits. */
  public static String oneTime() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }

  /** A new session or API token: 32 random bytes, URL-safe. */
  public static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "doc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What the database keeps of a token: its SHA-256, so a leaked table opens no session. */
  public static String tokenHash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Checks a new password; a clear message when it will not do. */
  public static void checkNew(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "password: at least " + MIN_LENGTH + " characters, please");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      throw new IllegalArgumentException("password: at most " + MAX_LENGTH + " bytes");
    }
  }
}
