package org.daysofchaos.experiments.host;

import com.google.auto.service.AutoService;
import java.util.Locale;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;

/**
 * A port of an agent's host becomes unreachable: its packets are dropped or rejected by a firewall
 * table of the fault's own, which the revert deletes whole.
 */
@AutoService(FaultSpec.class)
@Kind(
    value = "host/port-block",
    targets = AgentTarget.class,
    doc =
        "Drops or rejects the packets of a port the agent allows, with a firewall table of its"
            + " own (nft); the revert deletes that table.")
public record PortBlock(
    @Doc("The target (an agent) whose host blocks the port.") String target,
    @Doc("The port, one of those the agent's configuration allows.") @Range(min = 1, max = 65535)
        int port,
    @Doc("tcp or udp.") @Default("tcp") PortProtocol protocol,
    @Doc("drop (connections hang until they time out) or reject (refused at once).")
        @Default("drop")
        PortAction action,
    @Doc("in (to this host's port), out (from this host to that port elsewhere) or both.")
        @Default("in")
        PortDirection direction)
    implements FaultSpec {

  @Override
  public String describe() {
    return lower(action) + " " + lower(protocol) + " port " + port + " (" + lower(direction) + ")";
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
