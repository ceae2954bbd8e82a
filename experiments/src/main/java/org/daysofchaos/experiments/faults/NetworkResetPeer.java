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

/** Connections through the proxy are reset (TCP RST), at once or after a delay. */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/reset-peer",
    targets = ProxyTarget.class,
    doc = "Resets connections through a proxy with a TCP RST, at once or after a delay.")
public record NetworkResetPeer(
    @Doc("The target (a proxy) whose connections are reset.") String target,
    @Doc("How long a connection lives before it is reset.") @Default("0ms") Duration after,
    @Doc("Which way the reset is triggered.") @Default("downstream") Direction direction,
    @Doc("Share of connections affected, from 0 to 1.") @Default("1.0") @Range(min = 0, max = 1)
        double toxicity)
    implements FaultSpec {

  @Override
  public String describe() {
    String when = after.isZero() ? "at once" : "after " + Durations.format(after);
    return "connection reset " + when + " " + Flow.describe(direction, toxicity);
  }
}
