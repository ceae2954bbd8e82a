package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real TCP through the embedded proxy: a fault added in one test is seen by a real HTTP client, and
 * is gone in the next one.
 */
@ChaosTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultProxyIT {
  private static final Duration LATENCY = Duration.ofMillis(600);

  private static TinyHttp dependency;
  private static FaultProxy proxy;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start(Chaos chaos) {
    dependency = TinyHttp.dependency();
    proxy = chaos.proxy("dependency", dependency.address());
  }

  @AfterAll
  static void stop() {
    dependency.close();
  }

  @Test
  @Order(1)
  void latencyIsSeenByARealClient(Chaos chaos) throws Exception {
    proxy.latency(LATENCY);

    long started = System.nanoTime();
    assertThat(get()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(LATENCY);
    assertThat(chaos.activeFaults())
        .containsExactly("latency 600ms (downstream) on proxy dependency");
  }

  @Test
  @Order(2)
  void theLatencyIsGoneInTheNextTest(Chaos chaos) throws Exception {
    Proxy onServer = chaos.toxiproxyClient().getProxy("dependency");
    assertThat(onServer.toxics().getAll()).isEmpty();
    assertThat(chaos.activeFaults()).isEmpty();
    assertThat(get()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void downRefusesConnectionsUntilHealed() throws Exception {
    proxy.down();
    assertThatThrownBy(this::get).isInstanceOf(IOException.class);

    proxy.heal();
    assertThat(get()).isEqualTo(200);
  }

  @Test
  @Order(4)
  void theProxyIsEnabledInTheNextTest(Chaos chaos) throws Exception {
    proxy.down();
    // what a test adds through the Toxiproxy API directly is also removed after it
    chaos
        .toxiproxyClient()
        .getProxy("dependency")
        .toxics()
        .bandwidth("raw", ToxicDirection.DOWNSTREAM, 1);
  }

  @Test
  @Order(5)
  void andSoIsOneAddedThroughTheApi(Chaos chaos) throws Exception {
    Proxy onServer = chaos.toxiproxyClient().getProxy("dependency");
    assertThat(onServer.isEnabled()).isTrue();
    assertThat(onServer.toxics().getAll()).isEmpty();
    assertThat(get()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void theSameProxyIsReturnedForTheSameUpstream(Chaos chaos) {
    assertThat(chaos.proxy("dependency", dependency.address())).isSameAs(proxy);
    assertThat(chaos.proxy("dependency")).isSameAs(proxy);
    assertThatThrownBy(() -> chaos.proxy("dependency", "127.0.0.1:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already forwards to");
  }

  private int get() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(proxy.uri("http").resolve("/"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
