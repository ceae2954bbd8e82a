package org.daysofchaos.agents.environment;

import java.net.URI;
import java.net.URISyntaxException;
import org.daysofchaos.core.spec.SpecException;

/** The URLs of an environment file: http or https, with a host, and no credentials in them. */
final class Urls {
  private Urls() {}

  /**
   * @throws SpecException at {@code field} when the text is not such a URL
   */
  static URI http(String field, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new SpecException(field, "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new SpecException(field, "must start with http:// or https://, got " + text);
    }
    if (uri.getHost() == null) {
      throw new SpecException(field, "has no host: " + text);
    }
    if (uri.getRawUserInfo() != null) {
      // A password in a URL ends up in logs and error messages: it belongs in a secret.
      throw new SpecException(
          field, "must not hold a user or password; give them as basic: {user, password}");
    }
    return uri;
  }
}
