package org.daysofchaos.scoreboard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small JSON client for the server's API (and the embedded proxy's), for tests. */
public final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      // HTTP/1.1: the JDK client's default h2c upgrade once misread the server's answer under
      // load ("Frame type(101) ... exceeds MAX_FRAME_SIZE"), and the server speaks HTTP/1.1 anyway.
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final Map<String, String> headers;

  public Http(URI base) {
    this(base, Map.of());
  }

  private Http(URI base, Map<String, String> headers) {
    this.base = base;
    this.headers = Map.copyOf(headers);
  }

  /** The same client, sending this header on every request too. */
  public Http with(String header, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(header, value);
    return new Http(base, more);
  }

  /** The same client without any extra header: anonymous. */
  public Http withoutAuth() {
    return new Http(base);
  }

  /** The extra headers this client sends. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The same client, calling with this API or session token. */
  public Http withToken(String token) {
    return with("Authorization", "Bearer " + token);
  }

  /**
   * Signs in and returns a client that calls as that account, with its session token in the Bearer
   * header (a session token is accepted there as well as in the cookie).
   */
  public Http signIn(String username, String password) {
    Answer answer =
        postJson(
            "/api/auth/login",
            "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    if (answer.status() != 200) {
      throw new AssertionError(
          "sign-in of " + username + " answered " + answer.status() + ": " + answer.body());
    }
    return withToken(sessionCookie(answer));
  }

  /** The session token a sign-in answer set in its cookie. */
  public static String sessionCookie(Answer answer) {
    return answer.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("chaos_session="))
        .map(c -> c.substring("chaos_session=".length()).split(";", 2)[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers()));
  }

  /** An answer: its status and its body as JSON (null when empty). */
  public record Answer(int status, JsonNode json, String body, HttpHeaders headers) {
    public Answer(int status, JsonNode json, String body) {
      this(status, json, body, HttpHeaders.of(Map.of(), (a, b) -> true));
    }
  }

  public Answer delete(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
  }

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

  public Answer put(String path, String body, String contentType) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer postJson(String path, String json) {
    return post(path, json, "application/json");
  }

  public Answer postYaml(String path, String yaml) {
    return post(path, yaml, "application/yaml");
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      headers.forEach(request::header);
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode json =
          body == null || body.isBlank() || !body.strip().matches("(?s)^[\\[{].*")
              ? null
              : JSON.readTree(body);
      return new Answer(response.statusCode(), json, body, response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
