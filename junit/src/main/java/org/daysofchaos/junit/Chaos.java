package org.daysofchaos.junit;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.process.LocalProcesses;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.agents.proxy.ProxyHandle;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServer;
import org.daysofchaos.agents.toxiproxy.ToxiproxyServers;
import org.daysofchaos.core.spi.Injectors;

/**
 * The chaos of one test class: its embedded fault proxy (Toxiproxy's API on a free port of
 * 127.0.0.1, no Docker), the proxies in front of the system under test, and scenarios run as tests.
 * Injected by {@link ChaosExtension} into fields and parameters of this type; it lives as long as
 * the test class (nested classes share their outer class's).
 */
public final class Chaos implements AutoCloseable {
  /** The system property that moves the journals; by default {@code target/chaos-journals}. */
  public static final String JOURNALS_PROPERTY = "chaos.journals";

  private final EmbeddedToxiproxy toxiproxy;
  private final ToxiproxyServers servers;
  private final Injectors injectors;
  private final FaultTracker faults;
  private final Path journals;
  private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();
  private volatile String currentTest = "junit";

  private Chaos(EmbeddedToxiproxy toxiproxy, Path journals) {
    this.toxiproxy = toxiproxy;
    this.servers =
        ToxiproxyServers.of(ToxiproxyServer.of(ToxiproxyServer.DEFAULT, toxiproxy.apiUrl()));
    this.injectors = Agents.injectors(servers, new LocalProcesses());
    this.faults = new FaultTracker(injectors, toxiproxy.client(), Clock.systemUTC());
    this.journals = journals;
  }

  /** Starts an embedded fault proxy; journals go to {@link #defaultJournalDirectory()}. */
  public static Chaos start() {
    return start(defaultJournalDirectory());
  }

  /** Starts an embedded fault proxy; journals of scenario runs go to {@code journals}. */
  public static Chaos start(Path journals) {
    return new Chaos(EmbeddedToxiproxy.start(), journals);
  }

  /** {@code -Dchaos.journals=DIR}, or {@code target/chaos-journals} (Maven's build folder). */
  public static Path defaultJournalDirectory() {
    return Path.of(System.getProperty(JOURNALS_PROPERTY, "target/chaos-journals"));
  }

  /**
   * A proxy named {@code name} in front of {@code upstream} ({@code host:port}), listening on a
   * free port: the same one when called again with the same upstream.
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
    ProxyHandle handle = toxiproxy.createProxy(name, "127.0.0.1:0", upstream);
    FaultProxy proxy = new FaultProxy(handle, faults);
    proxies.put(name, proxy);
    return proxy;
  }

  /**
   * The proxy named {@code name}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public synchronized FaultProxy proxy(String name) {
    FaultProxy proxy = proxies.get(name);
    if (proxy == null) {
      throw new IllegalArgumentException(
          "no proxy named " + name + "; proxies: " + String.join(", ", proxies.keySet()));
    }
    return proxy;
  }

  /** The base URL of the embedded proxy's Toxiproxy API, for any Toxiproxy client. */
  public URI toxiproxyUrl() {
    return toxiproxy.apiUrl();
  }

  /** A toxiproxy-java client of the embedded proxy; what it adds is also removed after a test. */
  public ToxiproxyClient toxiproxyClient() {
    return toxiproxy.client();
  }

  /** Where the journals of scenario runs are written. */
  public Path journalDirectory() {
    return journals;
  }

  /** The faults in effect now, described. */
  public List<String> activeFaults() {
    return faults.active();
  }

  /**
   * A scenario file (our YAML), to run against the proxies of this class: its {@code {proxy: NAME}}
   * targets are the proxies created here, and {@code ${proxy.NAME}} in it is the {@code host:port}
   * where the proxy NAME listens.
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

  private synchronized ScenarioRun run(String source, String text) {
    Map<String, String> variables = new LinkedHashMap<>();
    proxies.forEach((name, proxy) -> variables.put("proxy." + name, proxy.listen()));
    return new ScenarioRun(source, text, variables, injectors, servers, journals, currentTest);
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

  /** Called by the extension: names the journals of what runs next. */
  void testStarted(String name) {
    currentTest = name;
  }

  /**
   * Called by the extension when a test (or the class) ends: every fault is reverted, and what
   * could not be is returned.
   */
  List<String> revertAll() {
    return faults.revertAll();
  }

  /** Reverts what is left and stops the embedded proxy. */
  @Override
  public void close() {
    try {
      faults.revertAll();
    } finally {
      toxiproxy.close();
    }
  }

  @Override
  public String toString() {
    return "Chaos[" + toxiproxy + ", proxies " + proxies.keySet() + "]";
  }
}
