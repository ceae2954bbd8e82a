package org.daysofchaos.scoreboard.notify;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.daysofchaos.core.gameday.Notification;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server's {@link Notifications}, from its configuration (docs/notifications.md). */
@Singleton
public class NotifyProducer {
  static final String GRAFANA_TOKEN_ENV = "CHAOS_GRAFANA_TOKEN";

  @ConfigProperty(name = "chaos.notify.queue", defaultValue = "1000")
  int queue;

  @ConfigProperty(name = "chaos.notify.attempts", defaultValue = "4")
  int attempts;

  @ConfigProperty(name = "chaos.notify.retry.delay", defaultValue = "1s")
  Duration delay;

  @ConfigProperty(name = "chaos.notify.retry.max-delay", defaultValue = "30s")
  Duration maxDelay;

  @ConfigProperty(name = "chaos.notify.timeout", defaultValue = "10s")
  Duration timeout;

  @ConfigProperty(name = "chaos.grafana.url")
  Optional<String> grafanaUrl;

  @ConfigProperty(name = "chaos.grafana.token-file")
  Optional<String> grafanaTokenFile;

  @ConfigProperty(name = "chaos.grafana.audience", defaultValue = "players")
  String grafanaAudience;

  @ConfigProperty(name = "chaos.grafana.dashboard-uid")
  Optional<String> grafanaDashboard;

  @Produces
  @Singleton
  Notifications notifications(ChaosMetrics metrics) {
    return new Notifications(settings(), metrics, System::getenv);
  }

  void close(@Disposes Notifications notifications) {
    notifications.close();
  }

  NotifySettings settings() {
    Optional<NotifySettings.Grafana> grafana =
        grafanaUrl
            .filter(u -> !u.isBlank())
            .map(u -> new NotifySettings.Grafana(u, token(), audience(), grafanaDashboard));
    return new NotifySettings(queue, attempts, delay, maxDelay, timeout, grafana);
  }

  /** A token file if one is configured, else the environment variable if it is set. */
  private Optional<Notification.Secret> token() {
    if (grafanaTokenFile.filter(f -> !f.isBlank()).isPresent()) {
      return Optional.of(Notification.Secret.fromFile(grafanaTokenFile.get()));
    }
    return Optional.ofNullable(System.getenv(GRAFANA_TOKEN_ENV))
        .map(v -> Notification.Secret.fromEnv(GRAFANA_TOKEN_ENV));
  }

  private Notification.Audience audience() {
    return switch (grafanaAudience.strip()) {
      case "players" -> Notification.Audience.PLAYERS;
      case "game-masters" -> Notification.Audience.GAME_MASTERS;
      default ->
          throw new IllegalArgumentException(
              "chaos.grafana.audience must be players or game-masters, not " + grafanaAudience);
    };
  }
}
