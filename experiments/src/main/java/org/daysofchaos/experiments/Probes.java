package org.daysofchaos.experiments;

import java.time.Duration;
import org.daysofchaos.experiments.probes.HttpStatus;
import org.daysofchaos.experiments.probes.MetricThreshold;

/** Readable construction of probes: {@code Probes.metricBelow("errors_ratio", 0.05)}. */
public final class Probes {
  private Probes() {}

  public static MetricThreshold metricBelow(String query, double below) {
    return new MetricThreshold(query, below, null);
  }

  public static MetricThreshold metricAbove(String query, double above) {
    return new MetricThreshold(query, null, above);
  }

  public static HttpStatus httpOk(String url) {
    return new HttpStatus(url, 200, Duration.ofSeconds(2));
  }
}
