package org.daysofchaos.agents.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.daysofchaos.core.spi.MetricSource;

/**
 * The metric sources a scenario may query, by name: the scraped endpoints, Prometheus servers. A
 * {@code metric/threshold} without {@code source:} asks the one named {@value #DEFAULT}.
 */
public final class MetricSources {
  public static final String DEFAULT = "default";

  private final Map<String, MetricSource> byName;

  private MetricSources(Map<String, MetricSource> byName) {
    this.byName = Map.copyOf(byName);
  }

  /** These sources by name. */
  public static MetricSources of(Map<String, MetricSource> byName) {
    return new MetricSources(byName);
  }

  /** One source, the default. */
  public static MetricSources of(MetricSource defaultSource) {
    return of(Map.of(DEFAULT, defaultSource));
  }

  /** The names, sorted. */
  public Set<String> names() {
    return new TreeSet<>(byName.keySet());
  }

  /**
   * The source of that name, the default if empty.
   *
   * @param who what asks for it, for the error ("probe p99 < 0.5")
   * @throws IllegalArgumentException if no source of that name is configured
   */
  public MetricSource named(Optional<String> name, String who) {
    String wanted = name.orElse(DEFAULT);
    MetricSource source = byName.get(wanted);
    if (source == null) {
      throw new IllegalArgumentException(
          who
              + " names metric source '"
              + wanted
              + "', which is not configured; configured sources: "
              + (byName.isEmpty() ? "none" : String.join(", ", names()))
              + " (serve/run --prometheus NAME=URL, --metrics URL for the default)");
    }
    return source;
  }
}
