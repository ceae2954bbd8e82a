package org.daysofchaos.agents.metrics;

import java.util.Map;

/** One line of a Prometheus text exposition: a series and its value. */
public record Sample(String name, Map<String, String> labels, double value) {
  public Sample {
    labels = Map.copyOf(labels);
  }
}
