package org.daysofchaos.core.binder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.daysofchaos.core.binder.EnvironmentExample.Cluster;
import org.daysofchaos.core.binder.EnvironmentExample.Environment;
import org.daysofchaos.core.binder.EnvironmentExample.Secret;
import org.daysofchaos.core.binder.EnvironmentExample.Server;
import org.junit.jupiter.api.Test;

/** The example language of {@code docs/binder.md} reads, reports and describes itself. */
class EnvironmentExampleTest {

  private static List<String> problems(String yaml) {
    ReadContext ctx = new ReadContext("env.yaml");
    assertThat(EnvironmentExample.read(yaml, ctx)).isNull();
    return ctx.sortedProblems().stream().map(Problem::toString).toList();
  }

  @Test
  void readsNamedRecordsAndMapsWithTheirDefaults() {
    ReadContext ctx = new ReadContext("env.yaml");
    Environment environment =
        EnvironmentExample.read(
            """
            prometheus:
              main: { url: "http://prometheus:9090" }
              slow: { url: "http://old:9090", timeout: 30s }
            kubernetes:
              preprod:
                context: preprod
                token: { fromEnv: PREPROD_TOKEN }
            """,
            ctx);

    assertThat(ctx.sortedProblems()).isEmpty();
    assertThat(environment.prometheus())
        .containsExactly(
            java.util.Map.entry(
                "main", new Server("http://prometheus:9090", Duration.ofSeconds(5))),
            java.util.Map.entry("slow", new Server("http://old:9090", Duration.ofSeconds(30))));
    assertThat(environment.prometheus().keySet()).containsExactly("main", "slow");
    assertThat(environment.kubernetes().get("preprod"))
        .isEqualTo(new Cluster("preprod", new Secret.Env("PREPROD_TOKEN")));
  }

  @Test
  void reportsEveryProblemAtItsPositionWithItsField() {
    assertThat(
            problems(
                """
                prometheus:
                  main: { url: "ftp://prometheus" }
                  other:
                  slow: { url: "http://old", timout: 30s }
                kubernetes:
                  preprod:
                    context: preprod
                    token: { fromEnv: TOKEN, fromFile: /run/token }
                  test:
                    token: {}
                """))
        .containsExactly(
            "env.yaml:2:16: prometheus.main.url: must start with http:// or https://, got"
                + " ftp://prometheus",
            "env.yaml:3:3: prometheus.other: is missing; expected a map with url, timeout",
            "env.yaml:4:30: prometheus.slow.timout: unknown key 'timout' (did you mean"
                + " 'timeout'?); allowed keys: url, timeout",
            "env.yaml:8:30: kubernetes.preprod.token.fromFile: give only one of fromEnv or"
                + " fromFile",
            "env.yaml:10:5: kubernetes.test.context: is missing; expected a text",
            "env.yaml:10:12: kubernetes.test.token: give fromEnv or fromFile");
  }

  @Test
  void anEmptyFileOrAWrongTopLevelIsOneProblem() {
    assertThat(problems("")).containsExactly("env.yaml:1:1: yaml: the file is empty");
    assertThat(problems("- a\n"))
        .containsExactly(
            "env.yaml:1:1: yaml: expected a map with prometheus, kubernetes, got a list");
    assertThat(problems("a: 1\n---\nb: 2\n"))
        .containsExactly(
            "env.yaml:2:1: yaml: an environment file holds one document; remove the second '---'");
  }

  @Test
  void itsSchemaComesFromTheSameDescription() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(EnvironmentExample.schema());

    assertThat(schema.get("title").asText()).isEqualTo("Environment");
    JsonNode server = schema.at("/properties/prometheus/additionalProperties");
    assertThat(server.get("required").toString()).isEqualTo("[\"url\"]");
    assertThat(server.at("/properties/timeout/default").asText()).isEqualTo("5s");
    assertThat(server.at("/properties/timeout/$ref").asText()).isEqualTo(Types.DURATION_DEF);
    JsonNode token = schema.at("/properties/kubernetes/additionalProperties/properties/token");
    assertThat(token.get("oneOf").toString())
        .isEqualTo("[{\"required\":[\"fromEnv\"]},{\"required\":[\"fromFile\"]}]");
    assertThat(schema.at("/$defs/duration/pattern").isTextual()).isTrue();
  }
}
