package org.daysofchaos.agents.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.RevertRecord;

/** A toxic of ours on a proxy: the revert removes exactly that toxic, and no one else's. */
record ToxicInjection(ToxiproxyServer server, String proxyName, String toxicName)
    implements Injection {
  @Override
  public void revert() throws IOException {
    Optional<Proxy> proxy = Proxies.find(server, proxyName);
    if (proxy.isPresent() && hasToxic(proxy.get())) {
      proxy.get().toxics().get(toxicName).remove();
    }
  }

  private boolean hasToxic(Proxy proxy) throws IOException {
    return proxy.toxics().getAll().stream().anyMatch(t -> t.getName().equals(toxicName));
  }

  @Override
  public Optional<String> residue() throws IOException {
    Optional<Proxy> proxy = Proxies.find(server, proxyName);
    if (proxy.isPresent() && hasToxic(proxy.get())) {
      return Optional.of("toxic " + toxicName + " is still on proxy " + proxyName);
    }
    return Optional.empty();
  }

  @Override
  public RevertRecord revertRecord() {
    return new RevertRecord(
        ToxiproxyReverter.BACKEND,
        Map.of(
            "server", server.name(), "url", server.url(), "proxy", proxyName, "toxic", toxicName));
  }
}
