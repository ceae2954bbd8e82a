package org.daysofchaos.agents.toxiproxy;

import com.google.auto.service.AutoService;
import eu.rekawek.toxiproxy.Proxy;
import java.io.IOException;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.faults.NetworkDown;

/** {@code network/down}: disables the proxy (no toxic); the revert enables it again. */
@AutoService(ToxiproxyInjector.class)
public final class NetworkDownInjector implements ToxiproxyInjector<NetworkDown> {
  private final ToxiproxyServers servers;

  public NetworkDownInjector(ToxiproxyServers servers) {
    this.servers = servers;
  }

  @Override
  public Class<NetworkDown> faultType() {
    return NetworkDown.class;
  }

  @Override
  public Injection inject(NetworkDown fault, Target target, InjectionContext context)
      throws IOException {
    ToxiproxyServer server = servers.serverFor(target);
    Proxy proxy = Proxies.of(server, target);
    if (!proxy.isEnabled()) {
      throw new IllegalStateException(
          "proxy "
              + proxy.getName()
              + " on "
              + server.name()
              + " is already disabled by someone else; not touching it");
    }
    proxy.disable();
    return new OutageInjection(server, proxy.getName());
  }

  @Override
  public RevertRecord plannedRecord(NetworkDown fault, Target target, InjectionContext context) {
    return new OutageInjection(servers.serverFor(target), ToxiproxyServers.proxy(target).proxy())
        .revertRecord();
  }

  @Override
  public String inspect(Target target) throws IOException {
    return Proxies.inspect(servers, target);
  }
}
