package org.daysofchaos.agents.proxy;

import java.net.InetSocketAddress;

/**
 * A proxy of an {@link EmbeddedToxiproxy} as it was when created. Toxics are managed through the
 * Toxiproxy API, e.g. {@code embedded.client().getProxy(handle.name()).toxics()}.
 *
 * @param name the proxy's name in the API
 * @param listenAddress where it accepts connections (the actual port when created with port 0)
 * @param upstream the {@code host:port} it forwards to
 */
public record ProxyHandle(String name, InetSocketAddress listenAddress, String upstream) {

  /** {@code host:port} to connect to, e.g. for a client's configuration. */
  public String listen() {
    return listenAddress.getHostString() + ":" + listenAddress.getPort();
  }
}
