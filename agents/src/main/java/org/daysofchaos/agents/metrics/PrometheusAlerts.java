package org.daysofchaos.agents.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.FiringAlert;
import org.daysofchaos.core.spi.Lag;

/**
 * The alerts a Prometheus server fires, polled from its {@code /api/v1/alerts}: detection by alerts
 * without an Alertmanager. Made by {@link PromQlSource#alerts}, so it reaches the server through
 * the same client (TLS), credentials and timeout as the PromQL queries.
 *
 * <p>An alert's {@code activeAt} is the first rule evaluation at which its expression held; the
 * change of the system lies up to one scrape interval plus one evaluation interval before it
 * (docs/measurement.md).
 */
public final class PrometheusAlerts implements AlertWatch {
  /** The source of a detection by a polled alert, in journals and reports. */
  public static final String SOURCE = "prometheus-alerts-api";

  /**
   * The evaluation interval assumed when none is given (a Prometheus on the command line): the same
   * common setting as the scrape interval's default.
   */
  public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(15);

  private final String name;
  private final URI url;
  private final URI endpoint;
  private final Optional<String> authorization;
  private final Duration timeout;
  private final HttpClient client;
  private final Duration scrapeInterval;
  private final Duration evaluationInterval;

  PrometheusAlerts(
      String name,
      URI url,
      Optional<String> authorization,
      Duration timeout,
      HttpClient client,
      Duration scrapeInterval,
      Duration evaluationInterval) {
    if (evaluationInterval.isZero() || evaluationInterval.isNegative()) {
      throw new IllegalArgumentException("an evaluation interval must be longer than 0s");
    }
    this.name = name;
    this.url = url;
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    this.endpoint = url.resolve(path + "/api/v1/alerts");
    this.authorization = authorization;
    this.timeout = timeout;
    this.client = client;
    this.scrapeInterval = scrapeInterval;
    this.evaluationInterval = evaluationInterval;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public String name() {
    return name;
  }

  /** The alerts among {@code names} that fire now; pending ones do not count. */
  @Override
  public List<FiringAlert> firing(Collection<String> names)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    authorization.ifPresent(value -> request.header("Authorization", value));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new IOException(this + " did not answer within " + Durations.format(timeout), e);
    } catch (IOException e) {
      throw new IOException("cannot reach " + this + ": " + reason(e), e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          this
              + " answered HTTP "
              + response.statusCode()
              + (response.statusCode() == 401 || response.statusCode() == 403
                  ? ": check its credentials"
                  : ": " + PromQlResponse.abbreviate(response.body())));
    }
    try {
      return AlertsResponse.firing(response.body(), names);
    } catch (IOException e) {
      throw new IOException(this + ": " + e.getMessage(), e);
    }
  }

  /** A change shows in the next scrape, then in the next evaluation of the rule. */
  @Override
  public Lag lag() {
    return Lag.throughSamples(Duration.ZERO, scrapeInterval.plus(evaluationInterval));
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
    return "the alerts API of Prometheus " + name + " at " + url;
  }
}
