package org.daysofchaos.agents.proxy;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * The Toxiproxy server a test talks to: a real one when the environment variable {@code
 * TOXIPROXY_URL} (or the system property {@code toxiproxy.url}) gives its API, e.g. {@code
 * http://127.0.0.1:8474}; otherwise an {@link EmbeddedToxiproxy} started for the test. A real
 * server must run on this machine, since the test's upstream servers listen on 127.0.0.1.
 */
public final class ToxiproxyUnderTest implements AutoCloseable {
  private final URI apiUrl;
  private final EmbeddedToxiproxy embedded;
  private final Runnable onClose;

  private ToxiproxyUnderTest(URI apiUrl, EmbeddedToxiproxy embedded, Runnable onClose) {
    this.apiUrl = apiUrl;
    this.embedded = embedded;
    this.onClose = onClose;
  }

  /** A real server that something else started (a container), stopped by {@code onClose}. */
  public static ToxiproxyUnderTest real(URI apiUrl, Runnable onClose) {
    return new ToxiproxyUnderTest(apiUrl, null, onClose);
  }

  public static ToxiproxyUnderTest fromEnvironment() {
    String url = System.getProperty("toxiproxy.url", System.getenv("TOXIPROXY_URL"));
    if (url != null && !url.isBlank()) {
      return new ToxiproxyUnderTest(URI.create(url.trim()), null, () -> {});
    }
    EmbeddedToxiproxy embedded = EmbeddedToxiproxy.start(new InetSocketAddress("127.0.0.1", 0));
    return new ToxiproxyUnderTest(embedded.apiUrl(), embedded, embedded::close);
  }

  public URI apiUrl() {
    return apiUrl;
  }

  public ToxiproxyClient client() {
    return new ToxiproxyClient(apiUrl.getHost(), apiUrl.getPort());
  }

  public Optional<EmbeddedToxiproxy> embedded() {
    return Optional.ofNullable(embedded);
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public String toString() {
    return (isEmbedded() ? "embedded Toxiproxy at " : "Toxiproxy server at ") + apiUrl;
  }

  @Override
  public void close() {
    onClose.run();
  }
}
