package org.daysofchaos.experiments.faults;

import com.google.auto.service.AutoService;
import java.time.Duration;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.experiments.targets.ProxyTarget;

/** Data stops flowing (a black hole); connections close after {@code closeAfter} if not zero. */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/timeout",
    targets = ProxyTarget.class,
    doc = "Stops all data through a proxy; closes connections after closeAfter (0 = never).")
public record NetworkTimeout(
    @Doc("The target (a proxy) to black-hole.") String target,
    @Doc("When to close the silent connections; 0ms keeps them open.") @Default("0ms")
        Duration closeAfter,
    @Doc("Which way the data is stopped.") @Default("downstream") Direction direction,
    @Doc("Share of connections affected, from 0 to 1.") @Default("1.0") @Range(min = 0, max = 1)
        double toxicity)
    implements FaultSpec {

  @Override
  public String describe() {
    String close = closeAfter.isZero() ? "" : ", closed after " + Durations.format(closeAfter);
    return "black hole" + close + " " + Flow.describe(direction, toxicity);
  }
}
