package org.daysofchaos.agents.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Prometheus text exposition format (version 0.0.4): samples only; comments, HELP
 * and TYPE lines are skipped. No maintained Java library parses this format (the Prometheus Java
 * client only writes it), and the format is small and stable.
 */
public final class PrometheusText {
  private PrometheusText() {}

  /**
   * @throws IllegalArgumentException naming the line that cannot be read
   */
  public static List<Sample> parse(String text) {
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        samples.add(parseLine(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not a sample: " + line, e);
      }
    }
    return samples;
  }

  private static Sample parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    String name;
    Map<String, String> labels = new LinkedHashMap<>();
    int rest;
    if (brace >= 0 && (space < 0 || brace < space)) {
      name = line.substring(0, brace);
      rest = parseLabels(line, brace + 1, labels);
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] valueAndTime = line.substring(rest).strip().split("\\s+");
    return new Sample(name, labels, parseValue(valueAndTime[0]));
  }

  /** Reads {@code a="x",b="y"}} from {@code from}; returns the index after the closing brace. */
  private static int parseLabels(String line, int from, Map<String, String> labels) {
    int i = from;
    while (true) {
      while (line.charAt(i) == ' ' || line.charAt(i) == ',') i++;
      if (line.charAt(i) == '}') {
        return i + 1;
      }
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq).strip();
      int q = line.indexOf('"', eq) + 1;
      StringBuilder value = new StringBuilder();
      int j = q;
      while (line.charAt(j) != '"') {
        if (line.charAt(j) == '\\') {
          value.append(line.charAt(j)).append(line.charAt(j + 1));
          j += 2;
        } else {
          value.append(line.charAt(j++));
        }
      }
      labels.put(key, unescape(value.toString()));
      i = j + 1;
    }
  }

  /** A sample value as Prometheus writes it, NaN and &plusmn;Inf included. */
  static double parseValue(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 'n' ? '\n' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
