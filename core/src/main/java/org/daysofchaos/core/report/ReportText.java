package org.daysofchaos.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.daysofchaos.core.journal.RecoveryTime;

/** Reports as plain text for a terminal or a CI log; the first line is the headline. */
public final class ReportText {
  private ReportText() {}

  public static String render(GameDayReport r) {
    StringBuilder sb = new StringBuilder();
    line(sb, r.headline());
    line(
        sb,
        "game day "
            + r.gameDay().id()
            + " ("
            + r.gameDay().state()
            + "), made "
            + r.gameDay().generatedAt());
    r.frozenAt().ifPresent(f -> line(sb, "plays from " + f + " on are not counted (board frozen)"));
    line(sb, "");
    line(sb, "Funnel:            " + r.funnel().describe());
    line(sb, "Time to detect:    " + r.timeToDetect().describe());
    line(sb, "Time to diagnose:  " + r.timeToDiagnose().describe());
    for (RecoveryTime.Kind kind : RecoveryTime.Kind.values()) {
      Stats s = kind == RecoveryTime.Kind.SELF_HEALING ? r.selfHealing() : r.timeToRestore();
      line(sb, title(kind) + ": " + s.describe());
    }
    Coverage c = r.coverage();
    line(
        sb,
        "Monitoring:        caught "
            + c.monitored()
            + " of "
            + c.injected()
            + " ("
            + c.monitoredPercent()
            + " %), alerts for "
            + c.alerted()
            + " ("
            + c.alertedPercent()
            + " %); earlier than the teams in "
            + c.monitoringFirst()
            + ", later in "
            + c.teamsFirst()
            + "; lead "
            + c.lead().describe());
    if (!c.unmonitored().isEmpty()) {
      line(sb, "Not caught by monitoring: " + labels(r, c.unmonitored()));
    }
    line(sb, "");
    breakdowns(sb, "Per service", r.services());
    breakdowns(sb, "Per scenario", r.scenarios());
    line(sb, "Resilience score per service = " + ResilienceScore.FORMULA);
    line(sb, "  (" + ResilienceScore.EXPLANATION + ")");
    for (ResilienceScore s : r.scores()) {
      line(sb, String.format(Locale.ROOT, "  %-24s %s", s.key(), s.describe()));
    }
    line(sb, String.format(Locale.ROOT, "  %-24s %s", "all services", r.overall().describe()));
    line(sb, "");
    line(sb, "Incidents:");
    for (IncidentOutcome i : r.incidents()) {
      incident(sb, i);
    }
    if (!r.teams().isEmpty()) {
      line(sb, "");
      line(sb, "Teams:");
      for (TeamResult t : r.teams()) {
        line(
            sb,
            String.format(
                Locale.ROOT,
                "  %2d. %-20s %6d points  detected %d, diagnosed %d, recovered %d",
                t.rank(),
                t.team(),
                t.points(),
                t.detected(),
                t.diagnosed(),
                t.recovered()));
      }
    }
    notes(sb, r.notes());
    return sb.toString();
  }

  public static String render(TrendReport t) {
    StringBuilder sb = new StringBuilder();
    line(sb, t.headline());
    line(sb, "made " + t.generatedAt());
    line(sb, "");
    points(sb, "All services", t.gameDays());
    for (ServiceTrend s : t.services()) {
      points(
          sb, s.service() + " (score over the period " + s.overall().describe() + ")", s.points());
    }
    line(
        sb,
        "heal p50: time-boxed faults, from the end of the fault to the recovery;"
            + " restore p50: until-fixed incidents, from the injection to the fix.");
    line(sb, "Resilience score = " + ResilienceScore.FORMULA + "; " + ResilienceScore.EXPLANATION);
    return sb.toString();
  }

  private static void points(StringBuilder sb, String title, List<TrendPoint> points) {
    line(sb, title + ":");
    line(
        sb,
        String.format(
            Locale.ROOT,
            "  %-20s %-11s %9s %9s %9s %12s %12s %12s %9s %6s",
            "game day",
            "date",
            "detected",
            "diagnosed",
            "recovered",
            "TTD p50",
            "heal p50",
            "restore p50",
            "monitored",
            "score"));
    for (TrendPoint p : points) {
      line(
          sb,
          String.format(
              Locale.ROOT,
              "  %-20s %-11s %8d%% %8d%% %8d%% %12s %12s %12s %8d%% %6s%s",
              p.gameDayId(),
              p.at().toString().substring(0, 10),
              p.funnel().detectedPercent(),
              p.funnel().diagnosedPercent(),
              p.funnel().recoveredPercent(),
              p50(p.timeToDetect()),
              p50(p.selfHealing()),
              p50(p.timeToRestore()),
              p.monitoredPercent(),
              p.score().score(),
              p.running() ? "  (running)" : ""));
    }
    line(sb, "");
  }

