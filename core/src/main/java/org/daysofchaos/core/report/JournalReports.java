package org.daysofchaos.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.EventType;
import org.daysofchaos.core.journal.JournalEvent;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.Measurement;
import org.daysofchaos.core.journal.RunResult;

/**
 * Builds a report's input from journal files ({@code chaos run --journal-json}), for teams that run
 * scenarios in CI without a server: one incident per run whose fault took effect, no teams.
 */
public final class JournalReports {
  /** The id of the one "game day" that a set of journal files makes. */
  public static final String GAME_DAY_ID = "journals";

  /** What the report needs from a run's scenario, when the scenario is known. */
  public record ScenarioInfo(String service, int weight, Mode mode) {
    /** The answer key's component as the service, the scenario's weight and mode. */
    public static ScenarioInfo of(Scenario s) {
      return new ScenarioInfo(
          s.diagnosis().map(d -> d.component()).orElse(IncidentRecord.UNKNOWN_SERVICE),
          s.weight(),
          s.mode());
    }
  }

  /** The input, and what was left out and why (one line per file), for the command line to show. */
  public record Loaded(ReportInput input, List<String> skipped) {}

  private JournalReports() {}

  /**
   * Reads journal files into a report's input.
   *
   * @param scenarios the scenario behind a scenario id, when it is known: its service, weight and
   *     mode (a journal that records its mode keeps it); unknown scenarios count as service
   *     "unknown", weight 1, time-boxed
   * @throws IllegalArgumentException naming the file for one that is missing, not a journal, or a
   *     run listed twice
   */
  public static Loaded load(
      List<Path> files, Function<String, Optional<ScenarioInfo>> scenarios, Instant now) {
    List<IncidentRecord> incidents = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    Instant first = null;
    for (Path file : files) {
      RunResult run = read(file);
      Path twice = seen.put(run.runId(), file);
      if (twice != null) {
        throw new IllegalArgumentException(
            file + ": run " + run.runId() + " is also in " + twice + "; give each journal once");
      }
      if (run.injectedAt().isEmpty()) {
        skipped.add(file + ": nothing was injected (" + run.verdict() + ": " + run.reason() + ")");
        continue;
      }
      incidents.add(incident(run, scenarios.apply(run.scenarioId())));
      first = first == null || run.startedAt().isBefore(first) ? run.startedAt() : first;
    }
    incidents.sort(Comparator.comparing(IncidentRecord::injectedAt));
    GameDayFacts day =
        new GameDayFacts(
            GAME_DAY_ID,
            files.size() + (files.size() == 1 ? " journal file" : " journal files"),
            "journals",
            false,
            Optional.ofNullable(first),
            now);
    return new Loaded(ReportInput.withoutTeams(day, incidents), skipped);
  }

  static RunResult read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    try {
      JournalJson.Document doc = JournalJson.read(file);
      if (doc == null || doc.run() == null) {
        throw new IllegalArgumentException(file + ": not a journal (no \"run\")");
      }
      if (doc.format() != JournalJson.FORMAT_VERSION) {
        throw new IllegalArgumentException(
            file
                + ": format: this version reads journal format "
                + JournalJson.FORMAT_VERSION
                + ", got "
                + doc.format());
      }
      return doc.run();
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new IllegalArgumentException(
          file + where + ": not a journal written by --journal-json: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
    }
  }

  static IncidentRecord incident(RunResult run, Optional<ScenarioInfo> scenario) {
    Instant injectedAt = run.injectedAt().orElseThrow();
    return new IncidentRecord(
        run.runId(),
        GAME_DAY_ID,
        run.scenarioId(),
        run.scenarioTitle(),
        scenario.map(ScenarioInfo::service).orElse(IncidentRecord.UNKNOWN_SERVICE),
        scenario.map(ScenarioInfo::weight).orElse(1),
        // The mode the run recorded; a journal of an older version takes the scenario's.
        run.mode().or(() -> scenario.map(ScenarioInfo::mode)).orElse(Mode.TIME_BOXED),
        injectedAt,
        run.faultEndedAt(),
        // A detection by a polled alert is the alert's, not a signal's: counted once, as an alert.
        run.detection()
            .filter(m -> !detectedByAlert(run.events()))
            .map(m -> timing(injectedAt, m, Observer.SIGNAL)),
        firstAlert(run.events(), injectedAt),
        run.recovery().map(m -> timing(injectedAt, m, Observer.STEADY_STATE)),
        Optional.of(run.verdict()),
        steadyState(run.events(), injectedAt));
  }

  private static Timing timing(Instant injectedAt, Measurement m, Observer by) {
    return Timing.since(injectedAt, m.reported(), by, m.source(), m.reportedResolution());
  }

  /** Whether the run's detection was an alert it polled (its DETECTED event names the alert). */
  public static boolean detectedByAlert(List<JournalEvent> events) {
    return events.stream()
        .filter(e -> e.type() == EventType.DETECTED)
        .findFirst()
        .map(e -> e.data().containsKey("alertname"))
        .orElse(false);
  }

  /**
   * The first alert of the incident: its first ALERT_RECEIVED event marked first of the incident,
   * polled by the run loop or pushed to the server's webhook, whichever the journal has first.
   * Matched by name so that journals of older versions still read.
   */
  private static Optional<Timing> firstAlert(List<JournalEvent> events, Instant injectedAt) {
    return events.stream()
        .filter(e -> e.type().name().equals("ALERT_RECEIVED"))
        .filter(e -> "true".equals(e.data().get("firstOfIncident")))
        .findFirst()
        .map(e -> alertTiming(e, injectedAt));
  }

  /**
   * An ALERT_RECEIVED event as a timing. A pushed alert counts from when it arrived, exactly; a
   * polled one from the middle of the interval its journal states (its {@code trueFrom} and {@code
   * trueTo}: before Prometheus' {@code activeAt} by up to a scrape and an evaluation interval),
   * like any moment seen through Prometheus (docs/measurement.md).
   */
  public static Timing alertTiming(JournalEvent e, Instant injectedAt) {
    String name = e.data().getOrDefault("alertname", "alert");
    String from = e.data().get("trueFrom");
    String to = e.data().get("trueTo");
    if (from == null || to == null) {
      return Timing.since(injectedAt, e.at(), Observer.ALERT, name, Duration.ZERO);
    }
    try {
      Instant trueFrom = Instant.parse(from);
      Duration half = Duration.between(trueFrom, Instant.parse(to)).dividedBy(2);
      return Timing.since(injectedAt, trueFrom.plus(half), Observer.ALERT, name, half);
    } catch (DateTimeParseException ex) {
      return Timing.since(injectedAt, e.at(), Observer.ALERT, name, Duration.ZERO);
    }
  }

  private static List<SteadyStateChange> steadyState(
      List<JournalEvent> events, Instant injectedAt) {
    List<SteadyStateChange> changes = new ArrayList<>();
    for (JournalEvent e : events) {
      if (e.at().isBefore(injectedAt)) {
        continue;
      }
      if (e.type() == EventType.STEADY_STATE_DEVIATED) {
        changes.add(new SteadyStateChange(e.at(), false));
      } else if (e.type() == EventType.STEADY_STATE_RESTORED) {
        changes.add(new SteadyStateChange(e.at(), true));
      }
    }
    return changes;
  }
}
