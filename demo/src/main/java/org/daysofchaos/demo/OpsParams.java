package org.daysofchaos.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The parameters of one ops request, from its query string and its form body alike (the ops page
 * posts forms; {@code curl -XPOST '...?to=replica'} uses the query), with checks whose messages
 * name the parameter, the allowed values and what was given.
 */
final class OpsParams {
  static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
  static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  /** A request the ops API refuses, with the reason for the caller. */
  static final class BadRequest extends Exception {
    BadRequest(String message) {
      super(message);
    }
  }

  private final String endpoint;
  private final Map<String, String> values;

  private OpsParams(String endpoint, Map<String, String> values) {
    this.endpoint = endpoint;
    this.values = values;
  }

  /**
   * Parses {@code a=1&b=2} strings (raw, still URL-encoded) from the query and the body.
   *
   * @param endpoint "POST /ops/payment/failover", for messages
   * @throws BadRequest if a parameter is given twice
   */
  static OpsParams parse(String endpoint, String... encoded) throws BadRequest {
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : encoded) {
      if (part == null || part.isBlank()) {
        continue;
      }
      for (String pair : part.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (values.putIfAbsent(name, value) != null) {
          throw new BadRequest(endpoint + ": parameter '" + name + "' is given twice");
        }
      }
    }
    return new OpsParams(endpoint, values);
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /**
   * Refuses parameters the endpoint does not take, so that a typo ({@code dependancy=}) is not
   * silently ignored.
   */
  OpsParams allowOnly(String... names) throws BadRequest {
    Set<String> allowed = Set.of(names);
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw new BadRequest(
          endpoint
              + ": unknown parameter"
              + (unknown.size() > 1 ? "s " : " ")
              + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
              + "; "
              + (names.length == 0 ? "it takes none" : "allowed: " + String.join(", ", names)));
    }
    return this;
  }

  /** A required parameter whose value names a constant of {@code type}, in lower case. */
  <E extends Enum<E>> E choice(String name, Class<E> type) throws BadRequest {
    String choices =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(" or "));
    String value = required(name, choices);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    throw new BadRequest(endpoint + ": " + name + " must be " + choices + ", got '" + value + "'");
  }

  /** A required whole number of milliseconds within the timeouts booking accepts. */
  Duration millis(String name) throws BadRequest {
    String range = MIN_TIMEOUT.toMillis() + " to " + MAX_TIMEOUT.toMillis();
    String value = required(name, "milliseconds, " + range);
    long ms;
    try {
      ms = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequest(
          endpoint
              + ": "
              + name
              + " must be a whole number of milliseconds from "
              + range
              + ", got '"
              + value
              + "'");
    }
    if (ms < MIN_TIMEOUT.toMillis() || ms > MAX_TIMEOUT.toMillis()) {
      throw new BadRequest(
          endpoint + ": " + name + " must be from " + range + " milliseconds, got " + ms);
    }
    return Duration.ofMillis(ms);
  }

  private String required(String name, String expected) throws BadRequest {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new BadRequest(endpoint + ": parameter '" + name + "' is missing (" + expected + ")");
    }
    return value;
  }
}
