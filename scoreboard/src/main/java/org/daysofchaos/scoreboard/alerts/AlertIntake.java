package org.daysofchaos.scoreboard.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.scoreboard.persistence.Incident;
import org.daysofchaos.scoreboard.persistence.IncidentStore;
import org.daysofchaos.scoreboard.persistence.StorageLimits;

/**
 * What the webhook does with a payload: stores each firing alert, matches it to the running
 * incidents whose scenario names it, and writes the first alert of an incident (and of each team in
 * it) to the incident's journal.
 */
public final class AlertIntake {
  /** The source of a detection by alert, in journals and reports. */
  public static final String SOURCE = "alertmanager-webhook";

  /**
   * What a call did: only what the payload itself says. Nothing tells whether an alert matched an
   * incident, or was new: a sender is a team's Alertmanager, and which alert names match would tell
   * that team what is broken.
   *
   * @param received alerts in the payload
   * @param firing of which firing (resolved ones are not stored)
   */
  public record Outcome(int received, int firing) {}

  private final AlertStore store;
  private final IncidentStore incidents;
  private final Function<Incident, List<String>> expectedAlerts;
  private final Clock clock;
  private final StorageLimits limits;

  /**
   * @param expectedAlerts the alert names an incident's scenario lists under {@code
   *     detection.alerts}
   */
  public AlertIntake(
      AlertStore store,
      IncidentStore incidents,
      Function<Incident, List<String>> expectedAlerts,
      Clock clock,
      StorageLimits limits) {
    this.store = store;
    this.incidents = incidents;
    this.expectedAlerts = expectedAlerts;
    this.clock = clock;
    this.limits = limits;
  }

  public Outcome receive(WebhookPayload payload, AlertSource source) {
    // One instant for the whole call: the moment the webhook received these alerts.
    Instant receivedAt = clock.instant();
    checkLimits(payload, source, receivedAt);
    List<Incident> candidates = candidates(source, receivedAt);
    int firing = 0;
    for (WebhookPayload.Alert alert : payload.alerts()) {
      if (!alert.firing()) {
        continue;
      }
      firing++;
      record(alert, receivedAt, candidates, source);
    }
    return new Outcome(payload.alerts().size(), firing);
  }

  /** The storage limits of a whole call, checked before anything of it is stored. */
  private void checkLimits(WebhookPayload payload, AlertSource source, Instant receivedAt) {
    if (payload.alerts().size() > limits.alertsPerRequest()) {
      throw StorageLimits.Exceeded.tooLarge(
          "at most "
              + limits.alertsPerRequest()
              + " alerts per call, got "
              + payload.alerts().size()
              + " (Alertmanager: max_alerts in webhook_configs)");
    }
    for (int i = 0; i < payload.alerts().size(); i++) {
      int chars = AlertStore.labelsJson(payload.alerts().get(i).labels()).length();
      if (chars > limits.labelChars()) {
        throw StorageLimits.Exceeded.tooLarge(
            "alerts["
                + i
                + "].labels: at most "
                + limits.labelChars()
                + " characters as JSON, got "
                + chars);
      }
    }
    long firing = payload.alerts().stream().filter(WebhookPayload.Alert::firing).count();
    long recent = store.countSince(source.actor(), receivedAt.minus(StorageLimits.MINUTE));
    if (firing > 0 && recent + firing > limits.alertsPerMinute()) {
      throw StorageLimits.Exceeded.tooMany(
          "at most "
              + limits.alertsPerMinute()
              + " firing alerts a minute per sender; wait before sending more");
    }
  }

  /**
   * Incidents an alert may detect now: running, with their fault in effect since before the alert
   * arrived (an alert that was already firing says nothing about this fault).
   */
  private List<Incident> candidates(AlertSource source, Instant receivedAt) {
    return incidents.running().stream()
        .filter(i -> i.injectedAt() != null && !receivedAt.isBefore(i.injectedAt()))
        .filter(i -> source.gameDayId() == null || source.gameDayId().equals(i.gameDayId()))
        .toList();
  }

  private int record(
      WebhookPayload.Alert alert,
      Instant receivedAt,
      List<Incident> candidates,
      AlertSource source) {
    List<Incident> matches =
        candidates.stream()
            .filter(i -> expectedAlerts.apply(i).contains(alert.alertname()))
            .toList();
    if (matches.isEmpty()) {
      return store.record(alert, receivedAt, null, source.team(), source.actor()).isPresent()
          ? 1
          : 0;
    }
    int recorded = 0;
    for (Incident incident : matches) {
      if (store.countOfIncident(source.actor(), incident.id()) >= limits.alertsPerIncident()) {
        throw StorageLimits.Exceeded.tooMany(
            "this sender has stored the most alerts allowed for one incident ("
                + limits.alertsPerIncident()
                + "); the rest are not stored");
      }
      Optional<Long> id =
          store.record(alert, receivedAt, incident.id(), source.team(), source.actor());
      if (id.isPresent()) {
        recorded++;
        journal(id.get(), alert, receivedAt, incident, source.team());
      }
    }
    return recorded;
  }

  /** Writes the first alert of the incident, and the first of a team, to the journal. */
  private void journal(
      long id, WebhookPayload.Alert alert, Instant receivedAt, Incident incident, String team) {
    boolean firstOfIncident = store.isFirstOfIncident(id, incident.id());
    boolean firstOfTeam = team != null && store.isFirstOfTeam(id, incident.id(), team);
    if (!firstOfIncident && !firstOfTeam) {
      return;
    }
    Duration after = Duration.between(incident.injectedAt(), receivedAt);
    Map<String, String> data = new LinkedHashMap<>();
    data.put("alertname", alert.alertname());
    data.put("fingerprint", alert.fingerprint());
    data.put("source", SOURCE);
    data.put("afterMillis", Long.toString(after.toMillis()));
    data.put("firstOfIncident", Boolean.toString(firstOfIncident));
    if (team != null) {
      data.put("team", team);
    }
    if (alert.startsAt() != null) {
      data.put("startsAt", alert.startsAt().toString());
    }
    incidents.append(
        incident.id(),
        new JournalEvent(
            receivedAt,
            EventType.ALERT_RECEIVED,
            message(alert, after, team, firstOfIncident),
            data));
  }

  private static String message(
      WebhookPayload.Alert alert, Duration after, String team, boolean firstOfIncident) {
    String from = team == null ? "" : " from team " + team;
    String which =
        firstOfIncident
            ? "the first alert of the incident"
            : "the first alert of team " + Objects.requireNonNull(team);
    return "alert "
        + alert.alertname()
        + " arrived"
        + from
        + " through the alertmanager webhook "
        + Durations.seconds(after)
        + " after the injection: "
        + which;
  }
}
