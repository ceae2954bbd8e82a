package org.daysofchaos.agents.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment file reads as docs/environment.md says. */
class EnvironmentReaderTest {
  static final Path EXAMPLE = Path.of("..", "deploy", "environment.example.yaml");
  private static final EnvironmentReader READER = new EnvironmentReader();

  private static Environment read(String yaml) {
    EnvironmentReader.Result result = READER.read("env.yaml", yaml, Path.of("/etc/chaos"));
    assertThat(result.problems()).isEmpty();
    return result.environment().orElseThrow();
  }

  private static List<String> problems(String yaml) {
    EnvironmentReader.Result result = READER.read("env.yaml", yaml, Path.of("/etc/chaos"));
    assertThat(result.environment()).isEmpty();
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void theShippedExampleReadsWithEverySection() {
    EnvironmentReader.Result result = READER.read(EXAMPLE);

    assertThat(result.problems()).isEmpty();
    Environment env = result.environment().orElseThrow();
    assertThat(env.base()).isEqualTo(EXAMPLE.toAbsolutePath().normalize().getParent());
    assertThat(env.toxiproxy().get("default").uri().getPort()).isEqualTo(8474);
    KubernetesClusterConfig preprod = env.kubernetes().get("preprod");
    assertThat(preprod.namespaces()).containsExactly("shop", "payments");
    assertThat(preprod.context()).contains("preprod");
    assertThat(preprod.inCluster()).isFalse();
    PrometheusConfig main = env.prometheus().get("main");
    assertThat(main.scrapeInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(main.timeout()).as("default").isEqualTo(Duration.ofSeconds(10));
    assertThat(main.bearer().orElseThrow().reference()).isEqualTo("PROMETHEUS_TOKEN");
    assertThat(env.alertmanager().get("main").basic().orElseThrow().user()).isEqualTo("chaos");
    assertThat(env.processes().get("inventory").restart())
        .containsExactly("systemctl", "restart", "inventory");
    assertThat(env.probeHosts().refusal(java.net.URI.create("http://booking.preprod.example/")))
        .isEmpty();
    assertThat(env.probeHosts().refusal(java.net.URI.create("http://intranet.example/")))
        .isPresent();
  }

  @Test
  void sectionsKeepTheOrderOfTheFileAndDefaultToEmpty() {
    Environment env =
        read(
            """
            toxiproxy:
              zeta: { url: "http://z:8474" }
              alpha: { url: "http://a:8474" }
            """);

    assertThat(env.toxiproxy().keySet()).containsExactly("zeta", "alpha");
    assertThat(env.kubernetes()).isEmpty();
    assertThat(env.metrics()).isEmpty();
    assertThat(env.isEmpty()).isFalse();
  }

  @Test
  void aSecretIsRevealedFromItsVariableOrFileAndNeverShown(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("am-password"), "s3cret-file\n");
    Environment env =
        READER
            .read(
                "env.yaml",
                """
                prometheus:
                  main:
                    url: "http://prometheus:9090"
                    bearer: { fromEnv: PROM_TOKEN }
                alertmanager:
                  main:
                    url: "http://am:9093"
                    basic: { user: chaos, password: { fromFile: am-password } }
                """,
                dir)
            .environment()
            .orElseThrow();
    Secrets secrets = Secrets.of(Map.of("PROM_TOKEN", "s3cret-env"), dir);

    assertThat(env.prometheus().get("main").access().authorization(secrets))
        .contains("Bearer s3cret-env");
    assertThat(env.alertmanager().get("main").access().authorization(secrets))
        .contains("Basic Y2hhb3M6czNjcmV0LWZpbGU="); // chaos:s3cret-file, the newline stripped
    assertThat(env.toString()).doesNotContain("s3cret");
  }

  @Test
  void aMissingSecretIsReportedWhereItWasWritten(@TempDir Path dir) {
    Environment env =
        READER
            .read(
                "env.yaml",
                """
                prometheus:
                  main:
                    url: "http://prometheus:9090"
                    bearer: { fromEnv: PROM_TOKEN }
                  other:
                    url: "http://other:9090"
                    bearer: { fromFile: missing-token }
                """,
                dir)
            .environment()
            .orElseThrow();
    Secrets secrets = Secrets.of(Map.of(), dir);

    assertThatThrownBy(() -> env.prometheus().get("main").access().authorization(secrets))
        .isInstanceOf(SecretException.class)
        .hasMessage(
            "env.yaml:4:13: prometheus.main.bearer.fromEnv: the variable PROM_TOKEN is not set");
    assertThatThrownBy(() -> env.prometheus().get("other").access().authorization(secrets))
        .isInstanceOf(SecretException.class)
        .hasMessageStartingWith("env.yaml:7:13: prometheus.other.bearer.fromFile: cannot read ")
        .hasMessageEndingWith("missing-token (no such file)");
  }

  @Test
  void aSecretWrittenInlineIsRefusedWithoutRepeatingIt() {
    List<String> problems =
        problems(
            """
            prometheus:
              main:
                url: "http://prometheus:9090"
                bearer: hunter2-token
            """);

    assertThat(problems)
        .containsExactly(
            "env.yaml:4:13: prometheus.main.bearer: a secret is never written in the environment"
                + " file; give {fromEnv: VARIABLE} or {fromFile: PATH}");
    assertThat(String.join("\n", problems)).doesNotContain("hunter2");
  }

  @Test
  void everyProblemOfAFileIsReportedAtItsField() {
    assertThat(
            problems(
                """
                toxiproxy:
                  default: { url: "ftp://toxiproxy:8474" }
                kubernetes:
                  preprod: { inCluster: true, context: preprod, namespaces: [shop] }
                  test: { namespaces: [] }
                prometheus:
                  main: { url: "http://admin:pw@prometheus:9090", scrapeInterval: 0s }
                processes:
                  inventory: { pid: 12, pidFile: /run/inventory.pid }
                  search: {restart: [x]}
                  "bad name": { pid: 3 }
                metric: []
                """))
        .containsExactly(
            "env.yaml:2:19: toxiproxy.default.url: must start with http:// or https://, got"
                + " ftp://toxiproxy:8474",
            "env.yaml:4:25: kubernetes.preprod.inCluster: give inCluster: true or a kubeconfig"
                + " and context, not both",
            "env.yaml:5:23: kubernetes.test.namespaces: name at least one namespace that"
                + " scenarios may touch",
            "env.yaml:7:16: prometheus.main.url: must not hold a user or password; give them as"
                + " basic: {user, password}",
            "env.yaml:9:25: processes.inventory.pidFile: give only one of pid, pidFile or command",
            "env.yaml:10:11: processes.search: say how to find it: give pid, pidFile or command",
            "env.yaml:11:3: processes.bad name: is not a name: use letters, digits, '.', '_' and"
                + " '-' (at most 63), starting with a letter or digit",
            "env.yaml:12:1: metric: unknown key 'metric' (did you mean 'metrics'?); allowed keys:"
                + " toxiproxy, kubernetes, prometheus, alertmanager, processes, httpProbes, metrics,"
                + " agents, parameters");
  }

  @Test
  void anEmptyFileOrAWrongTopLevelIsOneProblem() {
    assertThat(problems(""))
        .containsExactly(
            "env.yaml:1:1: yaml: the file is empty; an environment names at least one system");
    assertThat(problems("- a\n"))
        .containsExactly(
            "env.yaml:1:1: yaml: expected a map with toxiproxy, kubernetes, prometheus,"
                + " alertmanager, processes, httpProbes, metrics, agents, parameters, got"
                + " a list");
  }

  @Test
  void aMissingFileIsAProblemNotAnException(@TempDir Path dir) {
    EnvironmentReader.Result result = READER.read(dir.resolve("nope.yaml"));

    assertThat(result.problems()).extracting(Problem::message).containsExactly("no such file");
    assertThat(result.environment()).isEqualTo(Optional.empty());
  }
}
