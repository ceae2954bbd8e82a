package org.daysofchaos.chaostoolkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.journal.Verdict;

/**
 * A run written as Chaos Toolkit's {@code journal.json}, for the reporting people already have:
 * {@code status}, {@code deviated}, {@code steady_states} before and after, {@code run} and {@code
 * rollbacks} with each activity's output, status and times. Secrets are not in it: the activities
 * are written with their provider's description, not with resolved arguments or headers.
 */
public final class CtkJournal {
  private CtkJournal() {}

  public static Map<String, Object> of(ExperimentRunner.Outcome o) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("chaoslib-version", null);
    j.put("platform", "days-of-chaos");
    Map<String, Object> experiment = new LinkedHashMap<>();
    experiment.put("title", o.experiment().title());
    experiment.put("description", o.experiment().description());
    experiment.put("tags", o.experiment().tags());
    j.put("experiment", experiment);
    Instant start = o.result().startedAt();
    Instant end = o.result().events().get(o.result().events().size() - 1).at();
    j.put("start", start.toString());
    j.put("end", end.toString());
    j.put("duration", seconds(start, end));
    j.put("status", status(o.result().verdict()));
    j.put("deviated", o.result().deviated());
    Map<String, Object> states = new LinkedHashMap<>();
    states.put("before", state(o.metBefore(), o.before()));
    states.put("after", state(o.metAfter(), o.after()));
    states.put("during", List.of());
    j.put("steady_states", states);
    j.put("run", runs(o.method()));
    j.put("rollbacks", runs(o.rollbacks()));
    return j;
  }

  public static void write(ExperimentRunner.Outcome o, Path file) throws IOException {
    Files.writeString(
        file,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(of(o)));
  }

  private static String status(Verdict v) {
    return switch (v) {
      case PASSED, DEVIATED -> "completed";
      case ABORTED -> "aborted";
      case FAILED -> "failed";
    };
  }

  private static Object state(Optional<Boolean> met, List<ExperimentRunner.Ran> probes) {
    if (met.isEmpty()) {
      return null;
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("steady_state_met", met.get());
    List<Object> runs = runs(probes);
    for (int i = 0; i < runs.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> run = (Map<String, Object>) runs.get(i);
      run.put("tolerance_met", probes.get(i).status().equals("succeeded"));
    }
    s.put("probes", runs);
    return s;
  }

  private static List<Object> runs(List<ExperimentRunner.Ran> ran) {
    List<Object> out = new ArrayList<>();
    for (ExperimentRunner.Ran r : ran) {
      Map<String, Object> run = new LinkedHashMap<>();
      Map<String, Object> activity = new LinkedHashMap<>();
      activity.put("type", r.activity().probe() ? "probe" : "action");
      activity.put("name", r.activity().name());
      activity.put("provider", r.activity().provider().describe());
      run.put("activity", activity);
      run.put("output", r.output());
      run.put("status", r.status());
      if (r.error() != null) {
        run.put("exception", List.of(r.error()));
      }
      run.put("start", r.start().toString());
      run.put("end", r.end().toString());
      run.put("duration", seconds(r.start(), r.end()));
      out.add(run);
    }
    return out;
  }

  private static double seconds(Instant a, Instant b) {
    return Duration.between(a, b).toMillis() / 1000.0;
  }
}
