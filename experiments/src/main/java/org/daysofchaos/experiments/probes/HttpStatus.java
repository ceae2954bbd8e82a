package org.daysofchaos.experiments.probes;

import com.google.auto.service.AutoService;
import java.net.URI;
import java.time.Duration;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;

/** Holds when a GET of {@code url} answers {@code status} within {@code timeout}. */
@AutoService(ProbeSpec.class)
@Kind(
    value = "http/status",
    doc = "Holds when a GET of the URL answers the expected status in time.")
public record HttpStatus(
    @Doc("The URL to GET, http or https.") String url,
    @Doc("The status code that means healthy.") @Default("200") @Range(min = 100, max = 599)
        int status,
    @Doc("How long to wait for the answer; slower counts as failing.") @Default("2s")
        Duration timeout)
    implements ProbeSpec {

  public HttpStatus {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new SpecException("url", "'" + url + "' is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new SpecException("url", "must start with http:// or https://, got '" + url + "'");
    }
    if (timeout.isZero()) {
      throw new SpecException("timeout", "must be more than 0ms");
    }
  }

  @Override
  public String describe() {
    return "GET " + url + " answers " + status + " within " + Durations.format(timeout);
  }
}
