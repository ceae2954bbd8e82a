package org.daysofchaos.chaostoolkit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.daysofchaos.chaostoolkit.internal.JsonPath;

/**
 * What a hypothesis probe's output must be, in each form Chaos Toolkit accepts. A number or a list
 * compares with the {@code status} of an HTTP or process output; the other forms may pick one field
 * of the output with {@code target}.
 */
public sealed interface Tolerance {

  /** Runs a probe used as a tolerance, with the tested value as its argument {@code value}. */
  @FunctionalInterface
  interface ProbeCall {
    Object call(Activity probe, Object value) throws Exception;
  }

  boolean accepts(Object output, ProbeCall probes);

  /** "== 200", "in [200, 204]", "matches 'ok'", for journals and imports. */
  String describe();

  /** A boolean, a string or a number: equal (a number also to the output's status). */
  record Value(Object expected) implements Tolerance {
    @Override
    public boolean accepts(Object output, ProbeCall probes) {
      if (expected instanceof Number
          && output instanceof Map<?, ?> map
          && map.containsKey("status")) {
        return Values.same(expected, map.get("status"));
      }
      return Values.same(expected, output);
    }

    @Override
    public String describe() {
      return "== " + expected;
    }
  }

  /**
   * A list: the output's status is one of them; otherwise a list of two is a range, inclusive
   * (Chaos Toolkit reads it so), and a longer one a set of accepted values.
   */
  record OneOf(List<Object> values) implements Tolerance {
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public boolean accepts(Object output, ProbeCall probes) {
      if (output instanceof Map<?, ?> map && map.containsKey("status")) {
        return values.stream().anyMatch(v -> Values.same(v, map.get("status")));
      }
      if (values.size() == 2) {
        Optional<BigDecimal> n = Values.number(output);
        Optional<BigDecimal> lo = Values.number(values.get(0));
        Optional<BigDecimal> hi = Values.number(values.get(1));
        if (n.isPresent() && lo.isPresent() && hi.isPresent()) {
          return lo.get().compareTo(n.get()) <= 0 && n.get().compareTo(hi.get()) <= 0;
        }
      }
      return values.stream().anyMatch(v -> Values.same(v, output));
    }

    @Override
    public String describe() {
      return "in " + values;
    }
  }

  /** {@code {type: range, range: [min, max], target?}}: a number within, inclusive. */
  record Range(BigDecimal min, BigDecimal max, Optional<String> target) implements Tolerance {
    @Override
    public boolean accepts(Object output, ProbeCall probes) {
      return Values.number(Values.target(output, target))
          .map(n -> min.compareTo(n) <= 0 && n.compareTo(max) <= 0)
          .orElse(false);
    }

    @Override
    public String describe() {
      return "within [" + min + ", " + max + "]" + target.map(t -> " (" + t + ")").orElse("");
    }
  }

  /** {@code {type: regex, pattern, target?}}: the pattern is found in the text. */
  record Regex(Pattern pattern, Optional<String> target) implements Tolerance {
    @Override
    public boolean accepts(Object output, ProbeCall probes) {
      Object value = Values.target(output, target);
      return value instanceof String text && pattern.matcher(text).find();
    }

    @Override
    public String describe() {
      return "matches '" + pattern.pattern() + "'" + target.map(t -> " (" + t + ")").orElse("");
    }
  }

  /**
   * {@code {type: jsonpath, path, target?, count?, expect?}}: the path matches something, exactly
   * {@code count} things, or exactly the values {@code expect}.
   */
  record Json(
      JsonPath path, Optional<String> target, Optional<Integer> count, Optional<Object> expect)
      implements Tolerance {
    @Override
    public boolean accepts(Object output, ProbeCall probes) {
      List<Object> found = path.select(Values.parsedJson(Values.target(output, target)));
      if (expect.isPresent()) {
        List<?> wanted = expect.get() instanceof List<?> l ? l : List.of(expect.get());
        return Values.sameList(found, wanted);
      }
      return count.map(c -> found.size() == c).orElse(!found.isEmpty());
    }

    @Override
    public String describe() {
      return "jsonpath "
          + path.text()
          + count.map(c -> " count " + c).orElse("")
          + expect.map(e -> " expect " + e).orElse("");
    }
  }

  /** {@code {type: probe, provider}}: another probe, given the value, answers true. */
  record Probe(Activity probe) implements Tolerance {
    @Override
    public boolean accepts(Object output, ProbeCall probes) {
      try {
        return Values.truthy(probes.call(probe, output));
      } catch (Exception e) {
        return false;
      }
    }

    @Override
    public String describe() {
      return "probe " + probe.provider().describe();
    }
  }

  /** Comparisons as Python makes them: 200 equals 200.0, true is not 1 here. */
  final class Values {
    private Values() {}

    static boolean same(Object a, Object b) {
      if (a instanceof Number && b instanceof Number) {
        return number(a).get().compareTo(number(b).get()) == 0;
      }
      return Objects.equals(a, b);
    }

    static boolean sameList(List<?> a, List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }

    static Optional<BigDecimal> number(Object value) {
      if (value instanceof Boolean) {
        return Optional.empty();
      }
      if (value instanceof Number || value instanceof String) {
        try {
          return Optional.of(new BigDecimal(value.toString().trim()));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }

    static Object target(Object output, Optional<String> target) {
      if (target.isPresent() && output instanceof Map<?, ?> map && map.containsKey(target.get())) {
        return map.get(target.get());
      }
      return output;
    }

    static Object parsedJson(Object value) {
      if (value instanceof String text) {
        try {
          return JsonPath.parseJson(text);
        } catch (IllegalArgumentException e) {
          return text;
        }
      }
      return value;
    }

    static boolean truthy(Object value) {
      if (value == null) {
        return false;
      }
      if (value instanceof Boolean b) {
        return b;
      }
      if (value instanceof Number n) {
        return n.doubleValue() != 0;
      }
      if (value instanceof String s) {
        return !s.isEmpty();
      }
      if (value instanceof java.util.Collection<?> c) {
        return !c.isEmpty();
      }
      return !(value instanceof Map<?, ?> m) || !m.isEmpty();
    }
  }
}
