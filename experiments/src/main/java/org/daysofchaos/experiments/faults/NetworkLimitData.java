package org.daysofchaos.experiments.faults;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.experiments.targets.ProxyTarget;

/**
 * A connection through the proxy is closed once it has carried {@code bytes}: truncated answers.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/limit-data",
    targets = ProxyTarget.class,
    doc = "Closes each connection through a proxy once it has carried bytes.")
public record NetworkLimitData(
    @Doc("The target (a proxy) whose connections are cut.") String target,
    @Doc("Bytes a connection may carry before it is closed.") @Range(min = 1) long bytes,
    @Doc("Which way the counted data flows.") @Default("downstream") Direction direction,
    @Doc("Share of connections affected, from 0 to 1.") @Default("1.0") @Range(min = 0, max = 1)
        double toxicity)
    implements FaultSpec {

  @Override
  public String describe() {
    return "connections closed after " + bytes + " bytes " + Flow.describe(direction, toxicity);
  }
}
