package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's REST API as one signed-in account sees it: every request carries the account's
 * session token as {@code Authorization: Bearer}. Answers other than 2xx are {@link IOException}s
 * that name the request and quote the server's error.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String COOKIE = "chaos_session";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final String token;

  private Api(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** Signs in with a password: the session token comes back in the {@code chaos_session} cookie. */
  static Api login(URI base, String username, String password)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("username", username).put("password", password);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "sign-in of " + username + ": " + response.statusCode() + " " + response.body());
    }
    String token =
        sessionCookie(response)
            .orElseThrow(
                () -> new IOException("sign-in of " + username + ": no " + COOKIE + " cookie"));
    return new Api(base, token);
  }

  /**
   * A new player (or viewer, with a null team) ready to play: created by this game master with a
   * one-time password, which is then replaced, as a person does at their first sign-in.
   */
  Api newAccount(String username, String role, String gameDay, String team, String password)
      throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("username", username).put("role", role);
    if (team != null) {
      request.put("gameDay", gameDay).put("team", team);
    }
    String oneTime = post("/api/accounts", request).get("oneTimePassword").asText();
    Api first = login(base, username, oneTime);
    first.post(
        "/api/auth/password",
        JSON.createObjectNode().put("currentPassword", oneTime).put("newPassword", password));
    return login(base, username, password);
  }

  URI base() {
    return base;
  }

  String token() {
    return token;
  }

  /** A request builder with this account's token, for callers that time or stream the answer. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send("GET " + path, request(path).timeout(Duration.ofSeconds(120)).GET().build());
  }

  JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
    return post(path, body.toString(), "application/json");
  }

  JsonNode post(String path, String body, String type) throws IOException, InterruptedException {
    return send(
        "POST " + path,
        request(path)
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonNode send(String what, HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(what + ": " + response.statusCode() + " " + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private static Optional<String> sessionCookie(HttpResponse<?> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0].strip();
      if (pair.startsWith(COOKIE + "=") && pair.length() > COOKIE.length() + 1) {
        return Optional.of(pair.substring(COOKIE.length() + 1));
      }
    }
    return Optional.empty();
  }
}
