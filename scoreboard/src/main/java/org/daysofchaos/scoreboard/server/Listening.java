package org.daysofchaos.scoreboard.server;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says where the HTTP listener is once it listens. With {@code serve --port 0} only the system
 * knows the port until then, and Quarkus's own line is below the server's log level.
 */
@Singleton
public class Listening {
  private static final Logger LOG = LoggerFactory.getLogger(Listening.class);

  void listening(@ObservesAsync HttpServerStart event) {
    LOG.info(
        "listening on http://{}:{}", event.options().getHost(), port(event.options().getPort()));
  }

  /**
   * The port the server listens on. Asked for port 0, Quarkus has the system choose one and gives
   * its listeners the port as -1 ("any"); the port it got is then in its configuration. (The demo's
   * agent once connected to port -1 and failed.)
   */
  static int port(int announced) {
    if (announced > 0) {
      return announced;
    }
    return ConfigProvider.getConfig()
        .getOptionalValue("quarkus.http.port", Integer.class)
        .filter(port -> port > 0)
        .orElse(announced);
  }
}
