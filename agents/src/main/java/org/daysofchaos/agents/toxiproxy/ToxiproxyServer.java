package org.daysofchaos.agents.toxiproxy;

import java.net.URI;

/** A Toxiproxy-compatible server that scenarios may target, by name. */
public record ToxiproxyServer(String name, String host, int port) {
  public static final String DEFAULT = "default";

  public static ToxiproxyServer of(String name, URI url) {
    if (url.getHost() == null || url.getPort() < 0) {
      throw new IllegalArgumentException(
          "toxiproxy server " + name + ": '" + url + "' is not of the form http://host:port");
    }
    return new ToxiproxyServer(name, url.getHost(), url.getPort());
  }

  public String url() {
    return "http://" + host + ":" + port;
  }
}
