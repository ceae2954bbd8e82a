package org.daysofchaos.chaostoolkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${name}} replaced by the configuration's or the secrets' value, as Chaos Toolkit does it:
 * a string that is exactly one {@code ${name}} takes the value with its type (a number stays a
 * number, a list a list); inside a longer string the value is written as text; a name that is known
 * nowhere is left as written ({@code $$} is a literal {@code $}). Maps and lists are substituted
 * all through.
 */
public final class Substitution {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$(?:(\\$)|\\{([_a-zA-Z][_a-zA-Z0-9]*)\\}|([_a-zA-Z][_a-zA-Z0-9]*))");

  private final Map<String, Object> values;

  /**
   * The configuration first, then each scope of secrets (a name in both is the configuration's).
   */
  public Substitution(Map<String, Object> configuration, Map<String, Map<String, Object>> secrets) {
    Map<String, Object> all = new LinkedHashMap<>();
    secrets.values().forEach(all::putAll);
    all.putAll(configuration);
    this.values = all;
  }

  public Object apply(Object value) {
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), apply(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(apply(v)));
      return out;
    }
    return value;
  }

  private Object string(String text) {
    Matcher whole = PLACEHOLDER.matcher(text);
    if (whole.matches() && whole.group(1) == null) {
      String name = whole.group(2) != null ? whole.group(2) : whole.group(3);
      if (values.containsKey(name)) {
        return values.get(name);
      }
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2) != null ? m.group(2) : m.group(3);
      String replacement;
      if (m.group(1) != null) {
        replacement = "$";
      } else if (values.containsKey(name)) {
        replacement = text(values.get(name));
      } else {
        replacement = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A value as Python's str() writes it inside a string (True, None), close enough for URLs. */
  private static String text(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return String.valueOf(value);
  }
}
