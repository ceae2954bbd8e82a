package org.daysofchaos.agents.proxy;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import org.daysofchaos.agents.proxy.internal.ApiException;
import org.daysofchaos.agents.proxy.internal.ProxyEngine;

/**
 * A Toxiproxy server inside the JVM: TCP proxies with toxics (latency, bandwidth, timeout,
 * reset_peer, slow_close, slicer, limit_data), driven through Toxiproxy's HTTP API so that the
 * toxiproxy-java client, or any Toxiproxy client, works with it unchanged.
 *
 * <pre>{@code
 * try (EmbeddedToxiproxy toxiproxy = EmbeddedToxiproxy.start()) {
 *   ProxyHandle db = toxiproxy.createProxy("db", "127.0.0.1:0", "127.0.0.1:5432");
 *   toxiproxy.client().getProxy("db").toxics().latency("slow", ToxicDirection.DOWNSTREAM, 100);
 *   // connect to db.listenAddress() ...
 * }
 * }</pre>
 *
 * <p>Changes to toxics apply to connections already open, before the API call returns. Toxics can
 * carry an {@code expires_at} (epoch milliseconds) at which they remove themselves: see {@code
 * docs/adr/0003-embedded-proxy-semantics.md}.
 */
public final class EmbeddedToxiproxy implements AutoCloseable {
  private final ProxyEngine engine;

  private EmbeddedToxiproxy(ProxyEngine engine) {
    this.engine = engine;
  }

  /** Starts a server whose API listens on 127.0.0.1, on a free port. */
  public static EmbeddedToxiproxy start() {
    return start(new InetSocketAddress("127.0.0.1", 0));
  }

  /**
   * Starts a server whose API listens on {@code apiAddress} (port 0: a free port; Toxiproxy's own
   * default is 8474).
   *
   * @throws java.io.UncheckedIOException if the address cannot be bound
   */
  public static EmbeddedToxiproxy start(InetSocketAddress apiAddress) {
    return start(apiAddress, Clock.systemUTC());
  }

  /** As {@link #start(InetSocketAddress)}, with the clock that toxic expiry times are read on. */
  public static EmbeddedToxiproxy start(InetSocketAddress apiAddress, Clock clock) {
    return new EmbeddedToxiproxy(ProxyEngine.start(apiAddress, clock));
  }

  /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:8474}. */
  public URI apiUrl() {
    return URI.create("http://" + host() + ":" + port());
  }

  /** The host the API listens on, as a literal address. */
  public String host() {
    InetSocketAddress address = engine.apiAddress();
    String host = address.getAddress().getHostAddress();
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  /** The port the API listens on. */
  public int port() {
    return engine.apiAddress().getPort();
  }

  /** A toxiproxy-java client for this server. */
  public ToxiproxyClient client() {
    return new ToxiproxyClient(host(), port());
  }

  /**
   * Creates and starts a proxy, as {@code POST /proxies} does.
   *
   * @param listen {@code host:port} to listen on; port 0 picks a free port
   * @param upstream {@code host:port} to forward to
   * @throws IllegalArgumentException if an address is malformed
   * @throws IllegalStateException if the name is taken or the address cannot be bound
   */
  public ProxyHandle createProxy(String name, String listen, String upstream) {
    try {
      ProxyEngine.ProxyInfo info = engine.createProxy(name, listen, upstream);
      return new ProxyHandle(info.name(), info.listenAddress(), info.upstream());
    } catch (ApiException e) {
      throw translate(e);
    }
  }

  /**
   * Where the proxy named {@code proxyName} accepts connections now.
   *
   * @throws IllegalArgumentException if there is no such proxy
   * @throws IllegalStateException if it is disabled
   */
  public InetSocketAddress listenAddress(String proxyName) {
    try {
      return engine.listenAddress(proxyName);
    } catch (ApiException e) {
      throw translate(e);
    }
  }

  /** Closes every listener and connection and stops the threads. Idempotent. */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "EmbeddedToxiproxy[" + apiUrl() + ", " + engine.transport() + "]";
  }

  private static RuntimeException translate(ApiException e) {
    String message = "[" + e.status() + "] " + e.getMessage();
    return e.status() == 400 || e.status() == 404
        ? new IllegalArgumentException(message, e)
        : new IllegalStateException(message, e);
  }
}
