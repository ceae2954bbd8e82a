package org.daysofchaos.scoreboard.rehearse;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.core.scoring.Standing;

/**
 * Many runs of one game day with the same bots, seeds {@code seed, seed+1, …}, summed up for a
 * preparer: the funnel, the spread of each team's score, the incidents nobody detects in time, and
 * the incidents that break one target at the same time.
 */
public final class RehearsalReport {
  private final GameDay day;
  private final List<Rehearsal.Bot> bots;
  private final List<Rehearsal.Run> runs = new ArrayList<>();
  private final long seed;

  private RehearsalReport(GameDay day, List<Rehearsal.Bot> bots, long seed) {
    this.day = day;
    this.bots = List.copyOf(bots);
    this.seed = seed;
  }

  /** Plays {@code day} {@code count} times. */
  public static RehearsalReport of(
      GameDay day,
      Map<String, Scenario> scenarios,
      List<Rehearsal.Bot> bots,
      long seed,
      int count,
      ScoringRules rules) {
    RehearsalReport report = new RehearsalReport(day, bots, seed);
    for (int i = 0; i < count; i++) {
      report.runs.add(Rehearsal.play(day, scenarios, bots, seed + i, rules));
    }
    return report;
  }

  public List<Rehearsal.Run> runs() {
    return List.copyOf(runs);
  }

  /** The incidents that no team detected in any run, by scenario id, in firing order. */
  public List<String> neverDetected() {
    List<String> never = new ArrayList<>();
    perSlot()
        .forEach(
            (slot, list) -> {
              if (list.stream().allMatch(f -> f.detectedBy().isEmpty())) {
                never.add(list.get(0).scenario().id());
              }
            });
    return never;
  }

  /** Overlaps by description ("a and b on proxy payment"), with the number of runs they occur. */
  public Map<String, Integer> overlaps() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Rehearsal.Run run : runs) {
      run.overlaps().stream()
          .map(o -> o.first() + " and " + o.second() + " on " + o.target())
          .distinct()
          .forEach(o -> counts.merge(o, 1, Integer::sum));
    }
    return counts;
  }

  /** A team's points in each run, lowest first. */
  public List<Integer> points(String team) {
    return runs.stream().map(r -> standing(r, team).points()).sorted().toList();
  }

  public void print(PrintStream out) {
    int fired = runs.isEmpty() ? 0 : runs.get(0).incidents().size();
    out.printf(
        Locale.ROOT,
        "Rehearsal of game day %s: %d run(s) (seeds %d-%d), %d incident(s) a run, %d bot"
            + " team(s); simulated, nothing injected%n%n",
        day.id(),
        runs.size(),
        seed,
        seed + runs.size() - 1,
        fired,
        bots.size());
    funnel(out);
    spread(out);
    incidents(out);
    overlapLines(out);
  }

  private void funnel(PrintStream out) {
    out.println("Funnel (incidents over all runs: fired -> detected -> diagnosed -> recovered*)");
    out.printf(
        Locale.ROOT,
        "  %-14s %-8s %6s %14s %14s %14s%n",
        "team",
        "skill",
        "fired",
        "detected",
        "diagnosed",
        "recovered*");
    int fired = runs.stream().mapToInt(r -> r.incidents().size()).sum();
    int fixable = fixable();
    int[] total = new int[3];
    for (Rehearsal.Bot bot : bots) {
      int[] n = new int[3];
      for (Rehearsal.Run run : runs) {
        Standing s = standing(run, bot.team());
        n[0] += s.detected();
        n[1] += s.diagnosed();
        n[2] += s.recovered();
      }
      for (int i = 0; i < 3; i++) {
        total[i] += n[i];
      }
      out.printf(
          Locale.ROOT,
          "  %-14s %-8s %6d %14s %14s %14s%n",
          bot.team(),
          bot.skill().label(),
          fired,
          share(n[0], fired),
          share(n[1], fired),
          share(n[2], fixable));
    }
    int all = fired * bots.size();
    out.printf(
        Locale.ROOT,
        "  %-14s %-8s %6d %14s %14s %14s%n",
        "all teams",
        "",
        all,
        share(total[0], all),
        share(total[1], all),
        share(total[2], fixable * bots.size()));
    out.println(
        "  * recovered: of the until-fixed incidents ("
            + fixable
            + "); a time-boxed fault"
            + " ends by itself");
    out.println();
  }

  private void spread(PrintStream out) {
    out.println("Score spread over the runs");
    out.printf(Locale.ROOT, "  %-14s %8s %8s %8s%n", "team", "min", "median", "max");
    for (Rehearsal.Bot bot : bots) {
      List<Integer> p = points(bot.team());
      out.printf(
          Locale.ROOT,
          "  %-14s %8d %8d %8d%n",
          bot.team(),
          p.get(0),
          p.get(p.size() / 2),
          p.get(p.size() - 1));
    }
    out.println();
  }

  private void incidents(PrintStream out) {
    out.println("Incidents (runs in which at least one team detected it in time; its window)");
    List<String> never = new ArrayList<>();
    perSlot()
        .forEach(
            (slot, list) -> {
              Scenario s = list.get(0).scenario();
              long detected = list.stream().filter(f -> !f.detectedBy().isEmpty()).count();
              Duration window = s.mode() == Mode.UNTIL_FIXED ? s.maxDuration() : s.faultDeadline();
              String mark = detected == 0 ? "  <- NOBODY detects it in time" : "";
              out.printf(
                  Locale.ROOT,
                  "  %-45s %3d/%d  %s %s%s%n",
                  s.id(),
                  detected,
                  list.size(),
                  s.mode() == Mode.UNTIL_FIXED ? "until fixed, at most" : "time-boxed,",
                  Durations.format(window),
                  mark);
              if (detected == 0) {
                never.add(s.id());
              }
            });
    out.println(
        never.isEmpty()
            ? "  every incident was detected in time by some team in some run"
            : "  nobody detects in time: "
                + String.join(", ", never)
                + " (lengthen its window, or expect no points for it)");
    out.println();
  }

  private void overlapLines(PrintStream out) {
    Map<String, Integer> overlaps = overlaps();
    out.println("Overlaps (two incidents on one target at once)");
    if (overlaps.isEmpty()) {
      out.println("  none");
    }
    overlaps.forEach(
        (o, n) -> out.printf(Locale.ROOT, "  %s, in %d/%d run(s)%n", o, n, runs.size()));
  }

  /** The incidents of every run, by the game day's slot. */
  private Map<Integer, List<Rehearsal.Fired>> perSlot() {
    Map<Integer, List<Rehearsal.Fired>> bySlot = new LinkedHashMap<>();
    runs.get(0).incidents().forEach(f -> bySlot.put(f.slot(), new ArrayList<>()));
    for (Rehearsal.Run run : runs) {
      run.incidents().forEach(f -> bySlot.computeIfAbsent(f.slot(), k -> new ArrayList<>()).add(f));
    }
    return bySlot;
  }

  private int fixable() {
    return runs.stream()
        .mapToInt(
            r ->
                (int)
                    r.incidents().stream()
                        .filter(f -> f.scenario().mode() == Mode.UNTIL_FIXED)
                        .count())
        .sum();
  }

  private static Standing standing(Rehearsal.Run run, String team) {
    return run.board().standings().stream()
        .filter(s -> s.team().equals(team))
        .findFirst()
        .orElseThrow();
  }

  private static String share(int n, int of) {
    return of == 0 ? "-" : String.format(Locale.ROOT, "%d (%d%%)", n, Math.round(100.0 * n / of));
  }
}
