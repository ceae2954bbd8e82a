package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One team's player at work, on its own thread: it claims the detection of an incident, sends two
 * wrong diagnoses then the right one, and now and then claims a failure on a service that has none.
 * Each play waits for the answer to the one before, as the console does. Paced plays are sent at
 * fixed times; when an answer comes late the next play leaves at once and its lag is recorded.
 */
final class TeamPlayer implements Runnable {
  /** Every third incident, a claim on a service where nothing is wrong (a false claim). */
  private static final int FALSE_CLAIM_EVERY = 3;

  /**
   * Plays a team spends on each incident: a claim, two wrong diagnoses, the right one, and a share
   * of a false claim.
   */
  static final double PLAYS_PER_INCIDENT = 4 + 1.0 / FALSE_CLAIM_EVERY;

  /** One play sent: when, how long its answer took, and what the server said. */
  record Sent(
      long lagNanos, long latencyNanos, int status, long playId, String type, String outcome) {
    boolean acknowledged() {
      return status == 201;
    }
  }

  private enum Step {
    CLAIM,
    WRONG_DIAGNOSIS,
    SECOND_WRONG_DIAGNOSIS,
    RIGHT_DIAGNOSIS,
    FALSE_CLAIM
  }

  private final HttpClient http;
  private final Api player;
  private final long startNanos;
  private final long endNanos;
  private final long periodNanos;
  private final List<Sent> sent = new ArrayList<>();
  private Step step = Step.CLAIM;
  private String incident;
  private int incidents;

  /**
   * @param firstNanos when the first play leaves ({@link System#nanoTime()})
   * @param periodNanos time between two plays of this team; 0 sends each play as soon as the last
   *     one is answered
   */
  TeamPlayer(HttpClient http, Api player, long firstNanos, long endNanos, long periodNanos) {
    this.http = http;
    this.player = player;
    this.startNanos = firstNanos;
    this.endNanos = endNanos;
    this.periodNanos = periodNanos;
  }

  @Override
  public void run() {
    for (long n = 0; ; n++) {
      long due = startNanos + n * periodNanos;
      if (due >= endNanos) {
        return;
      }
      long now = System.nanoTime();
      while (now < due) {
        LockSupport.parkNanos(due - now); // pacing the load, not waiting for a result
        now = System.nanoTime();
      }
      if (now >= endNanos) {
        return;
      }
      sent.add(play(now - due));
    }
  }

  List<Sent> sent() {
    return sent;
  }

  private Sent play(long lag) {
    ObjectNode body = Api.JSON.createObjectNode();
    String path;
    switch (step) {
      case CLAIM, FALSE_CLAIM -> {
        path = "/api/play/detections";
        body.put("service", step == Step.CLAIM ? "booking" : "search");
      }
      default -> {
        path = "/api/play/diagnoses";
        boolean right = step == Step.RIGHT_DIAGNOSIS;
        body.put("incident", incident)
            .put("component", right ? "payment" : "inventory")
            .put("fault", right ? "latency" : step == Step.WRONG_DIAGNOSIS ? "outage" : "freeze");
      }
    }
    HttpRequest request =
        player
            .request(path)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long latency = System.nanoTime() - t0;
      Sent s = sent(lag, latency, response);
      next(s);
      return s;
    } catch (IOException e) {
      return new Sent(lag, System.nanoTime() - t0, -1, -1, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(lag, System.nanoTime() - t0, -1, -1, null, "interrupted");
    }
  }

  private Sent sent(long lag, long latency, HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 201) {
      return new Sent(lag, latency, response.statusCode(), -1, null, response.body());
    }
    JsonNode play = Api.JSON.readTree(response.body());
    if (step == Step.CLAIM) {
      incident = play.path("incidentId").asText(null);
    }
    return new Sent(
        lag,
        latency,
        201,
        play.path("id").asLong(),
        play.path("type").asText(),
        play.path("outcome").asText());
  }

  /** The next step of the team's script, after the answer to this one. */
  private void next(Sent s) {
    step =
        switch (step) {
          case CLAIM -> {
            if (s.acknowledged() && "accepted".equals(s.outcome())) {
              incidents++;
              yield Step.WRONG_DIAGNOSIS;
            }
            yield Step.CLAIM; // every incident detected already (409): claim again later
          }
          case WRONG_DIAGNOSIS -> Step.SECOND_WRONG_DIAGNOSIS;
          case SECOND_WRONG_DIAGNOSIS -> Step.RIGHT_DIAGNOSIS;
          case RIGHT_DIAGNOSIS ->
              incidents % FALSE_CLAIM_EVERY == 0 ? Step.FALSE_CLAIM : Step.CLAIM;
          case FALSE_CLAIM -> Step.CLAIM;
        };
  }
}
