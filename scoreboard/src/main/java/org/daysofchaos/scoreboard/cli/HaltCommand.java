package org.daysofchaos.scoreboard.cli;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chaos halt --server URL}: halt-all on a running server (every active injection reverted,
 * new ones blocked until {@code --release}). A thin client of the REST API: it opens no database.
 */
@Command(
    name = "halt",
    mixinStandardHelpOptions = true,
    description =
        "Halt-all on a running game-day server: reverts every active injection and blocks new"
            + " ones until released (--release).")
public class HaltCommand implements Callable<Integer> {
  @Option(
      names = "--server",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8080",
      description = "The server (default: ${DEFAULT-VALUE}).")
  URI server;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit log.")
  String reason;

  @Option(names = "--release", description = "Release the halt: injections are allowed again.")
  boolean release;

  @Option(names = "--status", description = "Only show whether halt-all is in effect.")
  boolean status;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:CHAOS_TOKEN}",
      description =
          "A game master's API token (default: the CHAOS_TOKEN environment variable). Create one"
              + " in the game-master console or with POST /api/auth/tokens.")
  String token;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest.Builder request;
    if (status) {
      request = HttpRequest.newBuilder(server.resolve("/api/halt")).GET();
    } else if (release) {
      request =
          HttpRequest.newBuilder(server.resolve("/api/halt/release"))
              .POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request =
          HttpRequest.newBuilder(server.resolve("/api/halt"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body()));
    }
    if (token == null || token.isBlank()) {
      throw new UserError(
          "halt needs a game master's API token: give --token or set CHAOS_TOKEN (create one in"
              + " the game-master console, or with POST /api/auth/tokens)");
    }
    request.header("Authorization", "Bearer " + token.strip());
    HttpResponse<String> response;
    try {
      response =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new UserError("no server answers at " + server);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new UserError(
          "the server refused the token ("
              + response.statusCode()
              + "): halt needs a valid API token of a game master");
    }
    if (response.statusCode() / 100 != 2) {
      System.err.println(
          "error: the server answered " + response.statusCode() + ": " + response.body());
      return ExitCodes.FAILED;
    }
    out.println(response.body());
    return ExitCodes.OK;
  }

  private String body() {
    if (reason == null) {
      return "{}";
    }
    return "{\"reason\": \"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }
}
