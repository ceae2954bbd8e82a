package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first argument decides, before Quarkus boots, whether the jar is a server or a CLI. */
class ChaosMainTest {
  @Test
  void everyCommandButServeOpensNoDatabaseBindsNoPortAndStartsNoScheduler() {
    for (String[] args :
        new String[][] {
          {"validate", "a.yaml"}, {"demo"}, {"run", "a.yaml"}, {"halt"}, {}, {"serve", "--help"}
        }) {
      assertThat(ChaosMain.configure(args))
          .as(String.join(" ", args))
          .containsEntry("chaos.server.enabled", "false")
          .containsEntry("quarkus.http.host-enabled", "false")
          .containsEntry("quarkus.datasource.active", "false")
          .containsEntry("quarkus.flyway.migrate-at-start", "false")
          .containsEntry("quarkus.scheduler.enabled", "false");
    }
  }

  @Test
  void serveTurnsItsOptionsIntoConfigurationProperties() {
    Map<String, String> properties =
        ChaosMain.configure(
            "serve",
            "--port",
            "9090",
            "--host",
            "0.0.0.0",
            "--data-dir",
            "data",
            "--demo",
            "--toxiproxy",
            "http://toxiproxy:8474",
            "--toxiproxy",
            "eu=http://toxiproxy-eu:8474",
            "--process",
            "inventory=4242",
            "--metrics",
            "http://a/metrics",
            "--metrics",
            "http://b/metrics",
            "--prometheus",
            "preprod=https://prometheus.preprod:9090/prom",
            "--prometheus",
            "http://127.0.0.1:9090/?a=b",
            "--node-id",
            "node-1");

    assertThat(properties)
        .containsEntry("chaos.server.enabled", "true")
        .containsEntry("quarkus.http.port", "9090")
        .containsEntry("quarkus.http.host", "0.0.0.0")
        .containsEntry("chaos.data-dir", Path.of("data").toAbsolutePath().toString())
        .containsEntry("chaos.demo.enabled", "true")
        .containsEntry("chaos.targets.toxiproxy.default", "http://toxiproxy:8474")
        .containsEntry("chaos.targets.toxiproxy.eu", "http://toxiproxy-eu:8474")
        .containsEntry("chaos.targets.process.inventory", "4242")
        .containsEntry("chaos.targets.metrics", "http://a/metrics,http://b/metrics")
        .containsEntry("chaos.targets.prometheus.preprod", "https://prometheus.preprod:9090/prom")
        .containsEntry("chaos.targets.prometheus.default", "http://127.0.0.1:9090/?a=b")
        .containsEntry("chaos.node.id", "node-1")
        .doesNotContainKey("quarkus.datasource.active");
  }

  @Test
  void theDemoThroughAPrometheusListensWhereThatPrometheusScrapes() {
    assertThat(ChaosMain.configure("serve", "--demo", "--prometheus", "http://127.0.0.1:9090"))
        .containsEntry("chaos.demo.metrics-port", "8476");
    assertThat(
            ChaosMain.configure(
                "serve", "--demo", "--demo-metrics-port", "0", "--prometheus", "http://p:9090"))
        .containsEntry("chaos.demo.metrics-port", "0");
    assertThat(ChaosMain.configure("serve", "--demo")).doesNotContainKey("chaos.demo.metrics-port");
  }

  @Test
  void aContainerConfiguresTheDataDirectoryAndTheEnvironmentFileByItsEnvironment() {
    Map<String, String> env =
        Map.of(
            "CHAOS_DATA_DIR", "/var/lib/chaos",
            "CHAOS_ENVIRONMENT", "/etc/chaos/environment/environment.yaml");
    assertThat(ChaosMain.configure(env, "serve"))
        .containsEntry("chaos.data-dir", Path.of("/var/lib/chaos").toString())
        .containsEntry("chaos.environment", "/etc/chaos/environment/environment.yaml");
    assertThat(ChaosMain.configure(env, "serve", "--environment", "other.yaml"))
        .as("the command line's option wins")
        .containsEntry("chaos.environment", Path.of("other.yaml").toAbsolutePath().toString());
  }

  @Test
  void theDataDirectoryOfAServerIsAlwaysAbsolute() {
    assertThat(Path.of(ChaosMain.configure("serve").get("chaos.data-dir"))).isAbsolute();
  }
}
