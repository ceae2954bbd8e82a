package org.daysofchaos.agents.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.daysofchaos.core.spi.MetricSource;

/**
 * Answers series selectors by scraping Prometheus text endpoints directly, with no Prometheus
 * server: the embedded default. Every query scrapes afresh, so a value is never older than the
 * query.
 */
public final class ScrapeMetricSource implements MetricSource {
  private final List<URI> endpoints;
  private final HttpClient client;
  private final Duration timeout;

  public ScrapeMetricSource(List<URI> endpoints, HttpClient client, Duration timeout) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("at least one metrics endpoint is needed");
    }
    this.endpoints = List.copyOf(endpoints);
    this.client = client;
    this.timeout = timeout;
  }

  public static ScrapeMetricSource of(URI... endpoints) {
    return new ScrapeMetricSource(
        List.of(endpoints),
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(),
        Duration.ofSeconds(2));
  }

  @Override
  public OptionalDouble value(String query) throws IOException, InterruptedException {
    SeriesSelector selector = SeriesSelector.parse(query);
    List<Sample> matches = new ArrayList<>();
    for (URI endpoint : endpoints) {
      for (Sample sample : scrape(endpoint)) {
        if (selector.matches(sample)) {
          matches.add(sample);
        }
      }
    }
    if (matches.size() > 1) {
      throw new IllegalArgumentException(
          "'"
              + query
              + "' matches "
              + matches.size()
              + " series; add labels to pick one, e.g. "
              + matches.get(0).labels());
    }
    return matches.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matches.get(0).value());
  }

  private List<Sample> scrape(URI endpoint) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IOException("cannot scrape " + endpoint + ": " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("scraping " + endpoint + " answered HTTP " + response.statusCode());
    }
    return PrometheusText.parse(response.body());
  }
}
