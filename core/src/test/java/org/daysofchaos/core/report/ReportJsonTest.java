package org.daysofchaos.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private final GameDayReport report = Reports.gameDay(Fixture.input(true));

  @Test
  void writesAVersionedEnvelopeWhoseHeadlineComesFirst() {
    String json = ReportJson.toJson(report);
    assertThat(json)
        .startsWith(
            "{\n  \"format\" : 2,\n  \"kind\" : \"game-day\",\n  \"headline\" : \"Game day First"
                + " day is still running");
    assertThat(json).contains("\"detectedPercent\" : 100", "\"after\" : \"PT40S\"");
  }

  @Test
  void readsBackTheSameReport() {
    assertThat(ReportJson.readGameDay(ReportJson.toJson(report))).isEqualTo(report);
    TrendReport trend = Reports.trend(List.of(report), Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(ReportJson.readTrend(ReportJson.toJson(trend))).isEqualTo(trend);
  }

  @Test
  void refusesAnotherFormatOrKindNamingTheField() {
    // Format 1 had one "timeToRecover" that mixed time-boxed and until-fixed recoveries.
    assertThatThrownBy(() -> ReportJson.readGameDay("{\"format\": 1, \"kind\": \"game-day\"}"))
        .hasMessage("format: this version reads report format 2, got 1");
    assertThatThrownBy(() -> ReportJson.readGameDay("{\"format\": 2, \"kind\": \"trend\"}"))
        .hasMessage("kind: expected 'game-day', got 'trend'");
    assertThatThrownBy(() -> ReportJson.readGameDay("<html>"))
        .hasMessageStartingWith("not a report: ");
  }
}
