package org.daysofchaos.agents.metrics;

import java.util.Locale;
import java.util.OptionalDouble;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.experiments.probes.MetricThreshold;

/** Evaluates {@code metric/threshold} against a {@link MetricSource}. */
public final class MetricThresholdRunner implements ProbeRunner<MetricThreshold> {
  private final MetricSource source;

  public MetricThresholdRunner(MetricSource source) {
    this.source = source;
  }

  @Override
  public Class<MetricThreshold> probeType() {
    return MetricThreshold.class;
  }

  @Override
  public Observation observe(MetricThreshold probe) throws Exception {
    OptionalDouble value = source.value(probe.query());
    if (value.isEmpty()) {
      return Observation.fails("no such series");
    }
    String detail = String.format(Locale.ROOT, "value %.4g", value.getAsDouble());
    return probe.holdsFor(value) ? Observation.holds(detail) : Observation.fails(detail);
  }
}
