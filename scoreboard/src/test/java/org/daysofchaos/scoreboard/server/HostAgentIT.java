package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.daysofchaos.agents.testing.NetNamespace;
import org.daysofchaos.scoreboard.testing.ChaosJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host agent against the real game-day server, both packaged and run as users run them, on this
 * machine: a game day's incidents pause a process, fill a disk and change two files through the
 * agent, each seen on this host and undone; the time-boxed file change is reverted by the server
 * through the agent, the other is renewed while the server lives and reverted by the agent itself
 * within its lease plus a second once the server is SIGKILLed. Meanwhile an agent with a revoked
 * credential is refused and stops, and (as root, with ip and socat) a third agent in a network
 * namespace of its own, as another host, reverts its fault within its lease plus a second once its
 * link is taken down. One server for all of it: its start is most of the test's time.
 */
class HostAgentIT {
  static final Duration LEASE = Duration.ofSeconds(2);

  @TempDir Path dir;

  static String scenario(String id, String file, String duration, String healthUrl) {
    return scenario(id, "it-web", file, duration, healthUrl);
  }

  static String scenario(String id, String agent, String file, String duration, String healthUrl) {
    return hostScenario(
        id,
        agent,
        """
          - kind: host/file-change
            target: web
            file: %s
            content: "broken\\n"
        """
            .formatted(file),
        duration,
        healthUrl);
  }

  /** A time-boxed scenario of one host fault (YAML list item indented under {@code faults:}). */
  static String hostScenario(
      String id, String agent, String fault, String duration, String healthUrl) {
    return """
        id: %s
        title: A fault on a host
        mode: time-boxed
        duration: %s
        targets:
          web: { agent: %s }
        faults:
        %s
        steadyState:
          - kind: http/status
            url: %s
        recovery: { holdFor: 1s, within: 1m }
        """
        .formatted(id, duration, agent, fault.stripTrailing(), healthUrl);
  }

