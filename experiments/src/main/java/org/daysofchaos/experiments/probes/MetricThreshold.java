package org.daysofchaos.experiments.probes;

import com.google.auto.service.AutoService;
import java.util.Locale;
import java.util.OptionalDouble;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.SpecException;

/**
 * Holds when the metric's value is below {@code below} (exclusive) and/or above {@code above}
 * (exclusive). A metric that is missing does not hold.
 */
@AutoService(ProbeSpec.class)
@Kind(value = "metric/threshold", doc = "Holds when a metric is below and/or above a threshold.")
public record MetricThreshold(
    @Doc("A series selector (name{label=\"value\"}) or, with Prometheus, a PromQL expression.")
        String query,
    @Doc("Holds while the value is strictly below this.") @Default("") Double below,
    @Doc("Holds while the value is strictly above this.") @Default("") Double above)
    implements ProbeSpec {

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

  /** Whether the condition holds for a value (a missing value never holds). */
  public boolean holdsFor(OptionalDouble value) {
    if (value.isEmpty() || Double.isNaN(value.getAsDouble())) {
      return false;
    }
    double v = value.getAsDouble();
    return (below == null || v < below) && (above == null || v > above);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder(query);
    if (above != null) sb.append(" > ").append(fmt(above));
    if (below != null) sb.append(above != null ? " and < " : " < ").append(fmt(below));
    return sb.toString();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : Double.toString(d);
  }
}
