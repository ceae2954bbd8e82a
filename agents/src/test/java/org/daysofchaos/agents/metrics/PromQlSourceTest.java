package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.daysofchaos.agents.metrics.PromQlSource.BasicAuth;
import org.daysofchaos.core.spi.MetricSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stand-in for the Prometheus HTTP API; PromQlSourceIT runs the real one. */
class PromQlSourceTest {
  private static final String ONE =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
          + "{\"metric\":{\"job\":\"booking\"},\"value\":[1,\"0.5\"]}]}}";

  private final AtomicReference<String> body = new AtomicReference<>(ONE);
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicReference<String> form = new AtomicReference<>();
  private final AtomicReference<String> path = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private HttpServer server;
  private URI url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(HttpExchange exchange) throws IOException {
    path.set(exchange.getRequestURI().getPath());
    form.set(
        URLDecoder.decode(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
            StandardCharsets.UTF_8));
    authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
    byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status.get(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void postsAnInstantQueryAndReadsTheSeries() throws Exception {
    assertThat(PromQlSource.of(url).samples("sum by (job) (rate(x[1m]))"))
        .extracting(MetricSample::value)
        .containsExactly(0.5);

    assertThat(path.get()).isEqualTo("/api/v1/query");
    assertThat(form.get()).startsWith("query=sum by (job) (rate(x[1m]))&timeout=5000ms");
    assertThat(authorization.get()).isNull();
  }

  @Test
  void keepsThePathPrefixOfTheUrl() throws Exception {
    PromQlSource.of(URI.create(url + "/prometheus/")).samples("up");

    assertThat(path.get()).isEqualTo("/prometheus/api/v1/query");
  }

  @Test
  void evaluatesAtAGivenTime() throws Exception {
    PromQlSource.of(url).query("up", Optional.of(Instant.parse("2026-06-01T10:00:00.250Z")));

    assertThat(form.get()).contains("&time=1780308000.250&");
  }

  @Test
  void sendsABearerTokenOrBasicAuthAndNeverShowsThem() throws Exception {
    PromQlSource bearer =
        PromQlSource.of(url, Optional.of("s3cret-token"), Optional.empty(), Duration.ofSeconds(5));
    bearer.samples("up");
    assertThat(authorization.get()).isEqualTo("Bearer s3cret-token");

    BasicAuth basic = new BasicAuth("chaos", "s3cret-password");
    PromQlSource.of(url, Optional.empty(), Optional.of(basic), Duration.ofSeconds(5)).samples("up");
    assertThat(authorization.get()).isEqualTo("Basic Y2hhb3M6czNjcmV0LXBhc3N3b3Jk");

    status.set(401);
    body.set("unauthorized");
    assertThatThrownBy(() -> bearer.samples("up"))
        .hasMessage("Prometheus at " + url + " answered HTTP 401: check its credentials")
        .hasMessageNotContaining("s3cret");
    assertThat(basic.toString()).doesNotContain("s3cret");
    assertThat(bearer.toString()).doesNotContain("s3cret");
  }

  @Test
  void refusesCredentialsInTheUrlAndBothKindsAtOnce() {
    assertThatThrownBy(() -> PromQlSource.of(URI.create("http://u:p@127.0.0.1:9090")))
        .hasMessageContaining("must not carry credentials")
        .hasMessageNotContaining("u:p");
    assertThatThrownBy(
            () ->
                PromQlSource.of(
                    url,
                    Optional.of("t"),
                    Optional.of(new BasicAuth("u", "p")),
                    Duration.ofSeconds(1)))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> PromQlSource.of(URI.create("ftp://127.0.0.1")))
        .hasMessageContaining("http:// or https://");
  }

  @Test
  void showsTheErrorOfARefusedQuery() {
    status.set(400);
    body.set(
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:6: parse error: unclosed"
            + " left parenthesis\"}");

    assertThatThrownBy(() -> PromQlSource.of(url).samples("rate(x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Prometheus refused 'rate(x': bad_data: 1:6: parse error");
  }

  @Test
  void anHttpErrorIsAnErrorNeverAValue() {
    status.set(503);
    body.set("Service Unavailable");

    assertThatThrownBy(() -> PromQlSource.of(url).samples("up"))
        .isInstanceOf(IOException.class)
        .hasMessage("Prometheus at " + url + " answered HTTP 503: Service Unavailable");
  }

  @Test
  void aServerThatIsDownIsAnErrorThatNamesIt() {
    server.stop(0);

    assertThatThrownBy(() -> PromQlSource.of(url).samples("up"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot reach Prometheus at " + url + ": ");
  }
}
