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

/** Closing a connection through the proxy is delayed: sockets linger, pools run dry. */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/slow-close",
    targets = ProxyTarget.class,
    doc = "Delays the closing of connections through a proxy by delay.")
public record NetworkSlowClose(
    @Doc("The target (a proxy) whose connections close slowly.") String target,
    @Doc("How long a close is held back, e.g. 5s.") Duration delay,
    @Doc("Which side's close is delayed.") @Default("downstream") Direction direction,
    @Doc("Share of connections affected, from 0 to 1.") @Default("1.0") @Range(min = 0, max = 1)
        double toxicity)
    implements FaultSpec {

  @Override
  public String describe() {
    return "slow close by " + Durations.format(delay) + " " + Flow.describe(direction, toxicity);
  }
}
