package org.daysofchaos.scoreboard.notify.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.gameday.Notification.Event;

/**
 * The bodies channels receive. A players' channel gets when and how an incident went, never its
 * scenario, title, detection signal or the journal's words: they would help a team with the next
 * incident of the same scenario.
 */
public final class Payloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  public static String body(Channel channel, Note note, String gameDayId) {
    ObjectNode body =
        switch (channel.form()) {
          case WEBHOOK -> webhook(channel, note, gameDayId);
          case SLACK -> JSON.createObjectNode().put("text", text(channel, note, gameDayId));
          case GRAFANA -> grafana(channel, note, gameDayId);
        };
    return body.toString();
  }

  /** A generic JSON object (docs/notifications.md lists its fields). */
  static ObjectNode webhook(Channel channel, Note note, String gameDayId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("source", "days-of-chaos");
    body.put("event", name(note.event()));
    body.put("at", note.at().toString());
    body.put("gameDay", gameDayId);
    note.incident().ifPresent(i -> body.put("incident", i.incidentId()));
    note.after().ifPresent(a -> body.put("afterSeconds", a.toMillis() / 1000.0));
    note.verdict().ifPresent(v -> body.put("verdict", v));
    if (note.event() == Event.REVERTED) {
      body.put("revertFailed", note.failed());
    }
    if (!channel.forPlayers()) {
      note.incident().ifPresent(i -> body.put("scenario", i.scenarioId()).put("title", i.title()));
      body.put("detail", note.detail());
    }
    body.put("text", text(channel, note, gameDayId));
    return body;
  }

  /** A Grafana annotation at the moment it happened, tagged so that dashboards can find it. */
  static ObjectNode grafana(Channel channel, Note note, String gameDayId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("time", note.at().toEpochMilli());
    channel.dashboardUid().ifPresent(uid -> body.put("dashboardUID", uid));
    ArrayNode tags = body.putArray("tags");
    tags.add("days-of-chaos").add("chaos-" + name(note.event()));
    if (gameDayId != null) {
      tags.add("chaos-game-day:" + gameDayId);
    }
    note.incident().ifPresent(i -> tags.add("chaos-incident:" + i.incidentId()));
    if (!channel.forPlayers()) {
      note.incident().ifPresent(i -> tags.add("chaos-scenario:" + i.scenarioId()));
    }
    body.put("text", text(channel, note, gameDayId));
    return body;
  }

  /** One line a person reads. */
  static String text(Channel channel, Note note, String gameDayId) {
    StringBuilder sb = new StringBuilder("Days of Chaos");
    if (gameDayId != null) {
      sb.append(" [").append(gameDayId).append(']');
    }
    note.incident()
        .ifPresent(
            i -> {
              sb.append(" incident ").append(i.incidentId());
              if (!channel.forPlayers()) {
                sb.append(" (").append(i.scenarioId()).append(": ").append(i.title()).append(')');
              }
            });
    sb.append(": ").append(what(note));
    if (!channel.forPlayers() && note.event() != Event.STARTED) {
      sb.append(" — ").append(note.detail());
    }
    return sb.toString();
  }

  private static String what(Note note) {
    return switch (note.event()) {
      case STARTED -> "fault in effect since " + note.at();
      case DETECTED -> "detected" + after(note);
      case REVERTED ->
          note.failed() ? "REVERT FAILED, a fault may still be in effect" : "fault reverted";
      case RECOVERED -> "recovered" + after(note);
      case ABORTED -> "aborted";
      case ENDED -> "over, verdict " + note.verdict().orElse("?");
      case HALTED -> "HALT-ALL: every fault reverted, new ones blocked";
    };
  }

  private static String after(Note note) {
    return note.after()
        .map(Payloads::seconds)
        .map(s -> " " + s + " after the fault took effect")
        .orElse("");
  }

  private static String seconds(Duration d) {
    return Durations.seconds(d);
  }

  static String name(Event event) {
    return event.name().toLowerCase(Locale.ROOT);
  }
}
