package org.daysofchaos.core.gameday;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel a game day tells about its incidents: a webhook that receives JSON, generic or in
 * Slack's incoming-webhook form. The file names where the channel's URL is kept (an environment
 * variable or a file), never the URL itself: a webhook URL is a credential.
 *
 * @param name the channel's name in the game day (unique), in logs and metrics
 * @param format the body sent
 * @param url where the server reads the URL from when it sends
 * @param audience who reads the channel; a players' channel hears of an incident only once it is
 *     over, so that nothing it says helps a team find or diagnose it
 * @param events what the channel hears of, in no particular order
 */
public record Notification(
    String name, Format format, Secret url, Audience audience, List<Event> events) {

  public Notification {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(audience, "audience");
    events = List.copyOf(events);
  }

  /** The body a channel receives. */
  public enum Format {
    /** A JSON object with the event's fields (docs/notifications.md). */
    WEBHOOK,
    /** A Slack incoming-webhook message ({@code text} and {@code blocks}); Mattermost reads it. */
    SLACK
  }

  /** Who reads a channel. */
  public enum Audience {
    /** Game masters and preparers: told as it happens, the scenario named. */
    GAME_MASTERS,
    /** Players (and anyone): told of an incident only once it is over. */
    PLAYERS
  }

  /** What a channel can hear of. */
  public enum Event {
    /** The incident's fault took effect. */
    STARTED,
    /** The incident was detected (its first detection signal). */
    DETECTED,
    /** A fault of the incident was reverted and verified, or its revert failed. */
    REVERTED,
    /** The steady state held again for its hold time. */
    RECOVERED,
    /** The incident ended ABORTED (a gate, a guardrail, a game master, halt-all). */
    ABORTED,
    /** The incident ended with another verdict (PASSED, DEVIATED, FAILED). */
    ENDED,
    /** Halt-all was pulled while the game day ran. */
    HALTED
  }

  /**
   * Where a secret is read from when it is needed: an environment variable of the server, or a file
   * (a mounted Secret in Kubernetes). Exactly one is present.
   */
  public record Secret(Optional<String> env, Optional<String> file) {
    public Secret {
      if (env.isPresent() == file.isPresent()) {
        throw new IllegalArgumentException("a secret comes from exactly one of env or file");
      }
    }

    public static Secret fromEnv(String variable) {
      return new Secret(Optional.of(variable), Optional.empty());
    }

    public static Secret fromFile(String path) {
      return new Secret(Optional.empty(), Optional.of(path));
    }

    /** Where it comes from, for messages: "environment variable X" or "file F". */
    public String describe() {
      return env.map(v -> "environment variable " + v).orElseGet(() -> "file " + file.get());
    }
  }

  /** Whether this channel hears of {@code event}. */
  public boolean hears(Event event) {
    return events.contains(event);
  }
}
