package org.daysofchaos.scoreboard.persistence;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The name of this server instance in the database and in a cluster. */
public record NodeId(String id) {
  /**
   * {@code chaos.node.id}, or HOST:PORT, stable across restarts: one rule for the server and for
   * the recovery that runs before it boots, so that both find the same node's rows.
   */
  public static NodeId of(Optional<String> configured, int httpPort) {
    return new NodeId(configured.orElseGet(() -> hostName() + ":" + httpPort));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
