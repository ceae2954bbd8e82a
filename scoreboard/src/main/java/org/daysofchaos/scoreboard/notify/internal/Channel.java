package org.daysofchaos.scoreboard.notify.internal;

import java.util.Optional;
import java.util.Set;
import org.daysofchaos.core.gameday.Notification;
import org.daysofchaos.core.gameday.Notification.Audience;
import org.daysofchaos.core.gameday.Notification.Event;

/**
 * Somewhere notifications go: a game day's webhook or the configured Grafana.
 *
 * @param name the channel's name in logs and metrics; {@code grafana} for Grafana
 * @param url where its URL is read from when a message is sent; empty for Grafana's own
 * @param fixedUrl the URL itself when it is not a secret (Grafana's API)
 * @param token a bearer token sent with each message, if any
 */
public record Channel(
    String name,
    Form form,
    Optional<Notification.Secret> url,
    Optional<String> fixedUrl,
    Optional<Notification.Secret> token,
    Audience audience,
    Set<Event> events,
    Optional<String> dashboardUid) {

  /** How a channel's messages are written. */
  public enum Form {
    WEBHOOK,
    SLACK,
    GRAFANA
  }

  /** A game day's channel, as its file describes it. */
  public static Channel of(Notification n) {
    return new Channel(
        n.name(),
        n.format() == Notification.Format.SLACK ? Form.SLACK : Form.WEBHOOK,
        Optional.of(n.url()),
        Optional.empty(),
        Optional.empty(),
        n.audience(),
        Set.copyOf(n.events()),
        Optional.empty());
  }

  /** The configured Grafana: fault started, detected, reverted, recovered, and halt-all. */
  public static Channel grafana(
      String baseUrl,
      Optional<Notification.Secret> token,
      Audience audience,
      Optional<String> dashboardUid) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return new Channel(
        "grafana",
        Form.GRAFANA,
        Optional.empty(),
        Optional.of(base + "/api/annotations"),
        token,
        audience,
        Set.of(Event.STARTED, Event.DETECTED, Event.REVERTED, Event.RECOVERED, Event.HALTED),
        dashboardUid);
  }

  public boolean hears(Event event) {
    return events.contains(event);
  }

  /** Whether players read it: they hear of an incident only once it is over, and never what. */
  public boolean forPlayers() {
    return audience == Audience.PLAYERS;
  }
}
