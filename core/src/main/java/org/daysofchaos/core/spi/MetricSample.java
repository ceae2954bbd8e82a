package org.daysofchaos.core.spi;

import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a metric query's answer: its labels (with {@code __name__} when the source gives
 * it) and its value now.
 */
public record MetricSample(Map<String, String> labels, double value) {
  public MetricSample {
    labels = Map.copyOf(labels);
  }

  /** A series without labels, such as the result of a scalar query. */
  public static MetricSample of(double value) {
    return new MetricSample(Map.of(), value);
  }

  /** The labels as PromQL writes them, {@code {pod="a",zone="b"}}, sorted; {@code {}} if none. */
  public String describeLabels() {
    StringBuilder sb = new StringBuilder("{");
    new TreeMap<>(labels)
        .forEach(
            (k, v) -> {
              if (sb.length() > 1) sb.append(',');
              sb.append(k)
                  .append("=\"")
                  .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                  .append('"');
            });
    return sb.append('}').toString();
  }
}
