package org.daysofchaos.scoreboard.notify;

import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.gameday.Notification;

/**
 * How notifications are delivered.
 *
 * @param queue how many messages may wait; one more is dropped and counted
 * @param attempts attempts per message, the first included
 * @param delay the wait before the first retry, doubled for each next one up to {@code maxDelay}
 * @param timeout how long one attempt may take, connection included
 * @param grafana where annotations go, if anywhere
 */
public record NotifySettings(
    int queue,
    int attempts,
    Duration delay,
    Duration maxDelay,
    Duration timeout,
    Optional<Grafana> grafana) {

  public NotifySettings {
    if (queue < 1 || attempts < 1) {
      throw new IllegalArgumentException("queue and attempts must be at least 1");
    }
  }

  /**
   * A Grafana that receives annotations ({@code POST /api/annotations}).
   *
   * @param url the Grafana's base URL, e.g. https://grafana.preprod
   * @param token where its service-account token is read from
   * @param audience players (the default): annotations are posted once the incident is over, with
   *     their true times, and never name the scenario; game-masters: as it happens, named
   * @param dashboardUid the dashboard they belong to; without it they are organisation-wide and
   *     show on every dashboard that queries their tags
   */
  public record Grafana(
      String url,
      Optional<Notification.Secret> token,
      Notification.Audience audience,
      Optional<String> dashboardUid) {}
}
