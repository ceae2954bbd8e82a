package org.daysofchaos.junit;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chaos of one test class: its embedded fault proxy (Toxiproxy's API on a free port of
 * 127.0.0.1, no Docker), the proxies in front of the system under test, and scenarios run as tests.
 * Injected by {@link ChaosExtension} into fields and parameters of this type; it lives as long as
 * the test class (nested classes share their outer class's).
 *
 * <p>The methods here act on the embedded server; {@link #attach(URI)} gives a Toxiproxy-compatible
 * server that is already running (one the system under test brings, or a real Toxiproxy), with the
 * same methods and the same revert after each test.
 */
public final class Chaos implements AutoCloseable {
  /** The system property that moves the journals; by default {@code target/chaos-journals}. */
  public static final String JOURNALS_PROPERTY = "chaos.journals";

  private final Path journals;
  private final ProxyServer embedded;
  private final Map<URI, ProxyServer> attached = new LinkedHashMap<>();
  private volatile String currentTest = "junit";

  private Chaos(Path journals) {
    this.journals = journals;
    this.embedded = ProxyServer.embedded(journals, () -> currentTest);
  }

  /** Starts an embedded fault proxy; journals go to {@link #defaultJournalDirectory()}. */
  public static Chaos start() {
    return start(defaultJournalDirectory());
  }

  /** Starts an embedded fault proxy; journals of scenario runs go to {@code journals}. */
  public static Chaos start(Path journals) {
    return new Chaos(journals);
  }

  /** {@code -Dchaos.journals=DIR}, or {@code target/chaos-journals} (Maven's build folder). */
  public static Path defaultJournalDirectory() {
    return Path.of(System.getProperty(JOURNALS_PROPERTY, "target/chaos-journals"));
  }

  /** The embedded server. */
  public ProxyServer embedded() {
    return embedded;
  }

  /**
   * A Toxiproxy-compatible server already running at {@code apiUrl} ({@code http://host:port}): its
   * proxies ({@link ProxyServer#proxy(String)}) take faults for one test like the embedded ones,
   * and scenarios run against it. The same object for the same URL.
   */
  public synchronized ProxyServer attach(URI apiUrl) {
    return attached.computeIfAbsent(
        apiUrl, url -> ProxyServer.attached(url, journals, () -> currentTest));
  }

  /** See {@link ProxyServer#proxy(String, String)}, on the embedded server. */
  public FaultProxy proxy(String name, String upstream) {
    return embedded.proxy(name, upstream);
  }

  /** See {@link ProxyServer#proxy(String)}, on the embedded server. */
  public FaultProxy proxy(String name) {
    return embedded.proxy(name);
  }

  /** The base URL of the embedded proxy's Toxiproxy API, for any Toxiproxy client. */
  public URI toxiproxyUrl() {
    return embedded.url();
  }

  /** A toxiproxy-java client of the embedded proxy; what it adds is also removed after a test. */
  public ToxiproxyClient toxiproxyClient() {
    return embedded.client();
  }

  /** Where the journals of scenario runs are written. */
  public Path journalDirectory() {
    return journals;
  }

  /** The faults in effect now on the embedded server and every attached one, described. */
  public synchronized List<String> activeFaults() {
    List<String> all = new ArrayList<>(embedded.activeFaults());
    attached.values().forEach(s -> all.addAll(s.activeFaults()));
    return all;
  }

  /** See {@link ProxyServer#scenario(Path)}, against the embedded server. */
  public ScenarioRun scenario(Path file) {
    return embedded.scenario(file);
  }

  /** See {@link ProxyServer#scenario(String)}, against the embedded server. */
  public ScenarioRun scenario(String classpathResource) {
    return embedded.scenario(classpathResource);
  }

  /** See {@link ProxyServer#experiment(Path)}, against the embedded server. */
  public ExperimentRun experiment(Path file) {
    return embedded.experiment(file);
  }

  /** See {@link ProxyServer#experiment(String)}, against the embedded server. */
  public ExperimentRun experiment(String classpathResource) {
    return embedded.experiment(classpathResource);
  }

  /** Called by the extension: names the journals of what runs next. */
  void testStarted(String name) {
    currentTest = name;
  }

  /**
   * Called by the extension when a test (or the class) ends: every fault is reverted, and what
   * could not be is returned.
   */
  synchronized List<String> revertAll() {
    List<String> problems = new ArrayList<>(embedded.revertAll());
    attached.values().forEach(s -> problems.addAll(s.revertAll()));
    return problems;
  }

  /** Reverts what is left and stops the embedded proxy. */
  @Override
  public synchronized void close() {
    try {
      attached.values().forEach(ProxyServer::close);
    } finally {
      embedded.close();
    }
  }

  @Override
  public String toString() {
    return "Chaos[" + embedded + ", attached " + attached.values() + "]";
  }
}
