package org.daysofchaos.agents.host;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.daysofchaos.agents.environment.Secret;
import org.daysofchaos.agents.environment.Tls;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.SpecException;

/**
 * The server the agent connects out to, and the credential the game master issued for it. Plain
 * http is allowed only to a loopback address (tests, or a tunnel ending on this host): the
 * credential must not cross a network in clear.
 */
public record ServerConfig(
    @Doc("The server's base URL, e.g. https://chaos.example.org (http only for 127.0.0.1).")
        String url,
    @Doc(
            "The agent's credential, issued by the game master: { fromFile: ... } or { fromEnv: ... }.")
        Secret credential,
    @Doc("How to trust the server's certificate when the JVM's authorities do not sign it.")
        Optional<Tls> tls) {

  public ServerConfig {
    URI uri = parse(url);
    if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
      throw new SpecException(
          "url",
          "must be https (the credential would cross the network in clear); http is allowed only"
              + " to a loopback address, got "
              + url);
    }
  }

  private static URI parse(String url) {
    try {
      URI uri = URI.create(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new SpecException("url", "expected an https URL such as https://chaos.example.org");
    }
  }

  private static boolean loopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    try {
      // Only literal addresses: a name is not resolved while a file is read.
      return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")
          && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public URI uri() {
    return URI.create(url.endsWith("/") ? url : url + "/");
  }
}
