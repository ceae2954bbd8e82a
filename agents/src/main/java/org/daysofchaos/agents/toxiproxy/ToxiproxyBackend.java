package org.daysofchaos.agents.toxiproxy;

import java.util.List;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.Registrations;
import org.daysofchaos.core.spi.Reverter;

/** The network faults and probes on the allow-listed Toxiproxy servers, each as one list. */
public final class ToxiproxyBackend {
  private ToxiproxyBackend() {}

  /**
   * An injector for every network fault kind: each {@link ToxiproxyInjector} registered with
   * {@code @AutoService}, built with the servers.
   */
  public static List<FaultInjector<?>> injectors(ToxiproxyServers servers) {
    return Registrations.instances(ToxiproxyInjector.class, ToxiproxyServers.class, servers)
        .stream()
        .<FaultInjector<?>>map(injector -> injector)
        .toList();
  }

  /** A runner for every probe of a proxy. */
  public static List<ProbeRunner<?>> probes(ToxiproxyServers servers) {
    return List.of(new ProxyStateRunner(servers));
  }

  /** The reverter of this backend's ledger records. */
  public static Reverter reverter() {
    return new ToxiproxyReverter();
  }
}
