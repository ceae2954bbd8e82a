package org.daysofchaos.agents.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the embedded proxy has: its Java API, its lifecycle, and toxic expiry. */
class EmbeddedToxiproxyIT {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private static EchoServer echo;
  private static TestHttpServer http;

  private EmbeddedToxiproxy toxiproxy;
  private ToxiproxyApi api;

  @BeforeAll
  static void startUpstreams() {
    echo = EchoServer.start();
    http = TestHttpServer.start();
  }

  @AfterAll
  static void stopUpstreams() {
    echo.close();
    http.close();
  }

  @BeforeEach
  void start() {
    // A fixed clock: expiry times are read on it, so the tests do not depend on the wall clock.
    toxiproxy =
        EmbeddedToxiproxy.start(
            new InetSocketAddress("127.0.0.1", 0), Clock.fixed(NOW, ZoneOffset.UTC));
    api = new ToxiproxyApi(toxiproxy.apiUrl());
  }

  @AfterEach
  void stop() {
    toxiproxy.close();
  }

  @Test
  void createProxyForwardsToTheUpstreamAndTellsWhereItListens() throws IOException {
    ProxyHandle handle = toxiproxy.createProxy("db", "127.0.0.1:0", echo.hostPort());

    assertThat(handle.name()).isEqualTo("db");
    assertThat(handle.upstream()).isEqualTo(echo.hostPort());
    assertThat(handle.listenAddress().getPort()).isPositive();
    assertThat(toxiproxy.listenAddress("db")).isEqualTo(handle.listenAddress());
    assertThat(toxiproxy.client().getProxy("db").getListen()).isEqualTo(handle.listen());
    try (Socket socket =
        new Socket(handle.listenAddress().getAddress(), handle.listenAddress().getPort())) {
      socket.getOutputStream().write("ping".getBytes());
      assertThat(socket.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
    }
  }

  @Test
  void createProxyRefusesATakenNameAndABadAddress() {
    toxiproxy.createProxy("db", "127.0.0.1:0", echo.hostPort());

    assertThatThrownBy(() -> toxiproxy.createProxy("db", "127.0.0.1:0", echo.hostPort()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("proxy already exists");
    assertThatThrownBy(() -> toxiproxy.createProxy("other", "no-port", echo.hostPort()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing port");
  }

  @Test
  void listenAddressOfAMissingProxyFails() {
    assertThatThrownBy(() -> toxiproxy.listenAddress("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("proxy not found");
  }

  @Test
  void startingOnABusyPortFails() {
    InetSocketAddress busy = new InetSocketAddress("127.0.0.1", toxiproxy.port());

    assertThatThrownBy(() -> EmbeddedToxiproxy.start(busy))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void closeStopsListenersAndConnectionsAndCanBeRepeated() throws IOException {
    ProxyHandle handle = toxiproxy.createProxy("web", "127.0.0.1:0", http.hostPort());
    InetSocketAddress address = handle.listenAddress();
    try (RawHttpClient open = new RawHttpClient(address)) {
      open.getOk("/1k");

      toxiproxy.close();
      toxiproxy.close();

      assertThatThrownBy(() -> open.getOk("/1k")).isInstanceOf(IOException.class);
    }
    assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> new Socket("127.0.0.1", toxiproxy.port()).close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void aToxicRemovesItselfAtItsExpiry() throws IOException {
    ProxyHandle handle = toxiproxy.createProxy("web", "127.0.0.1:0", http.hostPort());
    long expiresAt = NOW.toEpochMilli() + 300;

    ToxiproxyApi.Answer created =
        api.post(
            "/proxies/web/toxics",
            "{\"name\": \"slow\", \"type\": \"latency\", \"attributes\": {\"latency\": 1000},"
                + " \"expires_at\": "
                + expiresAt
                + "}");
    long start = System.nanoTime();

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("expires_at").asLong()).isEqualTo(expiresAt);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> api.get("/proxies/web/toxics/slow").status() == 404);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    try (RawHttpClient client = new RawHttpClient(handle.listenAddress())) {
      long requestStart = System.nanoTime();
      client.getOk("/1k");
      // The expired toxic held every response for 1 s; anything quicker went without it.
      assertThat(Duration.ofNanos(System.nanoTime() - requestStart))
          .isLessThan(Duration.ofMillis(1000));
    }
  }

  @Test
  void anExpiryCanBeClearedByAnUpdate() throws IOException {
    toxiproxy.createProxy("web", "127.0.0.1:0", http.hostPort());
    api.post(
        "/proxies/web/toxics",
        "{\"name\": \"slow\", \"type\": \"latency\", \"expires_at\": "
            + (NOW.toEpochMilli() + 200)
            + "}");

    ToxiproxyApi.Answer updated = api.post("/proxies/web/toxics/slow", "{\"expires_at\": null}");

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().has("expires_at")).isFalse();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/proxies/web/toxics/slow").status() == 200);
  }

  @Test
  void anExpiryInThePastIsRefused() {
    toxiproxy.createProxy("web", "127.0.0.1:0", http.hostPort());

    ToxiproxyApi.Answer answer =
        api.post(
            "/proxies/web/toxics",
            "{\"type\": \"latency\", \"expires_at\": " + (NOW.toEpochMilli() - 1) + "}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).contains("expires_at");
  }

  @Test
  void toxiproxyJavaIgnoresTheExpiryField() throws IOException {
    toxiproxy.createProxy("web", "127.0.0.1:0", http.hostPort());
    api.post(
        "/proxies/web/toxics",
        "{\"name\": \"slow\", \"type\": \"latency\", \"expires_at\": "
            + (NOW.toEpochMilli() + 60_000)
            + "}");

    Proxy proxy = toxiproxy.client().getProxy("web");

    assertThat(proxy.toxics().getAll())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getName()).isEqualTo("slow");
              assertThat(t.getStream()).isEqualTo(ToxicDirection.DOWNSTREAM);
            });
  }
}
