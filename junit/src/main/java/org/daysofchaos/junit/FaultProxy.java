package org.daysofchaos.junit;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.daysofchaos.agents.proxy.ProxyHandle;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.experiments.faults.Direction;
import org.daysofchaos.experiments.faults.NetworkBandwidth;
import org.daysofchaos.experiments.faults.NetworkDown;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.faults.NetworkResetPeer;
import org.daysofchaos.experiments.faults.NetworkTimeout;

/**
 * A proxy of the embedded fault proxy, in front of a dependency of the system under test. Point the
 * system at {@link #listen()} instead of the dependency, then break the link for the rest of the
 * test:
 *
 * <pre>{@code
 * payment.latency(Duration.ofMillis(800));
 * payment.down();
 * }</pre>
 *
 * <p>Every fault lasts until the end of the current test (until the end of the class when added
 * outside a test, e.g. in {@code @BeforeAll}), or until {@link #heal()}. It is reverted whatever
 * happens in the test, and the test fails if it is still in effect afterwards. Faults go through
 * the same injectors as a game day's ({@code network/latency}, {@code network/down}, …), on the
 * responses (downstream) unless the fault record says otherwise.
 */
public final class FaultProxy {
  private final ProxyHandle handle;
  private final FaultTracker faults;

  FaultProxy(ProxyHandle handle, FaultTracker faults) {
    this.handle = handle;
    this.faults = faults;
  }

  /** The proxy's name, which scenarios target as {@code {proxy: NAME}}. */
  public String name() {
    return handle.name();
  }

  /** Where the proxy accepts connections: a free port of 127.0.0.1. */
  public InetSocketAddress listenAddress() {
    return handle.listenAddress();
  }

  /** {@link #listenAddress()} as {@code host:port}, for a client's configuration. */
  public String listen() {
    return handle.listen();
  }

  /** The port the proxy listens on. */
  public int port() {
    return handle.listenAddress().getPort();
  }

  /** {@code scheme://host:port} of the proxy, e.g. {@code uri("http")} for an HTTP dependency. */
  public URI uri(String scheme) {
    return URI.create(scheme + "://" + listen());
  }

  /** The {@code host:port} the proxy forwards to. */
  public String upstream() {
    return handle.upstream();
  }

  /** Delays every chunk of the responses by {@code latency}. */
  public FaultProxy latency(Duration latency) {
    return latency(latency, Duration.ZERO);
  }

  /** Delays every chunk of the responses by {@code latency ± jitter}. */
  public FaultProxy latency(Duration latency, Duration jitter) {
    return inject(t -> new NetworkLatency(t, latency, jitter, Direction.DOWNSTREAM, 1.0));
  }

  /** Takes the link down: open connections are closed, new ones refused. */
  public FaultProxy down() {
    return inject(NetworkDown::new);
  }

  /** Resets every connection (TCP RST) as soon as data flows. */
  public FaultProxy resetPeer() {
    return resetPeer(Duration.ZERO);
  }

  /** Resets every connection (TCP RST) once it has lived {@code after}. */
  public FaultProxy resetPeer(Duration after) {
    return inject(t -> new NetworkResetPeer(t, after, Direction.DOWNSTREAM, 1.0));
  }

  /** Lets only {@code kilobytesPerSecond} KB/s of the responses through. */
  public FaultProxy bandwidth(long kilobytesPerSecond) {
    return inject(t -> new NetworkBandwidth(t, kilobytesPerSecond, Direction.DOWNSTREAM, 1.0));
  }

  /**
   * A black hole: no response data gets through, and connections are closed after {@code
   * closeAfter} ({@link Duration#ZERO}: kept open, silent, until the client gives up).
   */
  public FaultProxy timeout(Duration closeAfter) {
    return inject(t -> new NetworkTimeout(t, closeAfter, Direction.DOWNSTREAM, 1.0));
  }

  /**
   * Any fault kind of the catalog that targets a proxy, built for this proxy's target name: {@code
   * inject(t -> new NetworkSlicer(t, ...))}.
   */
  public FaultProxy inject(Function<String, ? extends FaultSpec> fault) {
    faults.inject(name(), fault.apply(name()));
    return this;
  }

  /**
   * Reverts the faults of this proxy now, before the end of the test: to see the system recover.
   *
   * @throws AssertionError if a fault could not be reverted
   */
  public FaultProxy heal() {
    List<String> problems = faults.revert(name());
    if (!problems.isEmpty()) {
      throw new AssertionError("proxy " + name() + " did not heal: " + problems);
    }
    return this;
  }

  @Override
  public String toString() {
    return "FaultProxy[" + name() + " " + listen() + " -> " + upstream() + "]";
  }
}
