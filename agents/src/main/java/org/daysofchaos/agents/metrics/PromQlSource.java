package org.daysofchaos.agents.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.spi.Lag;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.MetricSource;

/**
 * Answers PromQL through the HTTP API of a Prometheus server (or anything that speaks it: Thanos,
 * Mimir, VictoriaMetrics), with instant queries on {@code /api/v1/query}. TLS is the JDK's; the
 * credentials go in the Authorization header only and never into a message or a log.
 *
 * <p>Whatever keeps it from giving numbers (the server is down or slow, refuses the credentials or
 * the query, the query returns a range vector) throws with a message for the game master: the probe
 * is then unmeasured, never given a value.
 */
public final class PromQlSource implements MetricSource {
  private final URI url;
  private final URI queryEndpoint;
  private final Optional<String> authorization;
  private final Duration timeout;
  private final HttpClient client;
  private final Duration scrapeInterval;

  /** The scrape interval assumed when none is given (a common setting; Prometheus' own is 1m). */
  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(15);

  /** Basic authentication; {@link #toString()} hides the password. */
  public record BasicAuth(String user, String password) {
    @Override
    public String toString() {
      return "BasicAuth[user=" + user + ", password=***]";
    }
  }

  /**
   * @param url the server's base URL, e.g. {@code https://prometheus.preprod:9090} or {@code
   *     https://gateway/prometheus}
   * @param bearerToken a bearer token, already resolved from its secret
   * @param basic basic authentication, already resolved; not with a bearer token
   * @param timeout how long a query may take, connection included; Prometheus is told too
   * @throws IllegalArgumentException if the URL is not http(s), carries credentials, or both kinds
   *     of credentials are given
   */
  public PromQlSource(
      URI url,
      Optional<String> bearerToken,
      Optional<BasicAuth> basic,
      Duration timeout,
      HttpClient client) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "the Prometheus URL must be http:// or https://, not " + url.getScheme());
    }
    if (url.getRawUserInfo() != null) {
      // A URL is shown in messages and logs: credentials in it would leak.
      throw new IllegalArgumentException(
          "the Prometheus URL must not carry credentials; give a bearer token or basic auth");
    }
    if (bearerToken.isPresent() && basic.isPresent()) {
      throw new IllegalArgumentException("give a bearer token or basic auth, not both");
    }
    this.url = url;
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    this.queryEndpoint = url.resolve(path + "/api/v1/query");
    this.authorization =
        bearerToken.map(token -> "Bearer " + token).or(() -> basic.map(PromQlSource::basicHeader));
    this.timeout = timeout;
    this.client = client;
    this.scrapeInterval = DEFAULT_SCRAPE_INTERVAL;
  }

  private PromQlSource(PromQlSource source, Duration scrapeInterval) {
    this.url = source.url;
    this.queryEndpoint = source.queryEndpoint;
    this.authorization = source.authorization;
    this.timeout = source.timeout;
    this.client = source.client;
    this.scrapeInterval = scrapeInterval;
  }

  /** A source with its own HTTP client, the JDK's default TLS trust, and this timeout. */
  public static PromQlSource of(
      URI url, Optional<String> bearerToken, Optional<BasicAuth> basic, Duration timeout) {
    return new PromQlSource(
        url, bearerToken, basic, timeout, HttpClient.newBuilder().connectTimeout(timeout).build());
  }

  /** A source without credentials and a timeout of 5 s. */
  public static PromQlSource of(URI url) {
    return of(url, Optional.empty(), Optional.empty(), Duration.ofSeconds(5));
  }

  /**
   * A copy of this source that knows the scrape interval its Prometheus runs with (it bounds how
   * precisely a moment can be seen through it).
   */
  public PromQlSource scrapedEvery(Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("a scrape interval must be longer than 0s");
    }
    return new PromQlSource(this, interval);
  }

  /**
   * The alerts of the same Prometheus server ({@code /api/v1/alerts}), reached through the same
   * client, credentials and timeout as its queries.
   *
   * @param name its name in the environment, for the journal
   * @param evaluationInterval the rule evaluation interval it runs with
   */
  public PrometheusAlerts alerts(String name, Duration evaluationInterval) {
    return new PrometheusAlerts(
        name, url, authorization, timeout, client, scrapeInterval, evaluationInterval);
  }

  /**
   * A change shows in the next scrape (within one scrape interval) and is seen at the next probe; a
   * change that must leave a range window ({@code [1m]}) stays in the answer for the window: the
   * end of a problem is seen between the window minus one scrape interval and the window (plus the
   * probe interval) late. The start of a problem is assumed to show with the first samples after it
   * (true of quantiles, maxima and gauges; a ratio over a window that has to fill up first can be
   * later). See docs/measurement.md.
   */
  @Override
  public Lag lag(String query, Duration interval, Lag.Change change) {
    Duration window = PromQlRanges.largest(query);
    if (change == Lag.Change.PROBLEM_STARTS || window.isZero()) {
      return Lag.throughSamples(Duration.ZERO, scrapeInterval.plus(interval));
    }
    Duration earliest = window.minus(scrapeInterval);
    return Lag.throughSamples(
        earliest.isNegative() ? Duration.ZERO : earliest, window.plus(interval));
  }

  /** The series of an instant query, evaluated now. */
  @Override
  public List<MetricSample> samples(String query) throws IOException, InterruptedException {
    return query(query, Optional.empty());
  }

  /**
   * The series of an instant query, evaluated at {@code time} (now if empty).
   *
   * @throws IOException when the server cannot be reached, answers too late or with an HTTP error
   * @throws IllegalArgumentException when it refuses the query, or the query does not return
   *     numbers
   */
  public List<MetricSample> query(String query, Optional<Instant> time)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(form(query, time));
    if (response.statusCode() / 100 == 2 || PromQlResponse.error(response.body()).isPresent()) {
      return PromQlResponse.samples(query, response.body());
    }
    throw new IOException(
        this
            + " answered HTTP "
            + response.statusCode()
            + (response.statusCode() == 401 || response.statusCode() == 403
                ? ": check its credentials"
                : ": " + PromQlResponse.abbreviate(response.body())));
  }

  private HttpResponse<String> send(String form) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(queryEndpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    authorization.ifPresent(value -> request.header("Authorization", value));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new IOException(this + " did not answer within " + Durations.format(timeout), e);
    } catch (IOException e) {
      throw new IOException("cannot reach " + this + ": " + reason(e), e);
    }
  }

  private String form(String query, Optional<Instant> time) {
    StringBuilder form = new StringBuilder("query=").append(encode(query));
    time.ifPresent(
        at ->
            form.append("&time=")
                .append(String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0)));
    // Prometheus gives up evaluating when the caller would: a slow query does not pile up.
    form.append("&timeout=").append(timeout.toMillis()).append("ms");
    return form.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String basicHeader(BasicAuth basic) {
    String pair = basic.user() + ":" + basic.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String reason(IOException e) {
    Throwable cause = e;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "Prometheus at " + url;
  }
}
