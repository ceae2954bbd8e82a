package org.daysofchaos.agents.environment;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;

/**
 * A Prometheus server that answers PromQL queries (metric probes, detection signals, alerts). Its
 * scrape and rule evaluation intervals are those it runs with: they bound how precisely a time
 * measured through it can be known (docs/measurement.md).
 */
public record PrometheusConfig(
    @Doc("The base URL of its HTTP API, e.g. http://prometheus.monitoring:9090.") String url,
    @Doc("A bearer token sent with every query.") Optional<Secret> bearer,
    @Doc("HTTP basic authentication.") Optional<BasicAuth> basic,
    @Doc("How to trust its certificate, for https.") Optional<Tls> tls,
    @Default("15s") @Doc("The scrape interval it runs with (its global scrape_interval).")
        Duration scrapeInterval,
    @Default("15s")
        @Doc("The rule evaluation interval it runs with (its global evaluation_interval).")
        Duration evaluationInterval,
    @Default("10s") @Doc("How long to wait for an answer to one query.") Duration timeout) {

  public PrometheusConfig {
    Urls.http("url", url);
    HttpAuth.atMostOne(bearer, basic);
    HttpAuth.positive("scrapeInterval", scrapeInterval);
    HttpAuth.positive("evaluationInterval", evaluationInterval);
    HttpAuth.positive("timeout", timeout);
  }

  public URI uri() {
    return URI.create(url);
  }

  /** The auth, TLS and timeout of its HTTP client. */
  public HttpAccess access() {
    return new HttpAccess(uri(), bearer, basic, tls, timeout);
  }
}
