package org.daysofchaos.experiments.faults;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.experiments.targets.ProxyTarget;

/** The proxy passes at most {@code rate} kilobytes per second. */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/bandwidth",
    targets = ProxyTarget.class,
    doc = "Limits the throughput of a proxy to rate KB/s.")
public record NetworkBandwidth(
    @Doc("The target (a proxy) to throttle.") String target,
    @Doc("Kilobytes per second that still get through (use network/timeout for none).")
        @Range(min = 1)
        long rate,
    @Doc("Which way the throttled data flows.") @Default("downstream") Direction direction,
    @Doc("Share of connections affected, from 0 to 1.") @Default("1.0") @Range(min = 0, max = 1)
        double toxicity)
    implements FaultSpec {

  @Override
  public String describe() {
    return "bandwidth " + rate + " KB/s " + Flow.describe(direction, toxicity);
  }
}
