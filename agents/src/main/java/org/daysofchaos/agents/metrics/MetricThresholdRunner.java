package org.daysofchaos.agents.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.daysofchaos.core.spec.YamlEnum;
import org.daysofchaos.core.spi.Lag;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.MetricSource;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.experiments.probes.MetricThreshold;

/**
 * Evaluates {@code metric/threshold} against the metric source it names. A source that cannot
 * answer throws, so the run counts the probe as unmeasured rather than as a value.
 */
public final class MetricThresholdRunner implements ProbeRunner<MetricThreshold> {
  /** How many series an observation's detail names at most. */
  private static final int NAMED = 3;

  private final MetricSources sources;

  public MetricThresholdRunner(MetricSources sources) {
    this.sources = sources;
  }

  public MetricThresholdRunner(MetricSource defaultSource) {
    this(MetricSources.of(defaultSource));
  }

  @Override
  public Class<MetricThreshold> probeType() {
    return MetricThreshold.class;
  }

  /** As late as its source sees a change of the query (PromQL: scrape and range windows). */
  @Override
  public Lag lag(MetricThreshold probe, Duration interval, Lag.Change change) {
    try {
      return sources.named(probe.source(), "probe").lag(probe.query(), interval, change);
    } catch (IllegalArgumentException e) {
      return Lag.polling(interval); // an unknown source is reported by observe
    }
  }

  @Override
  public Observation observe(MetricThreshold probe) throws Exception {
    MetricSource source = sources.named(probe.source(), "probe " + probe.describe());
    List<MetricSample> samples = source.samples(probe.query());
    if (samples.isEmpty()) {
      return Observation.fails("no such series");
    }
    if (probe.series().aggregates()) {
      return aggregate(probe, samples);
    }
    return switch (probe.series()) {
      case ANY -> any(probe, samples);
      case ALL -> all(probe, samples);
      default -> one(probe, samples);
    };
  }

  private static Observation one(MetricThreshold probe, List<MetricSample> samples) {
    if (samples.size() > 1) {
      throw new IllegalArgumentException(
          "'"
              + probe.query()
              + "' returns "
              + samples.size()
              + " series ("
              + labels(samples)
              + "); narrow the query or say how to read them with series: any, all, min, max,"
              + " sum or avg");
    }
    double value = samples.get(0).value();
    String detail = "value " + fmt(value);
    return probe.holdsFor(value) ? Observation.holds(detail) : Observation.fails(detail);
  }

  private static Observation any(MetricThreshold probe, List<MetricSample> samples) {
    List<MetricSample> holding = holding(probe, samples, true);
    if (holding.isEmpty()) {
      return Observation.fails("none of " + samples.size() + " series holds: " + values(samples));
    }
    return Observation.holds(
        holding.size() + " of " + samples.size() + " series hold: " + values(holding));
  }

  private static Observation all(MetricThreshold probe, List<MetricSample> samples) {
    List<MetricSample> failing = holding(probe, samples, false);
    if (failing.isEmpty()) {
      return Observation.holds("all " + samples.size() + " series hold: " + values(samples));
    }
    return Observation.fails(
        failing.size() + " of " + samples.size() + " series do not hold: " + values(failing));
  }

  private static Observation aggregate(MetricThreshold probe, List<MetricSample> samples) {
    double value =
        probe.series().aggregate(samples.stream().mapToDouble(MetricSample::value).toArray());
    String detail =
        YamlEnum.name(probe.series()) + " " + fmt(value) + " of " + samples.size() + " series";
    return probe.holdsFor(value) ? Observation.holds(detail) : Observation.fails(detail);
  }

  private static List<MetricSample> holding(
      MetricThreshold probe, List<MetricSample> samples, boolean holds) {
    return samples.stream().filter(s -> probe.holdsFor(s.value()) == holds).toList();
  }

  private static String values(List<MetricSample> samples) {
    return describe(samples, s -> s.describeLabels() + " " + fmt(s.value()));
  }

  private static String labels(List<MetricSample> samples) {
    return describe(samples, MetricSample::describeLabels);
  }

  private static String describe(
      List<MetricSample> samples, java.util.function.Function<MetricSample, String> each) {
    String named = samples.stream().limit(NAMED).map(each).collect(Collectors.joining(", "));
    return samples.size() > NAMED ? named + ", ..." : named;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
