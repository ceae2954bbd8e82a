package org.daysofchaos.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;

/** A scenario file's text with its {@code ${name}} variables in place, read as one scenario. */
final class ScenarioText {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

  private ScenarioText() {}

  /**
   * Replaces each {@code ${name}} by its value, or else by the system property of that name.
   *
   * @throws IllegalArgumentException naming every variable without a value, with its line
   */
  static String expand(String source, String text, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder sb = new StringBuilder();
    List<String> unknown = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      String value = variables.getOrDefault(name, System.getProperty(name));
      if (value == null) {
        unknown.add(source + ":" + line(text, m.start()) + ": no value for ${" + name + "}");
        value = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          String.join("\n", unknown)
              + "\n(give it with .variable(name, value); known: "
              + String.join(", ", variables.keySet())
              + ")");
    }
    return sb.toString();
  }

  /**
   * @throws IllegalArgumentException with every problem as {@code file:line:column: field:
   *     message}, or if the file holds more than one scenario
   */
  static Scenario read(String source, String text) {
    ReadResult read = new ScenarioReader(Catalog.standard()).read(source, text);
    if (!read.ok()) {
      throw new IllegalArgumentException(read.report());
    }
    if (read.scenarios().size() != 1) {
      throw new IllegalArgumentException(
          source + ": holds " + read.scenarios().size() + " scenarios; a test runs exactly one");
    }
    return read.scenarios().get(0);
  }

  private static int line(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
