package org.daysofchaos.chaostoolkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON paths tolerances use: {@code $}, {@code .name}, {@code ['name']}, {@code [n]}, {@code
 * [*]}, {@code .*}, {@code ..name} and one comparison filter {@code [?(@.field OP value)]} (OP one
 * of = == != &lt; &lt;= &gt; &gt;=). Anything else is refused when the experiment is read, rather
 * than guessed at when it runs.
 */
public final class JsonPath {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[A-Za-z_$][\\w$-]*");
  private static final Pattern FILTER =
      Pattern.compile("\\?\\(@((?:\\.[\\w-]+|\\[\\d+\\])+)\\s*(==|=|!=|<=|>=|<|>)\\s*(.+?)\\s*\\)");
  private static final Pattern FIELD_STEP = Pattern.compile("\\.([\\w-]+)|\\[(\\d+)\\]");

  private interface Step {
    void apply(Object node, List<Object> out);
  }

  private final String text;
  private final List<Step> steps;

  private JsonPath(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  public String text() {
    return text;
  }

  /**
   * @throws IllegalArgumentException naming what is not supported
   */
  public static JsonPath parse(String text) {
    String p = text.trim();
    if (!p.startsWith("$")) {
      throw new IllegalArgumentException("a JSON path starts with $, got '" + text + "'");
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < p.length()) {
      if (p.startsWith("..", i)) {
        Matcher m = NAME.matcher(p).region(i + 2, p.length());
        if (!m.lookingAt()) {
          throw unsupported(text, i);
        }
        String name = m.group();
        steps.add((node, out) -> deep(node, name, out));
        i = m.end();
      } else if (p.startsWith(".*", i)) {
        steps.add(JsonPath::children);
        i += 2;
      } else if (p.charAt(i) == '.') {
        Matcher m = NAME.matcher(p).region(i + 1, p.length());
        if (!m.lookingAt()) {
          throw unsupported(text, i);
        }
        String name = m.group();
        steps.add((node, out) -> field(node, name, out));
        i = m.end();
      } else if (p.charAt(i) == '[') {
        int end = closing(p, i);
        if (end < 0) {
          throw unsupported(text, i);
        }
        steps.add(bracket(p.substring(i + 1, end), text, i));
        i = end + 1;
      } else {
        throw unsupported(text, i);
      }
    }
    return new JsonPath(text, List.copyOf(steps));
  }

  private static int closing(String p, int open) {
    int depth = 0;
    for (int j = open; j < p.length(); j++) {
      char c = p.charAt(j);
      if (c == '[' || c == '(') {
        depth++;
      } else if ((c == ']' || c == ')') && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  private static Step bracket(String inside, String text, int at) {
    String s = inside.trim();
    if (s.equals("*")) {
      return JsonPath::children;
    }
    if (s.matches("-?\\d+")) {
      int index = Integer.parseInt(s);
      return (node, out) -> index(node, index, out);
    }
    if (s.matches("'[^']*'|\"[^\"]*\"")) {
      String name = s.substring(1, s.length() - 1);
      return (node, out) -> field(node, name, out);
    }
    Matcher m = FILTER.matcher(s);
    if (m.matches()) {
      List<Object> field = new ArrayList<>();
      Matcher f = FIELD_STEP.matcher(m.group(1));
      while (f.find()) {
        field.add(f.group(1) != null ? f.group(1) : (Object) Integer.valueOf(f.group(2)));
      }
      String op = m.group(2);
      Object value = literal(m.group(3));
      return (node, out) -> filter(node, field, op, value, out);
    }
    throw unsupported(text, at);
  }

  private static IllegalArgumentException unsupported(String text, int at) {
    return new IllegalArgumentException(
        "the JSON path '"
            + text
            + "' uses a form not supported at character "
            + (at + 1)
            + " (supported: $ .name ['name'] [n] [*] .* ..name [?(@.field OP value)])");
  }

  private static Object literal(String raw) {
    if (raw.matches("'[^']*'|\"[^\"]*\"")) {
      return raw.substring(1, raw.length() - 1);
    }
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.valueOf(raw);
    }
    try {
      return new BigDecimal(raw);
    } catch (NumberFormatException e) {
      return raw;
    }
  }

  public List<Object> select(Object root) {
    List<Object> current = new ArrayList<>();
    current.add(root);
    for (Step step : steps) {
      List<Object> next = new ArrayList<>();
      current.forEach(node -> step.apply(node, next));
      current = next;
    }
    return current;
  }

  private static void field(Object node, String name, List<Object> out) {
    if (node instanceof Map<?, ?> map && map.containsKey(name)) {
      out.add(map.get(name));
    }
  }

  private static void index(Object node, int index, List<Object> out) {
    if (node instanceof List<?> list) {
      int i = index < 0 ? list.size() + index : index;
      if (i >= 0 && i < list.size()) {
        out.add(list.get(i));
      }
    }
  }

  private static void children(Object node, List<Object> out) {
    if (node instanceof Map<?, ?> map) {
      out.addAll(map.values());
    } else if (node instanceof List<?> list) {
      out.addAll(list);
    }
  }

  private static void deep(Object node, String name, List<Object> out) {
    field(node, name, out);
    List<Object> kids = new ArrayList<>();
    children(node, kids);
    kids.forEach(kid -> deep(kid, name, out));
  }

  private static void filter(
      Object node, List<Object> field, String op, Object value, List<Object> out) {
    // On a list, the filter keeps the elements that pass; on an object, the object itself if it
    // passes (as jsonpath2, which Chaos Toolkit uses, reads $.result.*[?(...)]).
    List<Object> kids = new ArrayList<>();
    if (node instanceof List<?> list) {
      kids.addAll(list);
    } else if (node instanceof Map<?, ?>) {
      kids.add(node);
    }
    for (Object kid : kids) {
      Object v = kid;
      for (Object f : field) {
        if (f instanceof Integer i) {
          v = v instanceof List<?> l && i < l.size() ? l.get(i) : null;
        } else {
          v = v instanceof Map<?, ?> m ? m.get(f) : null;
        }
      }
      if (v != null && compare(v, op, value)) {
        out.add(kid);
      }
    }
  }

  private static boolean compare(Object a, String op, Object b) {
    if (op.equals("=") || op.equals("==")) {
      return equal(a, b);
    }
    if (op.equals("!=")) {
      return !equal(a, b);
    }
    if (!(a instanceof Number) || !(b instanceof Number)) {
      return false;
    }
    int c = new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(a, b);
  }

  /**
   * JSON text as plain values (maps, lists, strings, numbers, booleans, null).
   *
   * @throws IllegalArgumentException when it is not JSON
   */
  public static Object parseJson(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
  }
}
