package org.daysofchaos.agents.toxiproxy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.TargetRefusedException;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.experiments.faults.Direction;
import org.daysofchaos.experiments.faults.NetworkBandwidth;
import org.daysofchaos.experiments.faults.NetworkDown;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.faults.NetworkLimitData;
import org.daysofchaos.experiments.faults.NetworkResetPeer;
import org.daysofchaos.experiments.faults.NetworkSlicer;
import org.daysofchaos.experiments.faults.NetworkSlowClose;
import org.daysofchaos.experiments.faults.NetworkTimeout;

/**
 * Applies network faults as toxics (or, for an outage, by disabling the proxy) on a configured
 * Toxiproxy-compatible server. Each toxic is named after the injection, so a revert removes exactly
 * what this injection added and leaves other people's toxics alone.
 */
public final class ToxiproxyInjector implements FaultInjector<FaultSpec> {
  /** Prefix of the toxics we create; a clean-up after a crash looks for it. */
  public static final String TOXIC_PREFIX = "daysofchaos-";

  /** How the embedded fault proxy marks its {@code /version}. */
  static final String EMBEDDED_VERSION_MARK = "daysofchaos";

  private final ToxiproxyServers servers;

  public ToxiproxyInjector(ToxiproxyServers servers) {
    this.servers = servers;
  }

  @Override
  public Injection inject(FaultSpec fault, Target target, InjectionContext context)
      throws IOException {
    ToxiproxyServer server = servers.serverFor(target);
    Proxy proxy = proxy(server, target);
    if (fault instanceof NetworkDown) {
      return disable(server, proxy);
    }
    String name = TOXIC_PREFIX + context.injectionId();
    Toxic toxic = createToxic(proxy.toxics(), name, fault);
    if (holdsExpiries(server)) {
      configure(toxic, () -> Expiry.set(server, proxy.getName(), name, context.expiresAt()));
    }
    return new ToxicInjection(server, proxy.getName(), name);
  }

