package org.daysofchaos.agents.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.TargetRefusedException;

/** Finding a target's proxy on its server, and what the injectors of every kind share about it. */
final class Proxies {
  /** How the embedded fault proxy marks its {@code /version}. */
  static final String EMBEDDED_VERSION_MARK = "daysofchaos";

  private Proxies() {}

  /**
   * The target's proxy.
   *
   * @throws TargetRefusedException when the server has no proxy of the target's name
   * @throws IOException when the server does not answer
   */
  static Proxy of(ToxiproxyServer server, Target target) throws IOException {
    List<Proxy> proxies;
    try {
      proxies = client(server).getProxies();
    } catch (IOException e) {
      throw new IOException(
          "toxiproxy server "
              + server.name()
              + " at "
              + server.url()
              + " does not answer: "
              + e.getMessage(),
          e);
    }
    return proxies.stream()
        .filter(p -> p.getName().equals(ToxiproxyServers.proxy(target).proxy()))
        .findFirst()
        .orElseThrow(
            () ->
                new TargetRefusedException(
                    "target "
                        + target.name()
                        + ": toxiproxy server "
                        + server.name()
                        + " ("
                        + server.url()
                        + ") has no proxy named '"
                        + ToxiproxyServers.proxy(target).proxy()
                        + "'; it has: "
                        + String.join(", ", proxies.stream().map(Proxy::getName).toList())));
  }

  /** The proxy of that name, if the server has one. */
  static Optional<Proxy> find(ToxiproxyServer server, String proxyName) throws IOException {
    return client(server).getProxies().stream()
        .filter(p -> p.getName().equals(proxyName))
        .findFirst();
  }

  /** The dry run of a target: its server and its proxy's state now. */
  static String inspect(ToxiproxyServers servers, Target target) throws IOException {
    ToxiproxyServer server = servers.serverFor(target);
    Proxy proxy = of(server, target);
    return "on "
        + server.name()
        + " ("
        + server.url()
        + "): "
        + ProxyStateRunner.describe(proxy, proxy.toxics().getAll());
  }

  /**
   * Whether the server is our embedded proxy, which removes a toxic by itself at its expiry: a dead
   * controller then cannot leave the fault forever. Real Toxiproxy has no such field.
   */
  static boolean holdsExpiries(ToxiproxyServer server) throws IOException {
    return client(server).version().contains(EMBEDDED_VERSION_MARK);
  }

  private static ToxiproxyClient client(ToxiproxyServer server) {
    return new ToxiproxyClient(server.host(), server.port());
  }
}
