package org.daysofchaos.experiments.faults;

import com.google.auto.service.AutoService;
import java.time.Duration;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.experiments.targets.ProxyTarget;

/** Every chunk of data through the proxy waits {@code latency ± jitter}. */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/latency",
    targets = ProxyTarget.class,
    doc = "Delays the data through a proxy by latency ± jitter.")
public record NetworkLatency(
    @Doc("The target (a proxy) to slow down.") String target,
    @Doc("Delay added to each chunk of data, e.g. 800ms.") Duration latency,
    @Doc("Random spread around the latency, e.g. 100ms.") @Default("0ms") Duration jitter,
    @Doc("Which way the delayed data flows.") @Default("downstream") Direction direction,
    @Doc("Share of connections affected, from 0 to 1.") @Default("1.0") @Range(min = 0, max = 1)
        double toxicity)
    implements FaultSpec {

  public NetworkLatency {
    if (jitter.compareTo(latency) > 0) {
      throw new SpecException(
          "jitter", "must not exceed the latency (" + Durations.format(latency) + ")");
    }
  }

  @Override
  public String describe() {
    String spread = jitter.isZero() ? "" : " ±" + Durations.format(jitter);
    return "latency "
        + Durations.format(latency)
        + spread
        + " "
        + Flow.describe(direction, toxicity);
  }
}