  private static Proxy proxy(ToxiproxyServer server, Target target) throws IOException {
    ToxiproxyClient client = new ToxiproxyClient(server.host(), server.port());
    List<Proxy> proxies;
    try {
      proxies = client.getProxies();
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
        .filter(p -> p.getName().equals(target.ref()))
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
                        + target.ref()
                        + "'; it has: "
                        + String.join(", ", proxies.stream().map(Proxy::getName).toList())));
  }

  @Override
  public Map<String, String> plannedRecord(
      FaultSpec fault, Target target, InjectionContext context) {
    ToxiproxyServer server = servers.serverFor(target);
    Injection planned =
        fault instanceof NetworkDown
            ? new OutageInjection(server, target.ref())
            : new ToxicInjection(server, target.ref(), TOXIC_PREFIX + context.injectionId());
    return planned.revertRecord();
  }

  @Override
  public String inspect(Target target) throws IOException {
    ToxiproxyServer server = servers.serverFor(target);
    Proxy proxy = proxy(server, target);
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
  private static boolean holdsExpiries(ToxiproxyServer server) throws IOException {
    return new ToxiproxyClient(server.host(), server.port())
        .version()
        .contains(EMBEDDED_VERSION_MARK);
  }

  private static Injection disable(ToxiproxyServer server, Proxy proxy) throws IOException {
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

  /**
   * Creates the toxic, then sets what the client cannot set at creation (jitter, toxicity). If a
   * later call fails the toxic is removed again: never a half-applied fault.
   */
  private static Toxic createToxic(ToxicList toxics, String name, FaultSpec fault)
      throws IOException {
    Toxic toxic;
    double toxicity;
    if (fault instanceof NetworkLatency f) {
      toxic = toxics.latency(name, direction(f.direction()), f.latency().toMillis());
      toxicity = f.toxicity();
      if (!f.jitter().isZero()) {
        configure(
            toxic,
            () ->
                ((eu.rekawek.toxiproxy.model.toxic.Latency) toxic)
                    .setJitter(f.jitter().toMillis()));
      }
    } else if (fault instanceof NetworkBandwidth f) {
      toxic = toxics.bandwidth(name, direction(f.direction()), f.rate());
      toxicity = f.toxicity();
    } else if (fault instanceof NetworkResetPeer f) {
      toxic = toxics.resetPeer(name, direction(f.direction()), f.after().toMillis());
      toxicity = f.toxicity();
    } else if (fault instanceof NetworkTimeout f) {
      toxic = toxics.timeout(name, direction(f.direction()), f.closeAfter().toMillis());
      toxicity = f.toxicity();
    } else if (fault instanceof NetworkSlowClose f) {
      toxic = toxics.slowClose(name, direction(f.direction()), f.delay().toMillis());
      toxicity = f.toxicity();
    } else if (fault instanceof NetworkSlicer f) {
      // Toxiproxy counts the slicer's delay in microseconds.
      Slicer slicer =
          toxics.slicer(
              name, direction(f.direction()), f.averageSize(), f.delay().toNanos() / 1000);
      toxic = slicer;
      toxicity = f.toxicity();
      if (f.sizeVariation() > 0) {
        configure(toxic, () -> slicer.setSizeVariation(f.sizeVariation()));
      }
    } else if (fault instanceof NetworkLimitData f) {
      toxic = toxics.limitData(name, direction(f.direction()), f.bytes());
      toxicity = f.toxicity();
    } else {
      throw new IllegalArgumentException(
          "the toxiproxy injector cannot apply " + fault.getClass().getSimpleName());
    }
    if (toxicity < 1.0) {
      configure(toxic, () -> toxic.setToxicity((float) toxicity));
    }
    return toxic;
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void configure(Toxic toxic, IoAction action) throws IOException {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      try {
        toxic.remove();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static ToxicDirection direction(Direction direction) {
    return direction == Direction.UPSTREAM ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
  }

  /** Reverts an injection of this injector from its ledger record alone (after a crash). */
  public static void revertFromRecord(Map<String, String> record) throws IOException {
    ToxiproxyServer server =
        ToxiproxyServer.of(record.get("server"), java.net.URI.create(record.get("url")));
    if (record.containsKey("toxic")) {
      new ToxicInjection(server, record.get("proxy"), record.get("toxic")).revert();
    } else {
      new OutageInjection(server, record.get("proxy")).revert();
    }
  }

  private static Optional<Proxy> find(ToxiproxyServer server, String proxyName) throws IOException {
    return new ToxiproxyClient(server.host(), server.port())
        .getProxies().stream().filter(p -> p.getName().equals(proxyName)).findFirst();
  }

  private record ToxicInjection(ToxiproxyServer server, String proxyName, String toxicName)
      implements Injection {
    @Override
    public void revert() throws IOException {
      Optional<Proxy> proxy = find(server, proxyName);
      if (proxy.isPresent() && hasToxic(proxy.get())) {
        proxy.get().toxics().get(toxicName).remove();
      }
    }

    private boolean hasToxic(Proxy proxy) throws IOException {
      return proxy.toxics().getAll().stream().anyMatch(t -> t.getName().equals(toxicName));
    }

    @Override
    public Optional<String> residue() throws IOException {
      Optional<Proxy> proxy = find(server, proxyName);
      if (proxy.isPresent() && hasToxic(proxy.get())) {
        return Optional.of("toxic " + toxicName + " is still on proxy " + proxyName);
      }
      return Optional.empty();
    }

    @Override
    public Map<String, String> revertRecord() {
      return Map.of(
          "server", server.name(), "url", server.url(), "proxy", proxyName, "toxic", toxicName);
    }
  }

  private record OutageInjection(ToxiproxyServer server, String proxyName) implements Injection {
    @Override
    public void revert() throws IOException {
      Optional<Proxy> proxy = find(server, proxyName);
      if (proxy.isPresent() && !proxy.get().isEnabled()) {
        proxy.get().enable();
      }
    }

    @Override
    public Optional<String> residue() throws IOException {
      Optional<Proxy> proxy = find(server, proxyName);
      if (proxy.isPresent() && !proxy.get().isEnabled()) {
        return Optional.of("proxy " + proxyName + " is still disabled");
      }
      return Optional.empty();
    }

    @Override
    public Map<String, String> revertRecord() {
      return Map.of(
          "server", server.name(), "url", server.url(), "proxy", proxyName, "enable", "true");
    }
  }
}
