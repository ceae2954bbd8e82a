package org.daysofchaos.agents.toxiproxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.TargetKinds;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.targets.ProxyTarget;

/**
 * The allow-list of Toxiproxy servers: a scenario can only reach a server named here. A target
 * without {@code server:} goes to the one named {@value ToxiproxyServer#DEFAULT}.
 */
public final class ToxiproxyServers {
  private final Map<String, ToxiproxyServer> byName = new LinkedHashMap<>();

  public ToxiproxyServers(List<ToxiproxyServer> servers) {
    for (ToxiproxyServer server : servers) {
      if (byName.putIfAbsent(server.name(), server) != null) {
        throw new IllegalArgumentException(
            "toxiproxy server " + server.name() + " is configured twice");
      }
    }
  }

  public static ToxiproxyServers of(ToxiproxyServer... servers) {
    return new ToxiproxyServers(List.of(servers));
  }

  /**
   * The server a target lives on.
   *
   * @throws TargetRefusedException if the target names a server that is not configured
   */
  public ToxiproxyServer serverFor(Target target) {
    return named(proxy(target).server().orElse(ToxiproxyServer.DEFAULT), "target " + target.name());
  }

  /**
   * The proxy a target names.
   *
   * @throws TargetRefusedException if it is not a proxy target
   */
  static ProxyTarget proxy(Target target) {
    return TargetKinds.require(target, ProxyTarget.class);
  }

  /**
   * The server of that name.
   *
   * @param who what asks for it, for the error ("target payment-link", "probe proxy/state")
   * @throws TargetRefusedException if no server of that name is configured
   */
  public ToxiproxyServer named(String name, String who) {
    return Optional.ofNullable(byName.get(name))
        .orElseThrow(
            () ->
                new TargetRefusedException(
                    who
                        + " names toxiproxy server '"
                        + name
                        + "', which is not configured; allowed servers: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))));
  }
}
