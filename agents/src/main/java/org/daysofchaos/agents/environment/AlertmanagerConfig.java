package org.daysofchaos.agents.environment;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;

/** An Alertmanager whose alerts count as detection, and that pre-flight checks. */
public record AlertmanagerConfig(
    @Doc("The base URL of its API, e.g. http://alertmanager.monitoring:9093.") String url,
    @Doc("A bearer token sent with every request.") Optional<Secret> bearer,
    @Doc("HTTP basic authentication.") Optional<BasicAuth> basic,
    @Doc("How to trust its certificate, for https.") Optional<Tls> tls,
    @Default("10s") @Doc("How long to wait for an answer.") Duration timeout) {

  public AlertmanagerConfig {
    Urls.http("url", url);
    HttpAuth.atMostOne(bearer, basic);
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
