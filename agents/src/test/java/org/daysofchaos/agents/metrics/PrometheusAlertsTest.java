package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.daysofchaos.core.spi.FiringAlert;
import org.daysofchaos.core.spi.Lag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Polling {@code /api/v1/alerts} against a stand-in for Prometheus; PrometheusAlertsIT (demo) runs
 * the real one.
 */
class PrometheusAlertsTest {
  private static final Set<String> NAMES = Set.of("BookingLatencyHigh", "BookingErrorsHigh");

  /** Two firing alerts (one named by the scenario, with its labels), one pending, one other. */
  private static final String SEVERAL =
      """
      {"status":"success","data":{"alerts":[
        {"labels":{"alertname":"BookingLatencyHigh","service":"booking","severity":"warning"},
         "annotations":{"summary":"slow"},"state":"firing",
         "activeAt":"2026-06-01T10:00:05.123456789Z","value":"8.2e-01"},
        {"labels":{"alertname":"BookingErrorsHigh","service":"booking"},
         "annotations":{},"state":"pending",
         "activeAt":"2026-06-01T10:00:06Z","value":"1e+00"},
        {"labels":{"alertname":"DiskFull","instance":"db-1"},
         "annotations":{},"state":"firing",
         "activeAt":"2026-06-01T09:00:00Z","value":"1e+00"},
        {"labels":{"alertname":"BookingLatencyHigh","service":"search"},
         "annotations":{},"state":"firing",
         "activeAt":"2026-06-01T12:00:07+02:00","value":"1e+00"}
      ]}}
      """;

  private final AtomicReference<String> body =
      new AtomicReference<>("{\"status\":\"success\",\"data\":{\"alerts\":[]}}");
  private final AtomicInteger status = new AtomicInteger(200);
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
    path.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
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

  private PrometheusAlerts alerts(URI base) {
    return PromQlSource.of(base)
        .scrapedEvery(Duration.ofSeconds(15))
        .alerts("main", Duration.ofSeconds(30));
  }

  @Test
  void anEmptyAnswerHasNoAlerts() throws Exception {
    assertThat(alerts(url).firing(NAMES)).isEmpty();

    assertThat(path.get()).isEqualTo("GET /api/v1/alerts");
    assertThat(authorization.get()).isNull();
  }

  @Test
  void keepsOnlyFiringAlertsWithANameTheScenarioLists() throws Exception {
    body.set(SEVERAL);

    List<FiringAlert> firing = alerts(url).firing(NAMES);

    assertThat(firing)
        .extracting(FiringAlert::alertname)
        .containsExactly("BookingLatencyHigh", "BookingLatencyHigh");
    assertThat(firing.get(0).labels())
        .containsEntry("service", "booking")
        .containsEntry("severity", "warning");
    assertThat(firing.get(0).activeAt()).isEqualTo(Instant.parse("2026-06-01T10:00:05.123456789Z"));
    assertThat(firing.get(1).activeAt()).isEqualTo(Instant.parse("2026-06-01T10:00:07Z"));
  }

  @Test
  void aPendingAlertDoesNotCountUntilItsForHasElapsed() throws Exception {
    body.set(SEVERAL);

    assertThat(alerts(url).firing(Set.of("BookingErrorsHigh"))).isEmpty();
  }

  @Test
  void matchesOnTheAlertnameLabelOnly() throws Exception {
    body.set(SEVERAL);

    assertThat(alerts(url).firing(Set.of("booking", "warning", "DiskFul"))).isEmpty();
    assertThat(alerts(url).firing(Set.of("DiskFull")))
        .singleElement()
        .satisfies(a -> assertThat(a.labels()).containsEntry("instance", "db-1"));
  }

  @Test
  void sendsTheCredentialsAndKeepsThePathPrefix() throws Exception {
    PromQlSource.of(
            URI.create(url + "/prometheus/"),
            Optional.of("s3cret"),
            Optional.empty(),
            Duration.ofSeconds(5))
        .alerts("main", Duration.ofSeconds(15))
        .firing(NAMES);

    assertThat(path.get()).isEqualTo("GET /prometheus/api/v1/alerts");
    assertThat(authorization.get()).isEqualTo("Bearer s3cret");
  }

  @Test
  void aServerErrorIsAnErrorNeverNoAlerts() {
    status.set(500);
    body.set("internal error");

    assertThatThrownBy(() -> alerts(url).firing(NAMES))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("answered HTTP 500: internal error")
        .hasMessageContaining("Prometheus main");
  }

  @Test
  void refusedCredentialsSaySo() {
    status.set(401);

    assertThatThrownBy(() -> alerts(url).firing(NAMES))
        .hasMessageContaining("HTTP 401: check its credentials");
  }

  @Test
  void garbageIsAnError() {
    body.set("<html>proxy says hello</html>");

    assertThatThrownBy(() -> alerts(url).firing(NAMES))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not the JSON of the alerts API: <html>proxy says hello</html>");
  }

  @Test
  void anAnswerWithoutAnAlertsListIsAnError() {
    body.set("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

    assertThatThrownBy(() -> alerts(url).firing(NAMES)).hasMessageContaining("no data.alerts list");
  }

  @Test
  void aStatusErrorIsAnError() {
    body.set(
        "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"rule manager down\"}");

    assertThatThrownBy(() -> alerts(url).firing(NAMES))
        .hasMessageContaining("unavailable: rule manager down");
  }

  @Test
  void aFiringAlertWithoutAReadableActiveAtIsAnError() {
    body.set(
        "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":"
            + "\"BookingLatencyHigh\"},\"state\":\"firing\",\"activeAt\":\"yesterday\"}]}}");

    assertThatThrownBy(() -> alerts(url).firing(NAMES))
        .hasMessageContaining("alert BookingLatencyHigh has no readable activeAt ('yesterday')");
  }

  @Test
  void aPrometheusThatIsDownIsAnError() throws Exception {
    server.stop(0);

    assertThatThrownBy(() -> alerts(url).firing(NAMES))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot reach the alerts API of Prometheus main at " + url);
  }

  @Test
  void theTrueMomentLiesUpToAScrapeAndAnEvaluationIntervalBeforeActiveAt() {
    assertThat(alerts(url).lag())
        .isEqualTo(Lag.throughSamples(Duration.ZERO, Duration.ofSeconds(45)));
    assertThat(alerts(url).describe()).isEqualTo("prometheus-alerts-api main");
  }
}
