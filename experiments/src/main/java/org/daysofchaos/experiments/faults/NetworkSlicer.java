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

/** Data through the proxy is cut into small slices sent apart: parsers meet partial reads. */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/slicer",
    targets = ProxyTarget.class,
    doc = "Slices the data through a proxy into small packets with a delay between them.")
public record NetworkSlicer(
    @Doc("The target (a proxy) whose data is sliced.") String target,
    @Doc("Average size of a slice, in bytes.") @Range(min = 1) long averageSize,
    @Doc("How much the size varies around the average, in bytes.") @Default("0") @Range(min = 0)
        long sizeVariation,
    @Doc("Pause between two slices, e.g. 1ms.") @Default("0ms") Duration delay,
    @Doc("Which way the sliced data flows.") @Default("downstream") Direction direction,
    @Doc("Share of connections affected, from 0 to 1.") @Default("1.0") @Range(min = 0, max = 1)
        double toxicity)
    implements FaultSpec {

  public NetworkSlicer {
    if (sizeVariation >= averageSize) {
      throw new SpecException(
          "sizeVariation", "must be less than averageSize (" + averageSize + ")");
    }
  }

  @Override
  public String describe() {
    String spread = sizeVariation == 0 ? "" : " ±" + sizeVariation;
    String pause = delay.isZero() ? "" : ", " + Durations.format(delay) + " apart";
    return "slices of "
        + averageSize
        + spread
        + " bytes"
        + pause
        + " "
        + Flow.describe(direction, toxicity);
  }
}
