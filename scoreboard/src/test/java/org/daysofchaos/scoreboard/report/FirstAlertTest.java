package org.daysofchaos.scoreboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.report.Timing;
import org.daysofchaos.scoreboard.alerts.AlertStore;
import org.junit.jupiter.api.Test;

/** The incident's first alert in the server's reports: pushed or polled, the first seen wins. */
class FirstAlertTest {
  private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

  /** Polled at 6 s; Prometheus' activeAt 4 s, so the true moment lies in [2 s, 4 s]. */
  private static final JournalEvent POLLED =
      new JournalEvent(
          T0.plusSeconds(6),
          EventType.ALERT_RECEIVED,
          "alert BookingLatencyHigh detected by prometheus-alerts-api main: ...",
          Map.of(
              "alertname", "BookingLatencyHigh",
              "source", "prometheus-alerts-api",
              "firstOfIncident", "true",
              "trueFrom", T0.plusSeconds(2).toString(),
              "trueTo", T0.plusSeconds(4).toString()));

  private static final JournalEvent PUSHED_EVENT =
      new JournalEvent(
          T0.plusSeconds(5),
          EventType.ALERT_RECEIVED,
          "alert BookingLatencyHigh arrived through the alertmanager webhook ...",
          Map.of("alertname", "BookingLatencyHigh", "source", "alertmanager-webhook"));

  private static AlertStore.IncidentAlerts pushedAt(double seconds) {
    Instant at = T0.plusMillis((long) (seconds * 1000));
    return new AlertStore.IncidentAlerts(
        "inc-1",
        new AlertStore.FirstAlert(
            at, null, "BookingErrorsHigh", null, "f1", Duration.between(T0, at)),
        Map.of());
  }

  @Test
  void aPolledAlertSeenFirstCountsFromTheMiddleOfItsInterval() {
    Timing first =
        DbReports.firstAlert(T0, List.of(PUSHED_EVENT, POLLED), pushedAt(7)).orElseThrow();

    assertThat(first.source()).isEqualTo("BookingLatencyHigh");
    assertThat(first.at()).isEqualTo(T0.plusSeconds(3));
    assertThat(first.resolution()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aPushedAlertSeenFirstCountsFromItsArrival() {
    Timing first = DbReports.firstAlert(T0, List.of(POLLED), pushedAt(5.5)).orElseThrow();

    assertThat(first.source()).isEqualTo("BookingErrorsHigh");
    assertThat(first.at()).isEqualTo(T0.plusMillis(5_500));
    assertThat(first.resolution()).isEqualTo(Duration.ZERO);
  }

  @Test
  void eitherAloneIsTheFirst() {
    assertThat(DbReports.firstAlert(T0, List.of(POLLED), null)).isPresent();
    assertThat(DbReports.firstAlert(T0, List.of(PUSHED_EVENT), pushedAt(5))).isPresent();
    assertThat(DbReports.firstAlert(T0, List.of(PUSHED_EVENT), null)).isEmpty();
  }
}