  @Test
  void theServerDrivesARealAgentAndItsDeathLeavesNoFaultBeyondTheLease() throws Exception {
    Path app = Files.writeString(dir.resolve("app.yaml"), "threads: 8\n");
    Path flags = Files.writeString(dir.resolve("flags.yaml"), "checkout: on\n");
    Path remote = Files.writeString(dir.resolve("remote.yaml"), "mode: normal\n");
    Path disk = Files.createDirectories(dir.resolve("disk"));
    Process sleeper = new ProcessBuilder("sleep", "600").start();
    Optional<String> noNamespace = NetNamespace.unavailable("socat");
    noNamespace.ifPresent(why -> System.out.println("no network namespace part: " + why));
    List<String> options =
        new ArrayList<>(
            List.of("--data-dir", dir.resolve("data").toString(), "--node-id", "agent-it"));
    if (noNamespace.isEmpty()) {
      options.addAll(List.of("--host", "0.0.0.0")); // the namespace reaches it over its link
    }
    ServerProcess.Server serve =
        ServerProcess.Server.of(
            ServerProcess.JAR,
            List.of(
                "-Dchaos.run.interval=250ms",
                "-Dchaos.agents.wait=500ms",
                "-Dchaos.agents.lease=" + LEASE.toMillis() + "ms"),
            options);
    try (ServerProcess server = serve.start(dir);
        NetNamespace ns = noNamespace.isEmpty() ? NetNamespace.create() : null) {
      Http api = server.awaitApi(Duration.ofSeconds(60));
      String health = serve.base().resolve("/q/health/live").toString();
      String credential =
          api.postJson("/api/agents", "{\"name\": \"it-web\"}").json().get("credential").asText();
      Path config =
          agentConfig(
              "it-web",
              credential,
              serve.base().toString(),
              app,
              flags,
              """
                processes:
                  sleeper: { pid: %d }
                disks:
                  scratch: { path: %s, floor: 1MiB, max: 8MiB }
              """
                  .formatted(sleeper.pid(), disk));
      String revoked =
          api.postJson("/api/agents", "{\"name\": \"it-old\"}").json().get("credential").asText();
      assertThat(api.delete("/api/agents/it-old").status()).isEqualTo(204);

      try (ServerProcess agent = agent(config);
          ServerProcess refused =
              agent(agentConfig("it-old", revoked, serve.base().toString(), app, flags))) {
        if (ns != null) {
          startInNamespace(ns, api, serve, remote);
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> api.getJson("/api/agents/it-web").path("connected").asBoolean());
        assertThat(
                api.postYaml("/api/scenarios", scenario("it/short", "app-config", "3s", health))
                    .status())
            .isEqualTo(201);
        assertThat(
                api.postYaml("/api/scenarios", scenario("it/long", "flags", "2m", health)).status())
            .isEqualTo(201);
        assertThat(
                api.postYaml("/api/scenarios", scenario("it/refused", "not-allowed", "3s", health))
                    .status())
            .isEqualTo(201);
        String pause = "  - { kind: host/process-pause, target: web, process: sleeper }";
        assertThat(
                api.postYaml(
                        "/api/scenarios", hostScenario("it/paused", "it-web", pause, "5s", health))
                    .status())
            .isEqualTo(201);
        String fill = "  - { kind: host/disk-fill, target: web, disk: scratch, size: 2MiB }";
        assertThat(
                api.postYaml(
                        "/api/scenarios", hostScenario("it/disk", "it-web", fill, "5s", health))
                    .status())
            .isEqualTo(201);
        String day =
            """
            id: agent-day
            name: Agent day
            window: { lasts: 1h }
            teams: [blue]
            scenarios:
              - scenario: it/short
                at: 1s
              - scenario: it/long
                at: 1s
              - scenario: it/refused
                at: 1s
              - scenario: it/paused
                at: 1s
              - scenario: it/disk
                at: 1s
            """
                + (ns == null ? "" : "  - scenario: it/remote\n    at: 1s\n");
        assertThat(api.postYaml("/api/gamedays", day).status()).isEqualTo(201);
        JsonNode preflight =
            api.post("/api/gamedays/agent-day/preflight", "", "application/json").json();
        assertThat(preflight.path("ok").asBoolean()).as(preflight.toString()).isTrue();
        assertThat(api.post("/api/gamedays/agent-day/start", "", "text/plain").status())
            .isEqualTo(200);

        // Meanwhile, the agent with a revoked credential was refused and stopped.
        assertThat(refused.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.process.exitValue()).as(refused.output()).isEqualTo(3);
        assertThat(refused.output()).contains("refused the credential of agent it-old");
        assertThat(api.getJson("/api/agents/it-old").path("connected").asBoolean()).isFalse();

        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    Files.readString(app).equals("broken\n")
                        && Files.readString(flags).equals("broken\n"));
        // A process paused and a disk filled through the agent, seen on this host, then undone by
        // the server when their time is up (5 s each, from 1 s into the day).
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .ignoreExceptions()
            .untilAsserted(
                () -> {
                  assertThat(processState(sleeper))
                      .as("%s", journal(api, "it/paused"))
                      .isEqualTo("T");
                  assertThat(bytesIn(disk))
                      .as("%s", journal(api, "it/disk"))
                      .isGreaterThanOrEqualTo(2L << 20);
                });
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !processState(sleeper).equals("T") && bytesIn(disk) == 0);
        assertThat(sleeper.isAlive()).isTrue();

        // The short incident ends: the server reverts it through the agent.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> Files.readString(app).equals("threads: 8\n"));
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(journal(api, "it/short"))
                        .anyMatch(e -> e.startsWith("INJECTED injected host/file-change on web"))
                        .anyMatch(e -> e.startsWith("REVERTED")));
        // The host's allow-list refused a file it does not list: the reason is in the journal.
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(journal(api, "it/refused"))
                        .anyMatch(
                            e ->
                                e.startsWith("INJECTION_FAILED")
                                    && e.contains("agent it-web refuses host/file-change")));
        // The long one outlives several leases while the server renews it.
        assertThat(Files.readString(flags)).as(agent.output()).isEqualTo("broken\n");

        if (ns != null) {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> Files.readString(remote).equals("broken\n"));
          ns.cut();
          long cut = System.nanoTime();
          await()
              .atMost(LEASE.plusSeconds(1))
              .pollInterval(Duration.ofMillis(20))
              .until(() -> Files.readString(remote).equals("mode: normal\n"));
          System.out.printf(
              "fault reverted by the agent %d ms after its link was taken down%n",
              Duration.ofNanos(System.nanoTime() - cut).toMillis());
          assertThat(Files.readString(flags)).as("the other agent's fault").isEqualTo("broken\n");
        }

        server.kill();
        long killed = System.nanoTime();
        await()
            .atMost(LEASE.plusSeconds(1))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> Files.readString(flags).equals("checkout: on\n"));
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf(
            "fault reverted by the agent %d ms after the server's SIGKILL%n", took.toMillis());
        assertThat(agent.process.isAlive()).isTrue();
      }
    } finally {
      sleeper.destroyForcibly();
    }
  }

  /** The process's state letter from /proc (T: stopped). */
  private static String processState(Process process) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  }

  private static long bytesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  /**
   * An agent on its own "host": in the namespace, reaching the server through its link (socat
   * carries its loopback port there, as the agent speaks plain http only to loopback).
   */
  private void startInNamespace(NetNamespace ns, Http api, ServerProcess.Server serve, Path file)
      throws Exception {
    String credential =
        api.postJson("/api/agents", "{\"name\": \"it-remote\"}").json().get("credential").asText();
    int port = 18080; // inside a namespace of its own: nothing else listens there
    ns.forward(port, ns.hostAddress(), serve.port());
    Path spare = Files.writeString(dir.resolve("remote-spare.yaml"), "");
    Path config = agentConfig("it-remote", credential, "http://127.0.0.1:" + port, file, spare);
    ns.start(
        ChaosJvm.command(
            ServerProcess.JAR,
            List.of("-Xmx64m"),
            List.of("agent", "--config", config.toString())));
    String health = serve.base().resolve("/q/health/live").toString();
    assertThat(
            api.postYaml(
                    "/api/scenarios",
                    scenario("it/remote", "it-remote", "app-config", "2m", health))
                .status())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.getJson("/api/agents/it-remote").path("connected").asBoolean());
  }

  private Path agentConfig(String name, String credential, String url, Path app, Path flags)
      throws Exception {
    return agentConfig(name, credential, url, app, flags, "");
  }

  /** {@code moreAllowed}: further entries of {@code allow:}, indented by two. */
  private Path agentConfig(
      String name, String credential, String url, Path app, Path flags, String moreAllowed)
      throws Exception {
    Files.writeString(dir.resolve(name + ".credential"), credential + "\n");
    return Files.writeString(
        dir.resolve(name + ".yaml"),
        """
        name: %1$s
        server: { url: "%2$s", credential: { fromFile: %1$s.credential } }
        state: %1$s-state
        lease: %3$dms
        allow:
          files:
            app-config: { path: %4$s }
            flags: { path: %5$s }
        %6$s"""
            .formatted(name, url, LEASE.toMillis(), app, flags, moreAllowed));
  }

  private ServerProcess agent(Path config) throws Exception {
    return ServerProcess.start(
        dir,
        ServerProcess.JAR,
        List.of("-Xmx64m"),
        List.of("agent", "--config", config.toString()));
  }

  private static List<String> journal(Http api, String scenario) {
    JsonNode incident =
        StreamSupport.stream(api.getJson("/api/incidents?gameDay=agent-day").spliterator(), false)
            .filter(i -> i.path("scenarioId").asText().equals(scenario))
            .findFirst()
            .orElseThrow();
    JsonNode detail = api.getJson("/api/incidents/" + incident.get("id").asText());
    return StreamSupport.stream(detail.get("journal").spliterator(), false)
        .map(e -> e.get("type").asText() + " " + e.get("message").asText())
        .toList();
  }
}
