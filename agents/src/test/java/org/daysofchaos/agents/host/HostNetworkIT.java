package org.daysofchaos.agents.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.environment.Secret;
import org.daysofchaos.agents.host.internal.NetemInjector;
import org.daysofchaos.agents.testing.NetNamespace;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.experiments.host.AgentTarget;
import org.daysofchaos.experiments.host.Netem;
import org.daysofchaos.experiments.host.PortAction;
import org.daysofchaos.experiments.host.PortBlock;
import org.daysofchaos.experiments.host.PortDirection;
import org.daysofchaos.experiments.host.PortProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults with their real effect, in a network namespace made for the test (root, ip, nft,
 * socat): a service listens there, the test connects to it over a veth link, and the agent applies
 * its faults in that namespace (the allow-list's {@code network.namespace}). One namespace and one
 * agent for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostNetworkIT {
  private static final int PORT = 8080; // inside a namespace of its own: nothing else is there
  private static final Duration DELAY = Duration.ofMillis(400);

  private Path dir;
  private final ManualClock clock = ManualClock.at("2027-01-01T10:00:00Z");
  private NetNamespace ns;
  private HostAgent agent;
  private int ids;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    this.dir = dir;
    Optional<String> unavailable = NetNamespace.unavailable("socat", "nft");
    assumeTrue(unavailable.isEmpty(), unavailable.orElse(""));
    ns = NetNamespace.create();
    ns.start(List.of("socat", "TCP-LISTEN:" + PORT + ",fork,reuseaddr", "EXEC:/bin/cat"));
    await().atMost(Duration.ofSeconds(20)).until(() -> connect() == Reach.CONNECTED);
    agent = HostAgent.open(config(), clock);
    assertThat(agent.recover()).isEmpty();
  }

  @AfterAll
  void tearDown() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (ns != null) {
      ns.close();
    }
  }

  private AgentConfig config() {
    NetworkLimits network =
        new NetworkLimits(List.of(ns.device()), Duration.ofSeconds(1), 10, Optional.of(ns.name()));
    Allow allow =
        new Allow(
            Map.of(),
            Map.of(),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            List.of(PORT),
            network);
    ServerConfig server =
        new ServerConfig(
            "http://127.0.0.1:1", Secret.fromEnv("TOKEN", "server.credential"), Optional.empty());
    return new AgentConfig(
        "net-1", server, dir.resolve("state"), Duration.ofSeconds(5), allow, dir);
  }

  private Outcome apply(FaultSpec fault) {
    return agent.apply(
        new Order("net-" + ++ids, "run-1", "s", "net-1", "web", fault, Duration.ofSeconds(5)));
  }

  private PortBlock block(int port, PortAction action) {
    return new PortBlock("web", port, PortProtocol.TCP, action, PortDirection.IN);
  }

  enum Reach {
    CONNECTED,
    REFUSED,
    TIMED_OUT
  }

  private Reach connect() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ns.address(), PORT), 1500);
      return Reach.CONNECTED;
    } catch (SocketTimeoutException e) {
      return Reach.TIMED_OUT;
    } catch (ConnectException e) {
      return Reach.REFUSED;
    }
  }

  @Test
  void theAgentSaysWhichNetworkFaultsThisHostCanApply() {
    Map<String, Optional<String>> kinds = agent.capabilities();
    assertThat(kinds.get("host/port-block")).isEmpty();
    // This kernel may lack netem (sch_netem): then the agent says so rather than fail later.
    assertThat(kinds).containsKey("host/netem");
    kinds.get("host/netem").ifPresent(why -> assertThat(why).contains("netem"));
  }

  @Test
  void aDroppedPortTimesOutAndOnlyTheFaultsTableIsDeletedByTheRevert() throws Exception {
    ns.exec("nft", "add", "table", "inet", "host_firewall");
    Outcome applied = apply(block(PORT, PortAction.DROP));
    assertThat(applied.status()).as(applied.message()).isEqualTo(Outcome.Status.APPLIED);
    assertThat(connect()).isEqualTo(Reach.TIMED_OUT);

    Outcome reverted = agent.revert(applied.injectionId());
    assertThat(reverted.status()).as(reverted.message()).isEqualTo(Outcome.Status.REVERTED);
    assertThat(connect()).isEqualTo(Reach.CONNECTED);
    assertThat(ns.exec("nft", "list", "tables")).contains("host_firewall").doesNotContain("chaos_");
    ns.exec("nft", "delete", "table", "inet", "host_firewall");
  }

  @Test
  void aRejectedPortIsRefusedAtOnceUntilItsLeasePasses() throws Exception {
    Outcome applied = apply(block(PORT, PortAction.REJECT));
    assertThat(applied.status()).as(applied.message()).isEqualTo(Outcome.Status.APPLIED);
    assertThat(connect()).isEqualTo(Reach.REFUSED);

    clock.advance(Duration.ofSeconds(6)); // the server stopped renewing it
    assertThat(agent.expire())
        .extracting(Outcome::injectionId, Outcome::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(applied.injectionId(), Outcome.Status.REVERTED));
    assertThat(connect()).isEqualTo(Reach.CONNECTED);
  }

  @Test
  void aRestartedAgentDeletesTheTableItsLedgerHolds() throws Exception {
    Outcome applied = apply(block(PORT, PortAction.REJECT));
    assertThat(applied.status()).as(applied.message()).isEqualTo(Outcome.Status.APPLIED);
    // The agent dies without reverting: another one opens the same folder.
    try (HostAgent restarted = HostAgent.open(config(), clock)) {
      assertThat(restarted.recover())
          .extracting(Outcome::status)
          .containsExactly(Outcome.Status.REVERTED);
      assertThat(connect()).isEqualTo(Reach.CONNECTED);
    }
    assertThat(agent.revert(applied.injectionId()).status()).isEqualTo(Outcome.Status.REVERTED);
  }

  @Test
  void theAllowListRefusesOtherPortsInterfacesAndAmounts() {
    Outcome port = apply(block(9090, PortAction.DROP));
    assertThat(port.status()).isEqualTo(Outcome.Status.REFUSED);
    assertThat(port.message())
        .isEqualTo(
            "agent net-1 refuses host/port-block: port 9090 is not in its allow-list; allowed:"
                + " 8080");

    // Checked by the injector itself, so also where the kernel has no netem.
    NetemInjector netem = new NetemInjector(new HostContext(agent.config()));
    Target target = new Target("web", new AgentTarget("net-1"));
    InjectionContext context = new InjectionContext("run-1", "plan", clock.instant());
    assertThatThrownBy(
            () ->
                netem.plannedRecord(
                    new Netem("web", "eth9", DELAY, Duration.ZERO, 0), target, context))
        .isInstanceOf(TargetRefusedException.class)
        .hasMessage(
            "agent net-1 refuses host/netem: interface 'eth9' is not in its allow-list; allowed: "
                + ns.device());
    assertThatThrownBy(
            () ->
                netem.plannedRecord(
                    new Netem(
                        "web", ns.device(), Duration.ofMillis(900), Duration.ofMillis(200), 0),
                    target,
                    context))
        .hasMessage(
            "agent net-1 refuses host/netem: 1s100ms of delay asked, its allow-list allows at most 1s");
    assertThatThrownBy(
            () ->
                netem.plannedRecord(
                    new Netem("web", ns.device(), Duration.ZERO, Duration.ZERO, 50),
                    target,
                    context))
        .hasMessage(
            "agent net-1 refuses host/netem: 50.0% loss asked, its allow-list allows at most"
                + " 10.0%");
  }

  @Test
  void netemDelaysTheLinkUntilReverted_orIsRefusedWhereTheKernelHasNoNetem() throws Exception {
    Outcome applied = apply(new Netem("web", ns.device(), DELAY, Duration.ZERO, 0));
    Optional<String> unavailable = agent.capabilities().get("host/netem");
    if (unavailable.isPresent()) {
      assertThat(applied.status()).isEqualTo(Outcome.Status.REFUSED);
      assertThat(applied.message())
          .isEqualTo("agent net-1 cannot apply host/netem: " + unavailable.get());
      return;
    }
    assertThat(applied.status()).as(applied.message()).isEqualTo(Outcome.Status.APPLIED);
    // The namespace's answer (SYN-ACK) leaves through the slowed interface.
    assertThat(fastestConnect()).isGreaterThanOrEqualTo(DELAY);

    Outcome reverted = agent.revert(applied.injectionId());
    assertThat(reverted.status()).as(reverted.message()).isEqualTo(Outcome.Status.REVERTED);
    assertThat(ns.exec("tc", "qdisc", "show", "dev", ns.device(), "root")).doesNotContain("netem");
    assertThat(fastestConnect()).isLessThan(DELAY);
  }

  /** The quickest of three connects: what the link adds, whatever the machine's load. */
  private Duration fastestConnect() throws IOException {
    Duration fastest = Duration.ofDays(1);
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      assertThat(connect()).isEqualTo(Reach.CONNECTED);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      fastest = took.compareTo(fastest) < 0 ? took : fastest;
    }
    return fastest;
  }
}
