package org.daysofchaos.agents.host.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.experiments.host.FileAction;
import org.daysofchaos.experiments.host.FileChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as a process of its own, against a server of the protocol: the dead man's switch when
 * the server is SIGKILLed, the ledger's revert when the agent is SIGKILLed and started again, and a
 * refused credential.
 */
class AgentLinkIT {
  private static final String CREDENTIAL = "agent-credential-for-tests";
  private static final Duration LEASE = Duration.ofSeconds(2);

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void setUp() throws IOException {
    file = dir.resolve("app.yaml");
    Files.writeString(file, "threads: 8\n");
    Files.writeString(dir.resolve("agent.credential"), CREDENTIAL + "\n");
  }

  private Path config(String url) throws IOException {
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        name: web-1
        server: { url: "%s", credential: { fromFile: agent.credential } }
        state: state
        lease: %dms
        allow:
          files:
            app-config: { path: %s }
        """
            .formatted(url, LEASE.toMillis(), file));
    return config;
  }

  private static Wire.Apply breakConfig(String id) {
    return new Wire.Apply(
        id,
        "run-1",
        "host/bad-config",
        "web",
        FaultCodec.encode(new FileChange("web", "app-config", FileAction.REPLACE, "threads: 0\n")),
        60_000);
  }

  private JavaProcess agent(Path config) throws IOException {
    return new JavaProcess(AgentMain.class, "--config", config.toString());
  }

  @Test
  void aKilledServerLeavesNoFaultBeyondTheLease() throws Exception {
    Path orders = dir.resolve("orders.json");
    ArrayNode list = Wire.MAPPER.createArrayNode().add(Wire.MAPPER.valueToTree(breakConfig("i-1")));
    Files.writeString(orders, list.toString());
    Path port = dir.resolve("server.url");
    try (JavaProcess server =
            new JavaProcess(FakeChaosServer.class, CREDENTIAL, port.toString(), orders.toString());
        JavaProcess agent = agentWhenServerListens(port)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.readString(file).equals("threads: 0\n"));
      // Renewed while the server lives: still broken after more than a lease.
      await().pollDelay(LEASE.plusMillis(500)).atMost(LEASE.plusSeconds(5)).until(() -> true);
      assertThat(Files.readString(file)).as(agent.output()).isEqualTo("threads: 0\n");

      server.kill();
      long killed = System.nanoTime();
      await()
          .atMost(LEASE.plusSeconds(1))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Files.readString(file).equals("threads: 8\n"));
      assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(LEASE.plusSeconds(1));
      assertThat(agent.process.isAlive()).isTrue();
    }
  }

  private JavaProcess agentWhenServerListens(Path port) throws IOException {
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(port));
    return agent(config(Files.readString(port)));
  }

  @Test
  void aKilledAgentRevertsItsLedgerWhenStartedAgainBeforeAnythingNew() throws Exception {
    try (FakeChaosServer server = new FakeChaosServer(CREDENTIAL, 500)) {
      Path config = config(server.url());
      server.order(breakConfig("i-1"));
      try (JavaProcess agent = agent(config)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> Files.readString(file).equals("threads: 0\n"));
        agent.kill();
      }
      assertThat(Files.readString(file)).isEqualTo("threads: 0\n");

      try (JavaProcess again = agent(config)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> server.hellos.size() == 2);
        assertThat(Files.readString(file)).isEqualTo("threads: 8\n");
        Wire.Hello hello = server.hellos.get(1);
        assertThat(hello.recovered())
            .extracting(Wire.Result::injectionId, Wire.Result::status)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("i-1", "REVERTED"));
        assertThat(hello.capabilities()).containsEntry("host/file-change", "");
      }
    }
  }

  @Test
  void theAgentSpeaksPlainHttp11WithNoUpgradeToHttp2() throws Exception {
    try (FakeChaosServer server = new FakeChaosServer(CREDENTIAL, 200);
        JavaProcess agent = agent(config(server.url()))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> server.protocols.size() >= 3);

      assertThat(server.protocols).as(agent.output()).allMatch(p -> p.equals("HTTP/1.1"));
    }
  }

  @Test
  void aRefusedCredentialStopsTheAgent() throws Exception {
    try (FakeChaosServer server = new FakeChaosServer("another-credential", 500);
        JavaProcess agent = agent(config(server.url()))) {
      assertThat(agent.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(agent.process.exitValue()).isEqualTo(3);
      assertThat(agent.output())
          .contains("the server refused the credential of agent web-1 (unknown or revoked)");
      assertThat(server.hellos).isEmpty();
    }
  }

  @Test
  void aFaultTheServerStopsRenewingEndsWithItsLease() throws Exception {
    try (FakeChaosServer server = new FakeChaosServer(CREDENTIAL, 300);
        JavaProcess agent = agent(config(server.url()))) {
      server.order(breakConfig("i-2"));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.readString(file).equals("threads: 0\n"));
      server.forget("i-2");
      await()
          .atMost(LEASE.plusSeconds(5))
          .until(() -> Files.readString(file).equals("threads: 8\n"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  server.results.stream()
                      .anyMatch(
                          r -> r.injectionId().equals("i-2") && r.status().equals("REVERTED")));
      assertThat(List.copyOf(server.results)).extracting(Wire.Result::status).startsWith("APPLIED");
    }
  }
}
