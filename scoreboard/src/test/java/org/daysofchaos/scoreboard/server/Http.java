package org.daysofchaos.scoreboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the server's API (and the embedded proxy's), for tests. */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public Http(URI base) {
    this.base = base;
  }

  /** An answer: its status and its body as JSON (null when empty). */
  public record Answer(int status, JsonNode json, String body) {}

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public JsonNode getJson(String path) {
    Answer answer = get(path);
    if (answer.status() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  public Answer post(String path, String body, String contentType) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer postJson(String path, String json) {
    return post(path, json, "application/json");
  }

  public Answer postYaml(String path, String yaml) {
    return post(path, yaml, "application/yaml");
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode json =
          body == null || body.isBlank() || !body.strip().matches("(?s)^[\\[{].*")
              ? null
              : JSON.readTree(body);
      return new Answer(response.statusCode(), json, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
