package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daysofchaos.agents.environment.Coverage;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.gameday.Slot;
import org.daysofchaos.core.gameday.Timing;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scoring.ScoringRules;
import org.daysofchaos.core.spi.Sleeper;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.scoreboard.gameday.GameDays;
import org.daysofchaos.scoreboard.rehearse.Rehearsal;
import org.daysofchaos.scoreboard.rehearse.RehearsalReport;
import org.daysofchaos.scoreboard.rehearse.Skill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chaos rehearse GAMEDAY}: the game day played in simulation by bot teams, many times, to
 * tune its scoring and schedule before the day (docs/rehearsal.md). Nothing is injected.
 */
@Command(
    name = "rehearse",
    description =
        "Plays a game day in simulation, many times, with bot teams of a chosen skill, scored"
            + " with the real rules; prints the funnel, the spread of scores, the incidents nobody"
            + " detects in time and the incidents that break one target at once. Nothing is"
            + " injected (docs/rehearsal.md).")
public class RehearseCommand implements Callable<Integer> {
  private static final String DEMO_DAY = "scenarios/demo/gameday.yaml";

  @Parameters(
      arity = "0..1",
      paramLabel = "GAMEDAY",
      description = "The game-day file (YAML); with --demo and no file, the demo game day.")
  Path gameDay;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "A scenario file the game day uses (repeatable), besides the shipped ones.")
  List<Path> scenarioFiles = new ArrayList<>();

  @Option(
      names = "--environment",
      paramLabel = "FILE",
      description =
          "The environment the day will run on (checked: its parameters fill the scenarios,"
              + " and it must name every target they break). Only read, never touched.")
  Path environmentFile;

  @Option(
      names = "--demo",
      description = "Rehearse against the embedded demo: the shipped demo game day if no file.")
  boolean demo;

  @Option(
      names = "--teams",
      paramLabel = "N",
      description = "Bot teams bot-1..bot-N (default: the game day's own teams).")
  Integer teams;

  @Option(
      names = "--skill",
      paramLabel = "SKILL[,SKILL...]",
      split = ",",
      description =
          "novice, average or expert; a list is dealt to the teams in turn (default: average).")
  List<String> skills = List.of("average");

  @Option(names = "--seed", paramLabel = "S", description = "The first seed (default: 1).")
  long seed = 1;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "How many times the day is played, seeds S..S+N-1 (default: 20).")
  int runs = 20;

  @Option(
      names = "--speed",
      paramLabel = "N",
      description =
          "Also replay the first run's timeline at N times real time (60: an hour a minute);"
              + " without it, the rehearsal takes no time at all.")
  Double speed;

  @Mixin ParameterOptions parameters;

  /** Waits between the events of a replayed timeline; replaced in tests. */
  Sleeper sleeper = Sleeper.system(Clock.systemUTC());

  @Override
  public Integer call() throws IOException {
    if (gameDay == null && !demo) {
      throw new UserError("give a game-day file, or --demo for the demo game day");
    }
    if (runs < 1 || runs > 10_000) {
      throw new UserError("--runs: between 1 and 10000, got " + runs);
    }
    if (teams != null && (teams < 1 || teams > 100)) {
      throw new UserError("--teams: between 1 and 100, got " + teams);
    }
    if (speed != null && !(speed > 0)) {
      throw new UserError("--speed: a positive factor, got " + speed);
    }
    List<Skill> mix = skills.stream().map(Skill::parse).toList();
    Environment environment = CliEnvironment.load(environmentFile);
    Map<String, String> values = parameters.values(environment);
    Map<String, Scenario> known = new LinkedHashMap<>();
    ScenarioFiles.shippedAll(values).forEach(s -> known.put(s.id(), s));
    ReadResult given = ScenarioFiles.reader(values).read(scenarioFiles);
    if (!given.ok()) {
      given.problems().forEach(System.err::println);
      return ExitCodes.PROBLEMS;
    }
    given.scenarios().forEach(s -> known.put(s.id(), s));
    GameDayReadResult read = readDay(known);
    if (!read.ok()) {
      read.problems().forEach(System.err::println);
      System.err.println(read.problems().size() + " problem(s); nothing rehearsed");
      return ExitCodes.PROBLEMS;
    }
    GameDay day = read.gameDay().orElseThrow();
    Map<String, Scenario> used = new LinkedHashMap<>();
    day.slots().forEach(s -> used.put(s.scenarioId(), known.get(s.scenarioId())));
    if (environmentFile != null) {
      List<String> gaps = Coverage.gaps(environment, List.copyOf(used.values()));
      if (!gaps.isEmpty()) {
        gaps.forEach(gap -> System.err.println(environmentFile + ": " + gap));
        return ExitCodes.PROBLEMS;
      }
    }
    PrintStream out = System.out;
    List<Rehearsal.Bot> bots = bots(day, mix);
    RehearsalReport report =
        RehearsalReport.of(day, used, bots, seed, runs, ScoringRules.defaults());
    if (speed != null) {
      replay(report.runs().get(0), out);
    }
    report.print(out);
    day.slots().stream()
        .filter(s -> s.timing() instanceof Timing.Cron)
        .map(Slot::scenarioId)
        .forEach(id -> out.println("not rehearsed: " + id + " fires by cron"));
    return ExitCodes.OK;
  }

  private GameDayReadResult readDay(Map<String, Scenario> known) throws IOException {
    GameDayReader reader =
        new GameDayReader(known.keySet(), GameDays.QUARTZ_CRON, Catalog.standard());
    if (gameDay != null) {
      return reader.read(gameDay);
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO_DAY)) {
      if (in == null) {
        throw new IOException("the demo game day (" + DEMO_DAY + ") is not on the classpath");
      }
      return reader.read(DEMO_DAY, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private List<Rehearsal.Bot> bots(GameDay day, List<Skill> mix) {
    List<String> names = new ArrayList<>();
    if (teams == null) {
      day.teams().forEach(t -> names.add(t.name()));
    } else {
      for (int i = 1; i <= teams; i++) {
        names.add("bot-" + i);
      }
    }
    List<Rehearsal.Bot> bots = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      bots.add(new Rehearsal.Bot(names.get(i), mix.get(i % mix.size())));
    }
    return bots;
  }

  /** The first run's incidents as they fire and end, paced at {@code speed} times real time. */
  private void replay(Rehearsal.Run run, PrintStream out) {
    record Event(Instant at, String text) {}
    List<Event> events = new ArrayList<>();
    for (Rehearsal.Fired f : run.incidents()) {
      events.add(new Event(f.injectedAt(), f.scenario().id() + " fires"));
      String how =
          f.recoveredAt() != null
              ? "fixed"
              : "over" + (f.detectedBy().isEmpty() ? ", detected by nobody" : "");
      String who = f.detectedBy().isEmpty() ? "" : " (detected by " + f.detectedBy() + ")";
      events.add(new Event(f.endsAt(), f.scenario().id() + " " + how + who));
    }
    events.sort(Comparator.comparing(Event::at));
    Instant start = Instant.now();
    for (Event e : events) {
      Duration since = Duration.between(Rehearsal.START, e.at());
      Instant wake = start.plusNanos((long) (since.toNanos() / speed));
      try {
        sleeper.sleepUntil(wake);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
      out.println("[" + Durations.format(since) + "] " + e.text());
    }
    out.println();
  }
}
