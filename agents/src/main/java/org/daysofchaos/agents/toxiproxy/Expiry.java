package org.daysofchaos.agents.toxiproxy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Sets the expiry of a toxic on the embedded fault proxy ({@code "expires_at"}, epoch milliseconds;
 * see ADR 0003). toxiproxy-java cannot send that field, so this one call is made directly.
 */
final class Expiry {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Expiry() {}

  static void set(ToxiproxyServer server, String proxy, String toxic, Instant expiresAt)
      throws IOException {
    URI uri = URI.create(server.url() + "/proxies/" + encode(proxy) + "/toxics/" + encode(toxic));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"expires_at\":" + expiresAt.toEpochMilli() + "}"))
            .build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while setting the expiry of toxic " + toxic, e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "setting the expiry of toxic "
              + toxic
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
