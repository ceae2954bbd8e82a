package org.daysofchaos.agents.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.experiments.probes.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpStatusRunnerTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/ok", e -> respond(e, 200));
    server.createContext("/broken", e -> respond(e, 503));
    server.createContext(
        "/hang",
        e -> {
          try {
            release.await();
          } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
          }
          respond(e, 200);
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange e, int status)
      throws IOException {
    e.sendResponseHeaders(status, -1);
    e.close();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private Observation probe(String path, int expected, Duration timeout) throws Exception {
    return HttpStatusRunner.withDefaultClient()
        .observe(new HttpStatus(base + path, expected, timeout));
  }

  @Test
  void holdsWhenTheExpectedStatusComesBack() throws Exception {
    assertThat(probe("/ok", 200, Duration.ofSeconds(2)).holds()).isTrue();
    assertThat(probe("/broken", 503, Duration.ofSeconds(2)).holds()).isTrue();
  }

  @Test
  void failsOnAnotherStatusAndSaysWhich() throws Exception {
    Observation seen = probe("/broken", 200, Duration.ofSeconds(2));

    assertThat(seen.holds()).isFalse();
    assertThat(seen.detail()).startsWith("HTTP 503");
  }

  @Test
  void failsWhenTheAnswerIsLate() throws Exception {
    Observation seen = probe("/hang", 200, Duration.ofMillis(200));

    assertThat(seen.holds()).isFalse();
    assertThat(seen.detail()).isEqualTo("no answer within 200ms");
  }

  @Test
  void failsWhenNothingListens() throws Exception {
    server.stop(0);

    Observation seen = probe("/ok", 200, Duration.ofSeconds(1));

    assertThat(seen.holds()).isFalse();
    assertThat(seen.detail()).startsWith("cannot connect");
  }
}
