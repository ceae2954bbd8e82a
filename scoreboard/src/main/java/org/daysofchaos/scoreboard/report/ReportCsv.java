package org.daysofchaos.scoreboard.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.daysofchaos.core.journal.RecoveryTime;
import org.daysofchaos.core.report.GameDayReport;
import org.daysofchaos.core.report.IncidentOutcome;
import org.daysofchaos.core.report.TeamIncident;
import org.daysofchaos.core.report.Timing;

/**
 * The report as CSV for spreadsheets: one row per incident per team (an incident without teams, as
 * in a report from journal files, has one row with the team empty). Times are seconds after the
 * moment the fault took effect, with a decimal point; empty when it did not happen. The two
 * recovery times are the exception their names say: {@code self_healing_s} counts from the end of a
 * time-boxed fault, {@code time_to_restore_s} from an until-fixed incident's injection, and only
 * one of them is filled. docs/reports.md lists the columns.
 */
public final class ReportCsv {
  public static final List<String> COLUMNS =
      List.of(
          "game_day",
          "incident",
          "scenario",
          "title",
          "service",
          "weight",
          "mode",
          "injected_at",
          "verdict",
          "detected_s",
          "detected_by",
          "detection_source",
          "detection_resolution_s",
          "monitoring_s",
          "monitoring_source",
          "alert_s",
          "alert_name",
          "diagnosed_s",
          "fault_ended_s",
          "steady_state_back_s",
          "recovered",
          "self_healing_s",
          "time_to_restore_s",
          "team",
          "team_alert_s",
          "team_claim_s",
          "team_diagnosis_s",
          "team_fix_s",
          "team_hints",
          "team_wrong_diagnoses",
          "team_points");

  /** A negative decimal number as this export writes one, which is no formula. */
  private static final Pattern NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

  private ReportCsv() {}

  /** Rows of every incident of these game days, in order. */
  public static void write(List<GameDayReport> reports, Appendable out) {
    try (CSVPrinter csv =
        CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
      for (GameDayReport r : reports) {
        for (IncidentOutcome i : r.incidents()) {
          if (i.teams().isEmpty()) {
            csv.printRecord(cells(row(i, Optional.empty())));
          }
          for (TeamIncident t : i.teams()) {
            csv.printRecord(cells(row(i, Optional.of(t))));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report as CSV", e);
    }
  }

  public static String toCsv(List<GameDayReport> reports) {
    StringBuilder sb = new StringBuilder();
    write(reports, sb);
    return sb.toString();
  }

  private static List<Object> row(IncidentOutcome i, Optional<TeamIncident> team) {
    return List.of(
        i.gameDayId(),
        i.id(),
        i.scenarioId(),
        i.title(),
        i.service(),
        i.weight(),
        i.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        i.injectedAt().toString(),
        i.running() ? "RUNNING" : i.verdict().map(Enum::name).orElse(""),
        seconds(i.detection()),
        i.detection().map(t -> t.by().name().toLowerCase(Locale.ROOT)).orElse(""),
        i.detection().map(Timing::source).orElse(""),
        i.detection().map(t -> seconds(t.resolution())).orElse(""),
        seconds(i.monitoring()),
        i.monitoring().map(Timing::observer).orElse(""),
        seconds(i.alert()),
        i.alert().map(Timing::source).orElse(""),
        seconds(i.diagnosis()),
        i.faultEndedAt().map(end -> seconds(Duration.between(i.injectedAt(), end))).orElse(""),
        seconds(i.recovery()),
        i.recovered(),
        recoverySeconds(i, RecoveryTime.Kind.SELF_HEALING),
        recoverySeconds(i, RecoveryTime.Kind.TIME_TO_RESTORE),
        team.map(TeamIncident::team).orElse(""),
        team.map(t -> seconds(t.alert())).orElse(""),
        team.map(t -> seconds(t.claim())).orElse(""),
        team.map(t -> seconds(t.diagnosis())).orElse(""),
        team.map(t -> seconds(t.fix())).orElse(""),
        team.map(t -> (Object) t.hints()).orElse(""),
        team.map(t -> (Object) t.wrongDiagnoses()).orElse(""),
        team.map(t -> (Object) t.points()).orElse(""));
  }

  private static List<Object> cells(List<Object> row) {
    return row.stream().map(ReportCsv::cell).toList();
  }

  /**
   * A value as a spreadsheet should read it: a text that a spreadsheet would take for a formula (it
   * starts with =, +, -, @, a tab or a carriage return: a team, scenario or alert name is anyone's
   * text) gets a leading apostrophe, so that opening the export runs nothing. Numbers, negative
   * ones included, stay numbers.
   */
  static Object cell(Object value) {
    if (value instanceof String text
        && !text.isEmpty()
        && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return NUMBER.matcher(text).matches() ? text : "'" + text;
    }
    return value;
  }

  /**
   * The incident's recovery time if it is of this kind: self-healing counts from the end of the
   * fault, time to restore from the injection; the other column stays empty.
   */
  private static String recoverySeconds(IncidentOutcome i, RecoveryTime.Kind kind) {
    return i.recoveryTime().filter(t -> t.kind() == kind).map(t -> seconds(t.took())).orElse("");
  }

  private static String seconds(Optional<Timing> t) {
    return t.map(x -> seconds(x.after())).orElse("");
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
