package org.daysofchaos.agents.environment;

import java.net.URI;
import org.daysofchaos.core.spec.Doc;

/** A Toxiproxy server (or the embedded proxy's compatible API) that scenarios may target. */
public record ToxiproxyConfig(
    @Doc("The base URL of its API, e.g. http://toxiproxy.preprod:8474.") String url) {

  public ToxiproxyConfig {
    Urls.http("url", url);
  }

  public URI uri() {
    return URI.create(url);
  }
}
