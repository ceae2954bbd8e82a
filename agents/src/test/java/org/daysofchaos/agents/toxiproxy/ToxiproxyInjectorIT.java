package org.daysofchaos.agents.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.daysofchaos.agents.proxy.EchoServer;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.Faults;
import org.daysofchaos.experiments.faults.Direction;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.faults.NetworkLimitData;
import org.daysofchaos.experiments.faults.NetworkSlicer;
import org.daysofchaos.experiments.faults.NetworkSlowClose;
import org.daysofchaos.experiments.probes.ProxyState;
import org.daysofchaos.experiments.targets.ProxyTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Toxiproxy injector against the embedded proxy, through toxiproxy-java and real TCP. */
class ToxiproxyInjectorIT {
  private static final InjectionContext CONTEXT =
      new InjectionContext("run1", "run1-0", Instant.now().plusSeconds(600));

  private EchoServer echo;
  private EmbeddedToxiproxy toxiproxy;
  private ToxiproxyClient client;
  private Injectors injectors;
  private int proxyPort;
  private final Target target = new Target("db-link", new ProxyTarget("db"));

  @BeforeEach
  void start() throws Exception {
    echo = EchoServer.start();
    toxiproxy = EmbeddedToxiproxy.start(new InetSocketAddress("127.0.0.1", 0));
    toxiproxy.createProxy("db", "127.0.0.1:0", echo.hostPort());
    proxyPort = toxiproxy.listenAddress("db").getPort();
    client = new ToxiproxyClient(toxiproxy.host(), toxiproxy.port());
    injectors =
        Injectors.of(
            ToxiproxyBackend.injectors(
                ToxiproxyServers.of(ToxiproxyServer.of("default", toxiproxy.apiUrl()))));
  }

  @AfterEach
  void stop() {
    toxiproxy.close();
    echo.close();
  }

  private <F extends FaultSpec> Injection inject(F fault, Target target, InjectionContext context)
      throws Exception {
    return injectors.require(fault).inject(fault, target, context);
  }

  private Proxy proxy() throws Exception {
    return client.getProxy("db");
  }

