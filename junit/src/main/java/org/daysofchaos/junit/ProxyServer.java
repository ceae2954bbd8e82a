package org.daysofchaos.junit;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.agents.proxy.ProxyHandle;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.spi.Injectors;

/**
 * A Toxiproxy-compatible server of a test class: its own embedded one, or one already running that
 * the test {@linkplain Chaos#attach(URI) attached} (a system under test that brings its proxies,
 * such as the demo, or a real Toxiproxy). Faults on either are reverted after each test; only the
 * embedded one is also swept clean of anything else, since an attached server may be shared.
 */
public final class ProxyServer {
  private final URI url;
  private final Optional<EmbeddedToxiproxy> embedded;
  private final ToxiproxyServers servers;
  private final Injectors injectors;
  private final FaultTracker faults;
  private final Path journals;
  private final Supplier<String> currentTest;
  private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();

  private ProxyServer(
      URI url, Optional<EmbeddedToxiproxy> embedded, Path journals, Supplier<String> currentTest) {
    this.url = url;
    this.embedded = embedded;
    this.servers = ToxiproxyServers.of(ToxiproxyServer.of(ToxiproxyServer.DEFAULT, url));
    this.injectors = Agents.injectors(servers, new LocalProcesses());
    this.faults = new FaultTracker(injectors, client(), Clock.systemUTC(), embedded.isPresent());
    this.journals = journals;
    this.currentTest = currentTest;
  }

  static ProxyServer embedded(Path journals, Supplier<String> currentTest) {
    EmbeddedToxiproxy toxiproxy = EmbeddedToxiproxy.start();
    return new ProxyServer(toxiproxy.apiUrl(), Optional.of(toxiproxy), journals, currentTest);
  }

  static ProxyServer attached(URI url, Path journals, Supplier<String> currentTest) {
    return new ProxyServer(url, Optional.empty(), journals, currentTest);
  }

  /** The base URL of the server's Toxiproxy API. */
  public URI url() {
    return url;
  }

  /** A toxiproxy-java client of the server. */
  public ToxiproxyClient client() {
    return new ToxiproxyClient(url.getHost(), url.getPort());
  }

  /**
   * A proxy named {@code name} in front of {@code upstream} ({@code host:port}), listening on a
   * free port of 127.0.0.1: the same one when called again with the same upstream. Only on the
   * embedded server: an attached one brings its proxies ({@link #proxy(String)}).
   *
   * @throws IllegalArgumentException if a proxy of that name forwards elsewhere, or an address is
   *     malformed
   */
  public synchronized FaultProxy proxy(String name, String upstream) {
    FaultProxy existing = proxies.get(name);
    if (existing != null) {
      if (!existing.upstream().equals(upstream)) {
        throw new IllegalArgumentException(
            "proxy " + name + " already forwards to " + existing.upstream() + ", not " + upstream);
      }
      return existing;
    }
    EmbeddedToxiproxy toxiproxy =
        embedded.orElseThrow(
            () ->
                new IllegalStateException(
                    "proxies are created on the embedded server only; "
                        + url
                        + " is attached: use proxy(name) for one it has"));
    FaultProxy proxy = new FaultProxy(toxiproxy.createProxy(name, "127.0.0.1:0", upstream), faults);
    proxies.put(name, proxy);
    return proxy;
  }

  /**
   * The proxy named {@code name}: created here, or, on an attached server, one it has.
   *
   * @throws IllegalArgumentException if there is none
   */
  public synchronized FaultProxy proxy(String name) {
    FaultProxy proxy = proxies.get(name);
    if (proxy != null) {
      return proxy;
    }
    if (embedded.isEmpty()) {
      return proxies.computeIfAbsent(name, this::existing);
    }
    throw new IllegalArgumentException(
        "no proxy named " + name + "; proxies: " + String.join(", ", proxies.keySet()));
  }

  private FaultProxy existing(String name) {
    Proxy proxy;
    try {
      proxy = client().getProxy(name);
    } catch (IOException e) {
      throw new IllegalArgumentException("no proxy named " + name + " on " + url + ": " + e, e);
    }
    String listen = proxy.getListen();
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon).replace("[", "").replace("]", "");
    host = host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    InetSocketAddress address =
        new InetSocketAddress(host, Integer.parseInt(listen.substring(colon + 1)));
    return new FaultProxy(new ProxyHandle(name, address, proxy.getUpstream()), faults);
  }

  /** The faults in effect now on this server, described. */
  public List<String> activeFaults() {
    return faults.active();
  }

  /**
   * A scenario file (our YAML), to run against this server: its {@code {proxy: NAME}} targets are
   * this server's proxies, and {@code ${proxy.NAME}} in it is the {@code host:port} where the proxy
   * NAME listens.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public ScenarioRun scenario(Path file) {
    try {
      return run(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scenario " + file, e);
    }
  }

  /** A scenario from the test class path, e.g. {@code "chaos/payment-latency.yaml"}. */
  public ScenarioRun scenario(String classpathResource) {
    return run(classpathResource, resource(classpathResource));
  }

  /** A Chaos Toolkit experiment file (JSON or YAML), run against this server's proxies. */
  public ExperimentRun experiment(Path file) {
    try {
      return experimentRun(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the experiment " + file, e);
    }
  }

  /** A Chaos Toolkit experiment from the test class path, e.g. {@code "chaos/latency.json"}. */
  public ExperimentRun experiment(String classpathResource) {
    return experimentRun(classpathResource, resource(classpathResource));
  }

  private synchronized ExperimentRun experimentRun(String source, String text) {
    return new ExperimentRun(source, text, injectors, servers, journals, currentTest.get());
  }

  private synchronized ScenarioRun run(String source, String text) {
    Map<String, String> variables = new LinkedHashMap<>();
    proxies.forEach((name, proxy) -> variables.put("proxy." + name, proxy.listen()));
    return new ScenarioRun(
        source, text, variables, injectors, servers, journals, currentTest.get());
  }

  private static String resource(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reverts every fault; what could not be reverted is returned. */
  List<String> revertAll() {
    return faults.revertAll();
  }

  /** Reverts what is left and stops the embedded server, if it is one. */
  void close() {
    try {
      faults.revertAll();
    } finally {
      embedded.ifPresent(EmbeddedToxiproxy::close);
    }
  }

  @Override
  public String toString() {
    return (embedded.isPresent() ? "embedded " : "attached ") + url + " " + proxies.keySet();
  }
}
