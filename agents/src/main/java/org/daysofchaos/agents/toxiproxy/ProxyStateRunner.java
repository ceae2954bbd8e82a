package org.daysofchaos.agents.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.experiments.probes.ProxyState;

/** Evaluates {@code proxy/state} on a configured Toxiproxy server. */
public final class ProxyStateRunner implements ProbeRunner<ProxyState> {
  private final ToxiproxyServers servers;

  public ProxyStateRunner(ToxiproxyServers servers) {
    this.servers = servers;
  }

  @Override
  public Class<ProxyState> probeType() {
    return ProxyState.class;
  }

  @Override
  public Observation observe(ProxyState probe) throws IOException {
    ToxiproxyServer server = servers.named(probe.server(), "probe " + probe.describe());
    Optional<Proxy> proxy =
        new ToxiproxyClient(server.host(), server.port())
            .getProxies().stream().filter(p -> p.getName().equals(probe.proxy())).findFirst();
    if (proxy.isEmpty()) {
      return Observation.fails("no proxy " + probe.proxy() + " on " + server.name());
    }
    List<? extends Toxic> toxics = proxy.get().toxics().getAll();
    String detail = describe(proxy.get(), toxics);
    boolean holds =
        proxy.get().isEnabled()
            && (probe.expect() == ProxyState.Expect.ENABLED || toxics.isEmpty());
    return holds ? Observation.holds(detail) : Observation.fails(detail);
  }

  /** "enabled, toxics: none" or "disabled, toxics: daysofchaos-1a2b-0 (latency, downstream)". */
  static String describe(Proxy proxy, List<? extends Toxic> toxics) {
    String list =
        toxics.isEmpty()
            ? "none"
            : String.join(
                ", ",
                toxics.stream()
                    .map(
                        t ->
                            t.getName()
                                + " ("
                                + t.getStream().name().toLowerCase(java.util.Locale.ROOT)
                                + ")")
                    .toList());
    return (proxy.isEnabled() ? "enabled" : "disabled")
        + ", listen "
        + proxy.getListen()
        + ", upstream "
        + proxy.getUpstream()
        + ", toxics: "
        + list;
  }
}