  private long roundTripMillis() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", proxyPort)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      long start = System.nanoTime();
      out.write('x');
      out.flush();
      assertThat(in.read()).isEqualTo('x');
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  @Test
  void addsALatencyToxicNamedAfterTheInjectionThatSlowsRealTraffic() throws Exception {
    NetworkLatency fault =
        new NetworkLatency(
            "db-link", Duration.ofMillis(1_000), Duration.ofMillis(20), Direction.DOWNSTREAM, 1.0);

    Injection injection = inject(fault, target, CONTEXT);

    Latency toxic = proxy().toxics().get("daysofchaos-run1-0", Latency.class);
    assertThat(toxic.getLatency()).isEqualTo(1_000);
    assertThat(toxic.getJitter()).isEqualTo(20);
    assertThat(toxic.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
    assertThat(roundTripMillis()).isGreaterThanOrEqualTo(970);

    injection.revert();
    assertThat(injection.residue()).isEmpty();
    // Far below the toxic's second, with room for a loaded machine.
    assertThat(roundTripMillis()).isLessThan(600);
  }

  @Test
  void setsTheToxicityOfAPartialFault() throws Exception {
    NetworkLatency fault =
        new NetworkLatency(
            "db-link", Duration.ofMillis(50), Duration.ZERO, Direction.UPSTREAM, 0.25);

    inject(fault, target, CONTEXT);

    var toxic = proxy().toxics().get("daysofchaos-run1-0");
    assertThat(toxic.getToxicity()).isEqualTo(0.25f);
    assertThat(toxic.getStream()).isEqualTo(ToxicDirection.UPSTREAM);
  }

  @Test
  void revertRemovesOnlyOurToxicAndIsIdempotent() throws Exception {
    proxy().toxics().latency("someone-elses", ToxicDirection.UPSTREAM, 5);
    Injection injection = inject(Faults.resetPeer("db-link"), target, CONTEXT);

    injection.revert();
    injection.revert();

    assertThat(proxy().toxics().getAll())
        .extracting(t -> t.getName())
        .containsExactly("someone-elses");
  }

  @Test
  void takesTheProxyDownAndBringsItBack() throws Exception {
    Injection injection = inject(Faults.down("db-link"), target, CONTEXT);

    assertThat(proxy().isEnabled()).isFalse();
    assertThat(injection.residue()).contains("proxy db is still disabled");
    assertThatThrownBy(this::roundTripMillis).isInstanceOf(java.io.IOException.class);

    injection.revert();

    assertThat(proxy().isEnabled()).isTrue();
    // Far below the toxic's second, with room for a loaded machine.
    assertThat(roundTripMillis()).isLessThan(600);
  }

  @Test
  void revertsFromTheLedgerRecordAloneAfterACrash() throws Exception {
    Injection injection = inject(Faults.bandwidth("db-link", 10), target, CONTEXT);

    new ToxiproxyReverter().revert(injection.revertRecord());

    assertThat(proxy().toxics().getAll()).isEmpty();
  }

  @Test
  void refusesAServerThatIsNotConfigured() {
    Target elsewhere = new Target("prod-db", new ProxyTarget("db", Optional.of("production")));

    assertThatThrownBy(() -> inject(Faults.down("prod-db"), elsewhere, CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "target prod-db names toxiproxy server 'production', which is not configured; allowed servers: default");
  }

  @Test
  void refusesAProxyTheServerDoesNotHave() {
    assertThatThrownBy(
            () -> inject(Faults.down("x"), new Target("x", new ProxyTarget("payments")), CONTEXT))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessageContaining("has no proxy named 'payments'; it has: db");
  }

  @Test
  void refusesToTakeDownAProxySomeoneElseDisabled() throws Exception {
    proxy().disable();

    assertThatThrownBy(() -> inject(Faults.down("db-link"), target, CONTEXT))
        .hasMessageContaining("already disabled by someone else");
  }

  @Test
  void givesTheToxicTheInjectionsExpiryOnTheEmbeddedProxy() throws Exception {
    inject(Faults.latency("db-link", Duration.ofMillis(5)), target, CONTEXT);

    var http = java.net.http.HttpClient.newHttpClient();
    String body =
        http.send(
                java.net.http.HttpRequest.newBuilder(
                        toxiproxy.apiUrl().resolve("/proxies/db/toxics/daysofchaos-run1-0"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(body).contains("\"expires_at\":" + CONTEXT.expiresAt().toEpochMilli());
  }

  @Test
  void appliesSlowCloseSlicerAndLimitDataWithTheirAttributes() throws Exception {
    inject(
        new NetworkSlowClose("db-link", Duration.ofSeconds(2), Direction.DOWNSTREAM, 1.0),
        target,
        new InjectionContext("r", "r-0", CONTEXT.expiresAt()));
    inject(
        new NetworkSlicer("db-link", 64, 16, Duration.ofMillis(2), Direction.UPSTREAM, 1.0),
        target,
        new InjectionContext("r", "r-1", CONTEXT.expiresAt()));
    inject(
        new NetworkLimitData("db-link", 1000, Direction.DOWNSTREAM, 1.0),
        target,
        new InjectionContext("r", "r-2", CONTEXT.expiresAt()));

    assertThat(proxy().toxics().get("daysofchaos-r-0", SlowClose.class).getDelay()).isEqualTo(2000);
    Slicer slicer = proxy().toxics().get("daysofchaos-r-1", Slicer.class);
    assertThat(slicer.getAverageSize()).isEqualTo(64);
    assertThat(slicer.getSizeVariation()).isEqualTo(16);
    assertThat(slicer.getDelay()).as("microseconds").isEqualTo(2000);
    assertThat(proxy().toxics().get("daysofchaos-r-2", LimitData.class).getBytes()).isEqualTo(1000);
  }

  @Test
  void saysClearlyWhenTheToxicNameIsAlreadyTaken() throws Exception {
    proxy().toxics().latency("daysofchaos-run1-0", ToxicDirection.DOWNSTREAM, 1);

    assertThatThrownBy(() -> inject(Faults.resetPeer("db-link"), target, CONTEXT))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("already exists");
    assertThat(proxy().toxics().getAll()).hasSize(1);
  }

  @Test
  void theProxyStateProbeSeesToxicsAndOutages() throws Exception {
    ProxyStateRunner runner =
        new ProxyStateRunner(
            ToxiproxyServers.of(ToxiproxyServer.of("default", toxiproxy.apiUrl())));
    ProxyState clean = new ProxyState("db", "default", ProxyState.Expect.CLEAN);
    ProxyState enabled = new ProxyState("db", "default", ProxyState.Expect.ENABLED);
    assertThat(runner.observe(clean).holds()).isTrue();

    Injection latency = inject(Faults.latency("db-link", Duration.ofMillis(5)), target, CONTEXT);
    assertThat(runner.observe(clean).holds()).isFalse();
    assertThat(runner.observe(clean).detail()).contains("toxics: daysofchaos-run1-0 (downstream)");
    assertThat(runner.observe(enabled).holds()).isTrue();

    latency.revert();
    Injection down = inject(Faults.down("db-link"), target, CONTEXT);
    assertThat(runner.observe(enabled).holds()).isFalse();
    assertThat(runner.observe(enabled).detail()).startsWith("disabled");
    down.revert();
    assertThat(runner.observe(clean).holds()).isTrue();
    assertThat(runner.observe(new ProxyState("nope", "default", ProxyState.Expect.CLEAN)).detail())
        .isEqualTo("no proxy nope on default");
  }

  @Test
  void thePlannedRecordRevertsAFaultWhoseActiveMarkWasLostInACrash() throws Exception {
    var planned =
        injectors
            .require(Faults.resetPeer("db-link"))
            .plannedRecord(Faults.resetPeer("db-link"), target, CONTEXT);
    inject(Faults.resetPeer("db-link"), target, CONTEXT);
    var plannedDown =
        injectors
            .require(Faults.down("db-link"))
            .plannedRecord(
                Faults.down("db-link"),
                target,
                new InjectionContext("run1", "run1-1", CONTEXT.expiresAt()));
    inject(
        Faults.down("db-link"),
        target,
        new InjectionContext("run1", "run1-1", CONTEXT.expiresAt()));

    new ToxiproxyReverter().revert(planned);
    new ToxiproxyReverter().revert(plannedDown);

    assertThat(proxy().toxics().getAll()).isEmpty();
    assertThat(proxy().isEnabled()).isTrue();
  }
}
