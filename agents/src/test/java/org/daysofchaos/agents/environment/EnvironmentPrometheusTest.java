package org.daysofchaos.agents.environment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.MetricSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Prometheus server of the environment is queried with its credential from its secret. */
class EnvironmentPrometheusTest {
  private HttpServer prometheus;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void standIn() throws Exception {
    prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    prometheus.createContext(
        "/api/v1/query",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body =
              """
              {"status":"success","data":{"resultType":"vector","result":[
                {"metric":{"service":"booking"},"value":[1764666000,"0.25"]}]}}
              """
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    prometheus.start();
  }

  @AfterEach
  void stop() {
    prometheus.stop(0);
  }

  @Test
  void theBearerTokenComesFromItsVariableAndTheSourceAnswersByName() throws Exception {
    Environment env =
        new EnvironmentReader()
            .read(
                "env.yaml",
                """
                prometheus:
                  main:
                    url: "http://127.0.0.1:%d"
                    bearer: { fromEnv: PROM_TOKEN }
                """
                    .formatted(prometheus.getAddress().getPort()),
                Path.of("."))
            .environment()
            .orElseThrow();

    Map<String, MetricSource> sources =
        EnvironmentSystems.prometheus(env, Secrets.of(Map.of("PROM_TOKEN", "t0ken"), Path.of(".")));
    List<MetricSample> samples = sources.get("main").samples("up");

    assertThat(samples).hasSize(1);
    assertThat(samples.get(0).value()).isEqualTo(0.25);
    assertThat(authorizations).containsExactly("Bearer t0ken");
  }
}
