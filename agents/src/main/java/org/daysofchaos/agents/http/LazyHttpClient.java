package org.daysofchaos.agents.http;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * An {@link HttpClient} made at its first use, once, by whichever thread asks first. A JVM's first
 * {@code HttpClient} sets up the JDK's TLS context (0.07–0.1 s, docs/benchmarks.md "Server
 * start-up"). The server's probes and metric sources, and the demo's booking service, are built
 * during a start: made here, their client's cost falls on the first probe, scrape or booking.
 */
public final class LazyHttpClient implements Supplier<HttpClient> {
  private final Supplier<HttpClient> make;
  private HttpClient client;

  private LazyHttpClient(Supplier<HttpClient> make) {
    this.make = make;
  }

  /** A client built by {@code make} at the first {@link #get}. */
  public static LazyHttpClient of(Supplier<HttpClient> make) {
    return new LazyHttpClient(make);
  }

  /** A client already made (tests, callers with a client of their own). */
  public static LazyHttpClient given(HttpClient client) {
    LazyHttpClient lazy = new LazyHttpClient(() -> client);
    lazy.client = client;
    return lazy;
  }

  @Override
  public synchronized HttpClient get() {
    if (client == null) {
      client = make.get();
    }
    return client;
  }
}
