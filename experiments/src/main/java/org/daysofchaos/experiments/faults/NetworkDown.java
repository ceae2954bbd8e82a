package org.daysofchaos.experiments.faults;

import com.google.auto.service.AutoService;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.experiments.targets.ProxyTarget;

/** The proxy stops listening and drops its connections: the dependency is unreachable. */
@AutoService(FaultSpec.class)
@Kind(
    value = "network/down",
    targets = ProxyTarget.class,
    doc = "Takes a proxy down: its connections are closed and new ones refused.")
public record NetworkDown(@Doc("The target (a proxy) to take down.") String target)
    implements FaultSpec {

  @Override
  public String describe() {
    return "outage (connections refused)";
  }
}
