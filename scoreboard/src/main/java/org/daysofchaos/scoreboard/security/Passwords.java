package org.daysofchaos.scoreboard.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;

/** Password hashing (bcrypt, a maintained library), and random secrets for passwords and tokens. */
public final class Passwords {
  /** bcrypt's cost: about 50 ms per check on the 2-core machine of docs/benchmarks.md. */
  static final int COST = 10;

  /**
   * bcrypt's cost for a one-time password: its lowest. bcrypt is slow so that a copied hash of a
   * password a person chose takes long to guess; a one-time password is 16 random characters (about
   * 93 bits), which nobody guesses at any speed, as with the tokens' SHA-256 below. At full cost
   * the first start with the demo spent about 0.25 s hashing its four (ADR 0025).
   */
  static final int ONE_TIME_COST = 4;

  /**
   * Checked after a check against a hash below {@link #COST}, so that a sign-in takes as long
   * whatever the account's hash, and for a username that does not exist. A literal (bcrypt of
   * "not-a-password-of-anyone" at {@link #COST}; PasswordsTest checks both) rather than hashed at
   * class initialisation, which cost every server start ~90 ms of its critical path.
   */
  static final String DECOY_HASH = "$2a$10$PDK5VfndlF6AN7MfDJQXN.TgGOfmfYJZRXav.JY6v9ymdIyq2fW0e";

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 72; // bcrypt reads at most 72 bytes

  private static final SecureRandom RANDOM = new SecureRandom();
  // No look-alike characters: one-time passwords are read off a terminal and typed.
  private static final char[] ALPHABET =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private Passwords() {}

  /** The hash of a password a person chose. */
  public static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  /** The hash of a one-time password made by {@link #oneTime}; see {@link #ONE_TIME_COST}. */
  public static String hashOneTime(String password) {
    return BCrypt.withDefaults().hashToString(ONE_TIME_COST, password.toCharArray());
  }

  public static boolean matches(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    boolean ok = verify(password, hash);
    if (padded(hash)) {
      // The time of a sign-in must not tell which accounts still have their one-time password.
      verify(password, DECOY_HASH);
    }
    return ok;
  }

  private static boolean verify(String password, String hash) {
    return BCrypt.verifyer()
        .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  /** Whether a check against {@code hash} is followed by one as long as a full-cost check. */
  static boolean padded(String hash) {
    return cost(hash) < COST;
  }

  /** The cost a bcrypt hash names ({@code $2a$10$…}); {@link #COST} if it is not one. */
  static int cost(String hash) {
    try {
      return BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8)).cost;
    } catch (IllegalBCryptFormatException e) {
      return COST;
    }
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

  /**
   * Checks a new password; a clear message, naming the field, when it will not do. Besides its
   * length, a password must be hard to guess: nbvcxz (zxcvbn's approach: common passwords,
   * dictionary words, keyboard patterns, repeats, dates, leet speak) estimates the guesses it
   * takes, and the account's name and the product's count as already known.
   */
  public static void checkNew(String field, String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          field + ": at least " + MIN_LENGTH + " characters, please");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      throw new IllegalArgumentException(field + ": at most " + MAX_LENGTH + " bytes");
    }
    Result estimate = Strength.estimate(password, username);
    if (!estimate.isMinimumEntropyMet()) {
      Feedback feedback = estimate.getFeedback();
      StringBuilder why = new StringBuilder();
      if (feedback.getWarning() != null) {
        why.append(' ').append(feedback.getWarning());
      }
      feedback.getSuggestion().forEach(s -> why.append(' ').append(s));
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: too easy to guess (about 2^%.0f guesses, at least 2^%.0f needed).%s",
              field,
              estimate.getEntropy(),
              MIN_ENTROPY,
              why));
    }
  }

  static final double MIN_ENTROPY = 35;

  /** The estimator, built on first use: loading its dictionaries takes about a second. */
  private static final class Strength {
    private static final List<Dictionary> DICTIONARIES =
        ConfigurationBuilder.getDefaultDictionaries();

    static Result estimate(String password, String username) {
      DictionaryBuilder known =
          new DictionaryBuilder()
              .setDictionaryName("known to anyone")
              .setExclusion(true)
              .addWord("days of chaos", 0)
              .addWord("daysofchaos", 0)
              .addWord("chaos", 0);
      if (username != null && !username.isBlank()) {
        known.addWord(username.strip().toLowerCase(Locale.ROOT), 0);
      }
      List<Dictionary> dictionaries = new ArrayList<>(DICTIONARIES);
      dictionaries.add(known.createDictionary());
      Configuration configuration =
          new ConfigurationBuilder()
              .setDictionaries(dictionaries)
              .setMinimumEntropy(MIN_ENTROPY)
              .setLocale(Locale.ENGLISH)
              .createConfiguration();
      return new Nbvcxz(configuration).estimate(password);
    }
  }
}
