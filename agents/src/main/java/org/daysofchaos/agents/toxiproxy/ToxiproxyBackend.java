package org.daysofchaos.agents.toxiproxy;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.ProbeRunner;

/** The network faults and probes on the allow-listed Toxiproxy servers, each as one list. */
public final class ToxiproxyBackend {
  private ToxiproxyBackend() {}

  /** An injector for every network fault kind. */
  public static List<FaultInjector<?>> injectors(ToxiproxyServers servers) {
    return List.of(
        new LatencyInjector(servers),
        new NetworkDownInjector(servers),
        new ResetPeerInjector(servers),
        new BandwidthInjector(servers),
        new TimeoutInjector(servers),
        new SlowCloseInjector(servers),
        new SlicerInjector(servers),
        new LimitDataInjector(servers));
  }

  /** A runner for every probe of a proxy. */
  public static List<ProbeRunner<?>> probes(ToxiproxyServers servers) {
    return List.of(new ProxyStateRunner(servers));
  }

  /** Reverts an injection of this backend from its ledger record alone (after a crash). */
  public static void revertFromRecord(Map<String, String> record) throws IOException {
    ToxiproxyServer server =
        ToxiproxyServer.of(record.get("server"), URI.create(record.get("url")));
    if (record.containsKey("toxic")) {
      new ToxicInjection(server, record.get("proxy"), record.get("toxic")).revert();
    } else {
      new OutageInjection(server, record.get("proxy")).revert();
    }
  }
}
