package org.daysofchaos.agents.proxy;

import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same compatibility suite against a real Toxiproxy v2.8.0 in a container, where Docker exists
 * (skipped otherwise; the embedded run of the suite always runs). The container shares the host's
 * network, so Toxiproxy reaches the suite's servers on 127.0.0.1 as the embedded proxy does.
 */
@Testcontainers(disabledWithoutDocker = true)
class ToxiproxyContainerCompatibilityIT extends ToxiproxyCompatibilityIT {
  /** Away from 8474, where a developer's own Toxiproxy may listen. */
  private static final int API_PORT = 18474;

  /** Hides the suite's own start: the same test servers, but Toxiproxy in a container. */
  @BeforeAll
  @SuppressWarnings("resource") // stopped by the suite's stopServers(), through close()
  static void startServers() {
    ToxiproxyContainer toxiproxy =
        new ToxiproxyContainer(DockerImageName.parse("ghcr.io/shopify/toxiproxy:2.8.0"))
            .withNetworkMode("host")
            .withCommand("-host=127.0.0.1", "-port=" + API_PORT)
            .waitingFor(
                Wait.forLogMessage(
                    ".*(Starting Toxiproxy HTTP server|API HTTP server starting).*", 1));
    toxiproxy.start();
    startWith(ToxiproxyUnderTest.real(URI.create("http://127.0.0.1:" + API_PORT), toxiproxy::stop));
  }
}