  private static void breakdowns(StringBuilder sb, String title, List<Breakdown> rows) {
    line(sb, title + ":");
    for (Breakdown b : rows) {
      line(sb, "  " + b.key() + ": " + b.funnel().describe());
      line(sb, "    detect  " + b.timeToDetect().describe());
      for (RecoveryTime.Kind kind : RecoveryTime.Kind.values()) {
        if (b.has(kind)) {
          line(sb, "    " + kind.label() + ": " + b.recovery(kind).describe());
        }
      }
    }
    line(sb, "");
  }

  private static void incident(StringBuilder sb, IncidentOutcome i) {
    line(
        sb,
        "  "
            + i.scenarioId()
            + " ("
            + i.id()
            + ", service "
            + i.service()
            + ", weight "
            + i.weight()
            + ") injected "
            + i.injectedAt()
            + (i.running() ? ", still running" : ", " + i.verdict().orElseThrow()));
    line(sb, "    detected:  " + describe(i.detection(), "no"));
    line(sb, "    monitoring: " + describe(i.monitoring(), "nothing caught it"));
    i.alertingLead()
        .ifPresent(
            lead ->
                line(
                    sb,
                    "    monitoring was "
                        + Figures.duration(lead.abs())
                        + (lead.isNegative() ? " later" : " earlier")
                        + " than the first team"));
    line(sb, "    diagnosed: " + describe(i.diagnosis(), "no"));
    line(sb, "    recovered: " + recovery(i, "no"));
    for (IncidentOutcome.Mark m : i.timeline()) {
      line(
          sb, String.format(Locale.ROOT, "      %12s  %s", Figures.duration(m.after()), m.label()));
    }
  }

  private static void notes(StringBuilder sb, Notes notes) {
    if (notes.isEmpty()) {
      return;
    }
    line(sb, "");
    line(sb, "Game master's notes:");
    if (!notes.text().isEmpty()) {
      notes.text().lines().forEach(l -> line(sb, "  " + l));
    }
    for (ActionItem a : notes.actions()) {
      line(
          sb,
          "  ["
              + (a.done() ? "x" : " ")
              + "] "
              + a.text()
              + (a.owner().isEmpty() ? "" : " (" + a.owner() + ")"));
    }
  }

  /**
   * "Self-healing after the fault ended (time-boxed)", "Time to restore (until-fixed)": the title
   * of a recovery statistic, the same in every form of the report.
   */
  public static String title(RecoveryTime.Kind kind) {
    String label = kind.label();
    return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " (" + kind.mode() + ")";
  }

  /**
   * An incident's recovery in words, saying which time it is: "self-healing after the fault ended:
   * 30.0 s (± 1s), by steady state held for 5s", "time to restore: 12 min 00 s (± 1s) after the
   * injection, by steady state held for 5s"; {@code none} when the steady state never came back.
   */
  public static String recovery(IncidentOutcome i, String none) {
    if (i.recoveryTime().isPresent()) {
      RecoveryTime t = i.recoveryTime().get();
      String by = i.recovery().map(r -> ", by " + r.observer()).orElse("");
      if (t.beforeTheFaultEnded()) {
        return t.kind().label() + ": 0 s, the steady state was back before the fault ended" + by;
      }
      String figure = Figures.duration(t.took()) + Figures.resolution(t.resolution());
      return t.kind() == RecoveryTime.Kind.SELF_HEALING
          ? t.kind().label() + ": " + figure + by
          : t.kind().label() + ": " + figure + " " + t.kind().counted() + by;
    }
    if (i.recovery().isEmpty()) {
      return none;
    }
    Timing r = i.recovery().get();
    return i.recovered()
        ? "the steady state is back "
            + Figures.duration(r.after())
            + " after the injection; the fault is still in place"
        : "not restored by a fix: the steady state came back only after the fault had ended, "
            + Figures.duration(r.after())
            + " after the injection (not counted)";
  }

  private static String describe(Optional<Timing> t, String none) {
    return t.map(Timing::describe).orElse(none);
  }

  private static String p50(Stats s) {
    return s.p50().map(Figures::duration).orElse("\u2014");
  }

  private static String labels(GameDayReport r, List<String> ids) {
    Function<String, String> label =
        id -> r.incident(id).map(i -> i.scenarioId() + " (" + id + ")").orElse(id);
    return String.join(", ", ids.stream().map(label).toList());
  }

  private static void line(StringBuilder sb, String text) {
    sb.append(text).append('\n');
  }
}
