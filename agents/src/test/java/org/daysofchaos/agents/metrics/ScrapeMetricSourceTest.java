package org.daysofchaos.agents.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.experiments.Probes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScrapeMetricSourceTest {
  private final AtomicReference<String> exposition = new AtomicReference<>("");
  private HttpServer server;
  private URI endpoint;

  @BeforeEach
  void startEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void answersWithTheValueOfEachScrape() throws Exception {
    ScrapeMetricSource source = ScrapeMetricSource.of(endpoint);
    exposition.set("booking_error_ratio 0.02\n");
    assertThat(source.samples("booking_error_ratio"))
        .containsExactly(new MetricSample(Map.of("__name__", "booking_error_ratio"), 0.02));

    exposition.set("booking_error_ratio 0.9\n");
    assertThat(source.samples("booking_error_ratio"))
        .extracting(MetricSample::value)
        .containsExactly(0.9);
  }

  @Test
  void aThresholdProbeHoldsOnlyOnTheRightSide() throws Exception {
    MetricThresholdRunner runner = new MetricThresholdRunner(ScrapeMetricSource.of(endpoint));
    exposition.set("booking_error_ratio 0.02\n");

    Observation below = runner.observe(Probes.metricBelow("booking_error_ratio", 0.05));
    Observation above = runner.observe(Probes.metricAbove("booking_error_ratio", 0.05));

    assertThat(below.holds()).isTrue();
    assertThat(above.holds()).isFalse();
    assertThat(below.detail()).isEqualTo("value 0.02000");
  }

  @Test
  void aMissingSeriesDoesNotHold() throws Exception {
    exposition.set("other 1\n");

    Observation seen =
        new MetricThresholdRunner(ScrapeMetricSource.of(endpoint))
            .observe(Probes.metricBelow("booking_error_ratio", 1));

    assertThat(seen.holds()).isFalse();
    assertThat(seen.detail()).isEqualTo("no such series");
  }

  @Test
  void answersEverySeriesTheSelectorMatches() throws Exception {
    exposition.set("m{a=\"1\"} 1\nm{a=\"2\"} 2\nother{a=\"1\"} 3\n");

    assertThat(ScrapeMetricSource.of(endpoint).samples("m"))
        .containsExactly(
            new MetricSample(Map.of("__name__", "m", "a", "1"), 1),
            new MetricSample(Map.of("__name__", "m", "a", "2"), 2));
  }

  @Test
  void aThresholdProbeOnSeveralScrapedSeriesNeedsASeriesMode() {
    exposition.set("m{a=\"1\"} 1\nm{a=\"2\"} 2\n");

    assertThatThrownBy(
            () ->
                new MetricThresholdRunner(ScrapeMetricSource.of(endpoint))
                    .observe(Probes.metricBelow("m", 5)))
        .hasMessageContaining("returns 2 series")
        .hasMessageContaining("series: any, all, min, max, sum or avg");
  }

  @Test
  void saysWhichEndpointCannotBeScraped() {
    server.stop(0);

    assertThatThrownBy(() -> ScrapeMetricSource.of(endpoint).samples("m"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot scrape " + endpoint);
  }
}
