package org.daysofchaos.agents.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series selector with exact label matches, {@code name{label="value",...}}: the part of PromQL a
 * direct scrape can answer.
 */
public record SeriesSelector(String name, Map<String, String> labels) {
  private static final Pattern SELECTOR =
      Pattern.compile("\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?:\\{(.*)\\})?\\s*");
  private static final Pattern MATCHER =
      Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

  /**
   * @throws IllegalArgumentException naming what is wrong, e.g. a PromQL function, which needs a
   *     Prometheus server
   */
  public static SeriesSelector parse(String query) {
    Matcher m = SELECTOR.matcher(query);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + query
              + "' is not a series selector such as name{label=\"value\"}; PromQL expressions need a Prometheus server");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    String body = m.group(2);
    if (body != null && !body.isBlank()) {
      Matcher lm = MATCHER.matcher(body);
      int at = 0;
      while (at < body.length() && lm.find(at) && lm.start() == at) {
        labels.put(lm.group(1), PrometheusText.unescape(lm.group(2)));
        at = lm.end();
      }
      if (at < body.length()) {
        throw new IllegalArgumentException(
            "'" + query + "': only exact label matches (label=\"value\") can be scraped");
      }
    }
    return new SeriesSelector(m.group(1), labels);
  }

  public boolean matches(Sample sample) {
    return sample.name().equals(name)
        && labels.entrySet().stream()
            .allMatch(e -> e.getValue().equals(sample.labels().get(e.getKey())));
  }
}
