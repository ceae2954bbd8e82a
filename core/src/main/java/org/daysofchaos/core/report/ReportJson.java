package org.daysofchaos.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Reports as JSON, format 2 (docs/reports.md): {@code {"format": 2, "kind": "game-day" | "trend",
 * "headline": "...", "report": {...}}}. Instants are ISO-8601 UTC, durations ISO-8601 ({@code
 * PT42.5S}), absent values {@code null}. Fields are only ever added within a format.
 */
public final class ReportJson {
  /**
   * 2 since recoveries are reported as two figures, {@code selfHealing} (time-boxed) and {@code
   * timeToRestore} (until fixed), where format 1 had one {@code timeToRecover} mixing both.
   */
  public static final int FORMAT_VERSION = 2;

  public static final String GAME_DAY = "game-day";
  public static final String TREND = "trend";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          // Derived figures (percentages, a score's value) are written for readers and recomputed
          // on reading; fields added by a later version of format 1 are skipped.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The envelope of a game day's report. */
  public record GameDayDocument(int format, String kind, String headline, GameDayReport report) {}

  /** The envelope of a trend report. */
  public record TrendDocument(int format, String kind, String headline, TrendReport report) {}

  public static void write(GameDayReport report, OutputStream out) throws IOException {
    MAPPER.writeValue(out, document(report));
  }

  public static void write(TrendReport report, OutputStream out) throws IOException {
    MAPPER.writeValue(out, document(report));
  }

  public static String toJson(GameDayReport report) {
    return string(document(report));
  }

  public static String toJson(TrendReport report) {
    return string(document(report));
  }

  public static GameDayDocument document(GameDayReport report) {
    return new GameDayDocument(FORMAT_VERSION, GAME_DAY, report.headline(), report);
  }

  public static TrendDocument document(TrendReport report) {
    return new TrendDocument(FORMAT_VERSION, TREND, report.headline(), report);
  }

  /**
   * Reads a game day's report written by {@link #write(GameDayReport, OutputStream)}.
   *
   * @throws IllegalArgumentException naming what is wrong: not JSON, another kind, another format
   */
  public static GameDayReport readGameDay(String json) {
    return MAPPER.convertValue(report(json, GAME_DAY), GameDayReport.class);
  }

  /** Reads a trend report; see {@link #readGameDay}. */
  public static TrendReport readTrend(String json) {
    return MAPPER.convertValue(report(json, TREND), TrendReport.class);
  }

  private static JsonNode report(String json, String kind) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a report: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a report: expected a JSON object");
    }
    int format = root.path("format").asInt(-1);
    if (format != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "format: this version reads report format " + FORMAT_VERSION + ", got " + format);
    }
    String found = root.path("kind").asText();
    if (!kind.equals(found)) {
      throw new IllegalArgumentException("kind: expected '" + kind + "', got '" + found + "'");
    }
    return root.path("report");
  }

  private static String string(Object document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a report as JSON", e);
    }
  }
}
