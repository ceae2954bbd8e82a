package com.example.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.daysofchaos.junit.Chaos;
import org.daysofchaos.junit.ChaosTest;
import org.daysofchaos.junit.FaultProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three chaos tests of the price service, its rates dependency behind the embedded fault proxy: a
 * slow dependency, a dead one, and a scenario (the same YAML as a game day's) run as a test.
 *
 * <p>Each fault lasts only for its test: the extension reverts it afterwards, whatever happens.
 */
@ChaosTest
class PriceServiceChaosIT {
  private static FakeRates rates;
  private static FaultProxy ratesLink;
  private static PriceService prices;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Chaos chaos) {
    rates = new FakeRates();
    // The service talks to its dependency through the proxy, not directly.
    ratesLink = chaos.proxy("rates", rates.address());
    prices = PriceService.start(ratesLink.uri("http"));
  }

  @AfterAll
  static void stop() {
    prices.close();
    rates.close();
  }

  @Test
  void aSlowRatesServiceGetsTheCachedRateInsteadOfAHang() throws Exception {
    assertEquals("live", price().headers().firstValue("X-Rate-Source").orElseThrow());

    ratesLink.latency(Duration.ofSeconds(3));

    HttpResponse<String> response = price();
    assertEquals(200, response.statusCode());
    assertEquals("cached", response.headers().firstValue("X-Rate-Source").orElseThrow());
    assertEquals("110.00", response.body());
  }

  @Test
  void aDeadRatesServiceStillGivesPrices() throws Exception {
    ratesLink.down();

    HttpResponse<String> response = price();
    assertEquals(200, response.statusCode());
    assertEquals("cached", response.headers().firstValue("X-Rate-Source").orElseThrow());
  }

  @Test
  void anOutageIsDetectedAndRecoveredFrom(Chaos chaos) {
    chaos
        .scenario("chaos/rates-outage.yaml")
        .variable("prices", prices.address())
        .run()
        .passed()
        .detectedWithin(Duration.ofSeconds(5))
        .recoversWithin(Duration.ofSeconds(10));
    // The journal is in target/chaos-journals/: chaos report --journals
    // target/chaos-journals/*.json
  }

  private HttpResponse<String> price() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(prices.uri().resolve("/price"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
