package org.daysofchaos.scoreboard.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The anti-forgery token of a web session: derived from the session token, so nothing is stored, it
 * changes with every session, and only a page of this server can read it (from {@code GET
 * /api/auth/csrf}; the session cookie itself is HttpOnly). A page on another port of the same host
 * gets the cookie sent along (cookies ignore ports) but can read neither the cookie nor the token.
 */
public final class CsrfTokens {
  /** The header the pages send it in. */
  public static final String HEADER = "X-CSRF-Token";

  private CsrfTokens() {}

  /** The token of the session whose cookie holds {@code sessionToken}. */
  public static String of(String sessionToken) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(("csrf\u0000" + sessionToken).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** True when {@code presented} is the session's token (compared in constant time). */
  public static boolean matches(String sessionToken, String presented) {
    if (sessionToken == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        of(sessionToken).getBytes(StandardCharsets.UTF_8),
        presented.strip().getBytes(StandardCharsets.UTF_8));
  }
}
