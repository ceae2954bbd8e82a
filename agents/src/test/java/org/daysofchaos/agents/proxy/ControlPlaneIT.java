package org.daysofchaos.agents.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 7: the fault proxy's API took requests from any web page, and opened listeners
 * on every interface when asked.
 */
class ControlPlaneIT {
  private EmbeddedToxiproxy toxiproxy;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    toxiproxy = EmbeddedToxiproxy.start();
  }

  @AfterEach
  void stop() {
    toxiproxy.close();
  }

  private HttpResponse<String> post(String path, String json, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(toxiproxy.apiUrl().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int proxies() throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(toxiproxy.apiUrl().resolve("/proxies")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return body.equals("{}") ? 0 : body.split("\"name\"").length - 1;
  }

  @Test
  void aPageOfAnotherOriginCannotDriveTheProxy() throws Exception {
    String proxy = "{\"name\": \"db\", \"listen\": \"127.0.0.1:0\", \"upstream\": \"127.0.0.1:9\"}";
    HttpResponse<String> fromPage = post("/proxies", proxy, "http://127.0.0.1:1");
    assertThat(fromPage.statusCode()).isEqualTo(403);
    assertThat(fromPage.body()).contains("another origin");
    assertThat(proxies()).isZero();
    assertThat(post("/proxies", proxy, null).statusCode()).as("a client, no Origin").isEqualTo(201);
    URI own = toxiproxy.apiUrl();
    assertThat(post("/reset", "", "http://" + own.getHost() + ":" + own.getPort()).statusCode())
        .as("its own origin")
        .isEqualTo(204);
  }

  @Test
  void aProxyListensOnLoopbackOnly() throws Exception {
    HttpResponse<String> everywhere =
        post(
            "/proxies",
            "{\"name\": \"db\", \"listen\": \"0.0.0.0:0\", \"upstream\": \"127.0.0.1:9\"}",
            null);
    assertThat(everywhere.statusCode()).isEqualTo(400);
    assertThat(everywhere.body()).contains("loopback");
    assertThat(proxies()).isZero();
    assertThatThrownBy(() -> toxiproxy.createProxy("db", "[::]:0", "127.0.0.1:9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("daysofchaos.proxy.allow-non-loopback-listen");
    assertThat(
            toxiproxy
                .createProxy("db", "127.0.0.1:0", "127.0.0.1:9")
                .listenAddress()
                .getAddress()
                .isLoopbackAddress())
        .isTrue();
  }
}
