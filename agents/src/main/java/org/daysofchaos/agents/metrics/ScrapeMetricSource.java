package org.daysofchaos.agents.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.http.LazyHttpClient;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.MetricSource;

/**
 * Answers series selectors by scraping Prometheus text endpoints directly, with no Prometheus
 * server: the embedded default. Every query scrapes afresh, so a value is never older than the
 * query.
 */
public final class ScrapeMetricSource implements MetricSource {
  private final List<URI> endpoints;
  private final LazyHttpClient client; // made at the first scrape: see of(URI...)
  private final Duration timeout;

  public ScrapeMetricSource(List<URI> endpoints, HttpClient client, Duration timeout) {
    this(endpoints, LazyHttpClient.given(client), timeout);
  }

  private ScrapeMetricSource(List<URI> endpoints, LazyHttpClient client, Duration timeout) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("at least one metrics endpoint is needed");
    }
    this.endpoints = List.copyOf(endpoints);
    this.client = client;
    this.timeout = timeout;
  }

  public static ScrapeMetricSource of(URI... endpoints) {
    // The client is made at the first scrape, not here: a JVM's first HttpClient sets up the JDK's
    // TLS context (about 0.1 s), and the server wires its metric sources during its start.
    return new ScrapeMetricSource(
        List.of(endpoints),
        LazyHttpClient.of(
            () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()),
        Duration.ofSeconds(2));
  }

  /** The scraped series the selector matches, with their name as the label {@code __name__}. */
  @Override
  public List<MetricSample> samples(String query) throws IOException, InterruptedException {
    SeriesSelector selector = SeriesSelector.parse(query);
    List<MetricSample> matches = new ArrayList<>();
    for (URI endpoint : endpoints) {
      for (Sample sample : scrape(endpoint)) {
        if (selector.matches(sample)) {
          Map<String, String> labels = new LinkedHashMap<>(sample.labels());
          labels.put("__name__", sample.name());
          matches.add(new MetricSample(labels, sample.value()));
        }
      }
    }
    return matches;
  }

  private List<Sample> scrape(URI endpoint) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = client.get().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException("cannot scrape " + endpoint + ": " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("scraping " + endpoint + " answered HTTP " + response.statusCode());
    }
    return PrometheusText.parse(response.body());
  }
}
