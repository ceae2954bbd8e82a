package org.daysofchaos.scoreboard.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.daysofchaos.core.gameday.Notification;
import org.daysofchaos.core.journal.RunListener;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.notify.internal.Channel;
import org.daysofchaos.scoreboard.notify.internal.Dispatcher;
import org.daysofchaos.scoreboard.notify.internal.IncidentChannels;
import org.daysofchaos.scoreboard.notify.internal.Note;
import org.daysofchaos.scoreboard.notify.internal.Payloads;
import org.daysofchaos.scoreboard.notify.internal.Secrets;

/**
 * Tells a game day's channels and the configured Grafana what its incidents do, and halt-all. Every
 * method only queues messages and returns; {@link #close()} stops the sending thread.
 */
public final class Notifications implements AutoCloseable {
  private final Dispatcher dispatcher;
  private final Optional<Channel> grafana;

  /** {@code env} reads the environment variables that hold webhook URLs and tokens. */
  public Notifications(NotifySettings settings, ChaosMetrics metrics, UnaryOperator<String> env) {
    this.dispatcher = new Dispatcher(settings, metrics, new Secrets(env));
    this.grafana =
        settings
            .grafana()
            .map(g -> Channel.grafana(g.url(), g.token(), g.audience(), g.dashboardUid()));
  }

  /**
   * A listener for the run of one incident, telling {@code notifications} (its game day's) and
   * Grafana; null when nobody is to be told.
   */
  public RunListener incident(IncidentFacts incident, List<Notification> notifications) {
    List<Channel> channels = channels(notifications);
    return channels.isEmpty() ? null : new IncidentChannels(incident, channels, dispatcher);
  }

  /** Halt-all was pulled: the channels of each game day that runs, and Grafana once. */
  public void halted(
      Map<String, List<Notification>> byGameDay, String actor, String reason, Instant at) {
    Note note = Note.halted(at, actor, reason);
    byGameDay.forEach(
        (day, notifications) ->
            notifications.stream()
                .filter(n -> n.hears(Notification.Event.HALTED))
                .map(Channel::of)
                .forEach(c -> dispatcher.offer(c, Payloads.body(c, note, day))));
    grafana.ifPresent(g -> dispatcher.offer(g, Payloads.body(g, note, null)));
  }

  private List<Channel> channels(List<Notification> notifications) {
    List<Channel> channels = new ArrayList<>();
    notifications.forEach(n -> channels.add(Channel.of(n)));
    grafana.ifPresent(channels::add);
    return channels;
  }

  /** Messages waiting to be sent. */
  public int waiting() {
    return dispatcher.waiting();
  }

  @Override
  public void close() {
    dispatcher.close();
  }
}
