package org.daysofchaos.core.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert a monitoring system fires now, as its alerts API lists it.
 *
 * @param labels its labels, {@code alertname} among them
 * @param activeAt when the alert became active: the first rule evaluation at which its expression
 *     returned this series (Prometheus' {@code activeAt}); a rule's {@code for:} delays its firing,
 *     not this moment
 */
public record FiringAlert(Map<String, String> labels, Instant activeAt) {
  public FiringAlert {
    labels = Map.copyOf(labels);
    Objects.requireNonNull(activeAt, "activeAt");
  }

  /** Its name, the {@code alertname} label. */
  public String alertname() {
    return labels.getOrDefault("alertname", "");
  }
}
