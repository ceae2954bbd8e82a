package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.daysofchaos.demo.DemoSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The project's own demo, tested with the extension: the demo brings its fault proxy, the test
 * attaches to it, breaks the payment link for one test, and plays a shipped demo scenario as a
 * test.
 */
@ChaosTest
// The scenario first: after the latency test, the demo's latency window would need time to clear.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoChaosIT {
  private static DemoSystem demo;
  private static ProxyServer demoProxies;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Chaos chaos) throws IOException {
    demo = DemoSystem.start();
    demoProxies = chaos.attach(demo.toxiproxyUrl());
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  @Test
  @Order(2)
  void paymentLatencySlowsABooking() throws Exception {
    demoProxies.proxy("payment").latency(Duration.ofMillis(800));

    long started = System.nanoTime();
    HttpResponse<String> booking = book();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(800));
    assertThat(booking.statusCode()).isEqualTo(200);
  }

  @Test
  @Order(1)
  void thePaymentLatencyScenarioIsDetectedAndRecoveredFrom() {
    ScenarioResult result =
        demoProxies
            .scenario("scenarios/demo/payment-latency.yaml")
            .metrics(demo.metricsUrl())
            .faultDuration(Duration.ofSeconds(4))
            .recovery(Duration.ofSeconds(1), Duration.ofSeconds(20))
            .run()
            .passed()
            .detectedWithin(Duration.ofSeconds(4))
            .recoversWithin(Duration.ofSeconds(20));

    assertThat(result.journal().getFileName().toString()).startsWith("demo_payment-latency--");
  }

  private HttpResponse<String> book() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(demo.bookingUrl().resolve("/book"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
