package org.daysofchaos.agents.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.scenario.Problem;
import org.junit.jupiter.api.Test;

class AgentConfigReaderTest {
  private static final Path BASE = Path.of("/etc/days-of-chaos");

  private static AgentConfigReader.Result read(String yaml) {
    return new AgentConfigReader().read("agent.yaml", yaml, BASE);
  }

  private static String problems(String yaml) {
    return String.join("\n", read(yaml).problems().stream().map(Problem::toString).toList());
  }

  @Test
  void readsAWholeConfiguration() {
    var result =
        read(
            """
            name: web-1
            server:
              url: https://chaos.example.org
              credential: { fromFile: agent.credential }
            state: state
            lease: 3s
            allow:
              processes:
                nginx: { pidFile: /run/nginx.pid, restart: [systemctl, start, nginx] }
              files:
                app-config: { path: /etc/shop/app.yaml }
              disks:
                data: { path: /var/lib/shop, floor: 2GiB, max: 10GiB }
              cpu: { cores: 2, percent: 90 }
              memory: { max: 1GiB }
              ports: [8080]
              network: { devices: [eth0], maxDelay: 500ms, maxLoss: 5, namespace: shop }
            """);
    assertThat(result.problems()).isEmpty();
    AgentConfig config = result.config().orElseThrow();
    assertThat(config.name()).isEqualTo("web-1");
    assertThat(config.state()).isEqualTo(BASE.resolve("state"));
    assertThat(config.lease()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.allow().processes().get("nginx").restart())
        .containsExactly("systemctl", "start", "nginx");
    assertThat(config.allow().disks().get("data").floor().bytes()).isEqualTo(2L << 30);
    assertThat(config.allow().disks().get("data").max().orElseThrow().bytes()).isEqualTo(10L << 30);
    assertThat(config.allow().cpu().orElseThrow().cores()).isEqualTo(2);
    assertThat(config.allow().memory().orElseThrow().max().bytes()).isEqualTo(1L << 30);
    assertThat(config.allow().ports()).containsExactly(8080);
    assertThat(config.allow().network())
        .isEqualTo(
            new NetworkLimits(List.of("eth0"), Duration.ofMillis(500), 5, Optional.of("shop")));
  }

  @Test
  void aNetworkInterfaceMustBeAPlainName() {
    var result =
        read(
            """
            name: web-1
            server: { url: "http://127.0.0.1:8080", credential: { fromEnv: TOKEN } }
            allow:
              network: { devices: ["eth0; reboot"] }
            """);
    assertThat(result.problems()).hasSize(1);
    assertThat(result.problems().get(0).toString())
        .contains("devices")
        .contains("'eth0; reboot' is not an interface name");
  }

  @Test
  void withoutAllowNothingIsAllowed() {
    AgentConfig config =
        read("""
                name: web-1
                server: { url: "http://127.0.0.1:8080", credential: { fromEnv: TOKEN } }
                """)
            .config()
            .orElseThrow();
    assertThat(config.allow()).isEqualTo(Allow.nothing());
    assertThat(config.lease()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void plainHttpOnlyToLoopback() {
    assertThat(
            problems(
                """
                name: web-1
                server: { url: "http://chaos.example.org", credential: { fromEnv: TOKEN } }
                """))
        .isEqualTo(
            "agent.yaml:2:16: server.url: must be https (the credential would cross the network in"
                + " clear); http is allowed only to a loopback address, got"
                + " http://chaos.example.org");
  }

  @Test
  void reportsEveryProblemAtItsPlace() {
    assertThat(
            problems(
                """
                name: "web 1"
                server: { url: https://chaos.example.org, credential: { fromEnv: TOKEN } }
                lease: 0s
                allow:
                  processes:
                    nginx: { pid: 12, pidFile: /run/nginx.pid }
                  disks:
                    data: { path: relative, floor: lots }
                  cpu: { cores: 0 }
                  memroy: { max: 1GiB }
                """))
        .contains("agent.yaml:1:7: name: 'web 1' is not a valid name: use letters")
        .contains("agent.yaml:3:8: lease: must be longer than 0s")
        .contains(
            "agent.yaml:6:23: allow.processes.nginx.pidFile: give only one of pid, pidFile or command")
        .contains("allow.disks.data.floor: expected a size such as 512MiB")
        .contains("allow.cpu.cores:")
        .contains("agent.yaml:10:3: allow.memroy: unknown key 'memroy' (did you mean 'memory'?)");
  }

  @Test
  void aMissingFileIsOneProblem() {
    var result = new AgentConfigReader().read(Path.of("/nonexistent/agent.yaml"));
    assertThat(result.problems()).hasSize(1);
    assertThat(result.problems().get(0).toString())
        .isEqualTo("/nonexistent/agent.yaml:1:1: file: no such file");
  }
}
