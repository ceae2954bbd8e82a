package org.daysofchaos.agents.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.RevertRecord;

/** A proxy we disabled: the revert enables it again. */
record OutageInjection(ToxiproxyServer server, String proxyName) implements Injection {
  @Override
  public void revert() throws IOException {
    Optional<Proxy> proxy = Proxies.find(server, proxyName);
    if (proxy.isPresent() && !proxy.get().isEnabled()) {
      proxy.get().enable();
    }
  }

  @Override
  public Optional<String> residue() throws IOException {
    Optional<Proxy> proxy = Proxies.find(server, proxyName);
    if (proxy.isPresent() && !proxy.get().isEnabled()) {
      return Optional.of("proxy " + proxyName + " is still disabled");
    }
    return Optional.empty();
  }

  @Override
  public RevertRecord revertRecord() {
    return new RevertRecord(
        ToxiproxyReverter.BACKEND,
        Map.of("server", server.name(), "url", server.url(), "proxy", proxyName, "enable", "true"));
  }
}
