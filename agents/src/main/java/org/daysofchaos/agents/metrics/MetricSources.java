package org.daysofchaos.agents.metrics;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.daysofchaos.core.spi.MetricSource;

/**
 * The metric sources a scenario may query, by name: the scraped endpoints, Prometheus servers. A
 * {@code metric/threshold} without {@code source:} asks the one named {@value #DEFAULT}, or the
 * only one there is.
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

  /**
   * The scraped endpoints (if any) as the default source, and these sources (Prometheus servers) by
   * name.
   *
   * @throws IllegalArgumentException when scraped endpoints and a source named {@value #DEFAULT}
   *     both claim the default
   */
  public static MetricSources of(List<URI> scraped, Map<String, ? extends MetricSource> named) {
    Map<String, MetricSource> byName = new LinkedHashMap<>(named);
    if (!scraped.isEmpty()) {
      if (byName.containsKey(DEFAULT)) {
        throw new IllegalArgumentException(
            "both the scraped metrics endpoints and a Prometheus server without a name claim the"
                + " default metric source; name the Prometheus server (--prometheus NAME=URL)");
      }
      byName.put(DEFAULT, ScrapeMetricSource.of(scraped.toArray(URI[]::new)));
    }
    return of(byName);
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
    // Without source:, the one named default answers, or the only source there is.
    String wanted =
        name.orElse(
            byName.size() == 1 && !byName.containsKey(DEFAULT)
                ? byName.keySet().iterator().next()
                : DEFAULT);
    MetricSource source = byName.get(wanted);
    if (source == null && name.isEmpty()) {
      throw new IllegalArgumentException(
          who
              + " has no source: and no default metric source is configured (--metrics URL or"
              + " --prometheus URL)"
              + (byName.isEmpty() ? "" : "; configured sources: " + String.join(", ", names())));
    }
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
