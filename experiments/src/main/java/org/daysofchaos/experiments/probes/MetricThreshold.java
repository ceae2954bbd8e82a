package org.daysofchaos.experiments.probes;

import static org.daysofchaos.core.spec.YamlEnum.name;

import com.google.auto.service.AutoService;
import java.util.Locale;
import java.util.Optional;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.SpecException;

/**
 * Holds when the metric's value is below {@code below} (exclusive) and/or above {@code above}
 * (exclusive). A query that returns no series does not hold; {@code series} says how several series
 * are read, {@code source} which metric source answers.
 */
@AutoService(ProbeSpec.class)
@Kind(value = "metric/threshold", doc = "Holds when a metric is below and/or above a threshold.")
public record MetricThreshold(
    @Doc("A series selector (name{label=\"value\"}) or, with Prometheus, a PromQL expression.")
        String query,
    @Doc("Holds while the value is strictly below this.") @Default("") Double below,
    @Doc("Holds while the value is strictly above this.") @Default("") Double above,
    @Doc(
            "How a query that returns several series is read: one (at most one series; several"
                + " are a probe error), any (holds when at least one series holds), all (holds"
                + " when every series holds), or min, max, sum, avg (the condition is checked on"
                + " that aggregate of the values).")
        @Default("one")
        SeriesMode series,
    @NotBlank
        @Doc(
            "The metric source that answers the query, by name (a Prometheus server given to the"
                + " server as --prometheus NAME=URL); the default source if absent.")
        Optional<String> source)
    implements ProbeSpec {

  /** A threshold on the one series of a query, answered by the default source. */
  public MetricThreshold(String query, Double below, Double above) {
    this(query, below, above, SeriesMode.ONE, Optional.empty());
  }

  public MetricThreshold {
    if (query.isBlank()) {
      throw new SpecException("query", "must not be empty");
    }
    if (below == null && above == null) {
      throw new SpecException("below", "give 'below' or 'above' (or both)");
    }
    if (below != null && above != null && above >= below) {
      throw new SpecException("above", "must be less than 'below' or the condition never holds");
    }
  }

  /** Whether the condition holds for a value (NaN never holds). */
  public boolean holdsFor(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    return (below == null || value < below) && (above == null || value > above);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (series != SeriesMode.ONE) {
      sb.append(name(series)).append(series.aggregates() ? " of " : " series of ");
    }
    sb.append(query);
    if (above != null) sb.append(" > ").append(fmt(above));
    if (below != null) sb.append(above != null ? " and < " : " < ").append(fmt(below));
    source.ifPresent(name -> sb.append(" (on ").append(name).append(')'));
    return sb.toString();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : Double.toString(d);
  }
}
