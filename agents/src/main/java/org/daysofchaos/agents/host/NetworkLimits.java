package org.daysofchaos.agents.host;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;

/**
 * What host/netem may do on this host: which interfaces, and how much delay and loss at most. The
 * ports host/port-block may block are the allow-list's {@code ports}.
 *
 * @param namespace where network faults apply: a named network namespace ({@code ip netns}) whose
 *     services the faults concern, or the agent's own when absent
 */
public record NetworkLimits(
    @Default("") @Doc("The network interfaces host/netem may slow, e.g. [eth0].")
        List<String> devices,
    @Default("1s") @Doc("The most delay (plus jitter) host/netem may add, e.g. 500ms.")
        Duration maxDelay,
    @Default("10")
        @Range(min = 0, max = 100)
        @Doc("The most loss host/netem may cause, in percent.")
        double maxLoss,
    @Doc(
            "A network namespace (ip netns) in which network faults apply, where the service runs"
                + " in one (default: the agent's own).")
        Optional<String> namespace) {

  /** Interface and namespace names go on a command line: plain names only. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

  public NetworkLimits {
    devices = List.copyOf(devices);
    for (String device : devices) {
      if (!NAME.matcher(device).matches()) {
        throw new SpecException("devices", "'" + device + "' is not an interface name");
      }
    }
    if (namespace.isPresent() && !NAME.matcher(namespace.get()).matches()) {
      throw new SpecException("namespace", "'" + namespace.get() + "' is not a namespace name");
    }
  }

  /** No interface, the defaults otherwise: host/port-block still applies to the allowed ports. */
  public static NetworkLimits none() {
    return new NetworkLimits(List.of(), Duration.ofSeconds(1), 10, Optional.empty());
  }
}
