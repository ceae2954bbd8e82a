package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daysofchaos.agents.environment.Coverage;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.agents.environment.EnvironmentWiring;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.gameday.GameDay;
import org.daysofchaos.core.gameday.GameDayReadResult;
import org.daysofchaos.core.gameday.GameDayReader;
import org.daysofchaos.core.gameday.Slot;
import org.daysofchaos.core.run.PreFlight;
import org.daysofchaos.core.scenario.DryRun;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.experiments.host.AgentTarget;
import org.daysofchaos.scoreboard.gameday.GameDays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chaos validate}: every problem of scenario, game-day and environment files, the dry run of
 * valid scenarios, whether the environment covers their targets and, with {@code --live}, the
 * pre-flight checklist against the real systems.
 */
@Command(
    name = "validate",
    description =
        "Checks scenario, game-day and environment files. Prints every problem as"
            + " file:line:column: field: message (exit code 1), or what each valid scenario would"
            + " inject, on which targets (the dry run). With --live, asks the systems of the"
            + " environment whether every target is there and normal and every probe answers.")
public class ValidateCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..*",
      paramLabel = "FILE",
      description = "Scenario files (YAML) and Chaos Toolkit experiments (JSON or YAML).")
  List<Path> files = List.of();

  @Option(
      names = "--gameday",
      paramLabel = "FILE",
      description =
          "A game-day file to check (repeatable); its scenarios come from the FILEs and the"
              + " shipped ones.")
  List<Path> gameDays = new ArrayList<>();

  @Option(
      names = "--environment",
      paramLabel = "FILE",
      description =
          "An environment file (docs/environment.md) to check too, and to check the scenarios'"
              + " targets against: every server, process and namespace they need must be named"
              + " in it.")
  Path environmentFile;

  @Option(
      names = "--live",
      description =
          "The pre-flight: ask the systems of the environment (read only) whether every target"
              + " exists, is allowed and normal, every steady state holds now and every detection"
              + " signal answers.")
  boolean live;

  @Mixin ParameterOptions parameters;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    if (files.isEmpty() && gameDays.isEmpty() && environmentFile == null) {
      throw new UserError("give scenario files, --gameday FILE, --environment FILE, or some");
    }
    if (live && environmentFile == null) {
      throw new UserError("--live checks the systems of an environment: add --environment FILE");
    }
    Environment environment = CliEnvironment.load(environmentFile);
    if (environmentFile != null) {
      out.println(environmentFile + ": valid environment");
    }
    Map<String, String> values = parameters.values(environment);
    List<List<Path>> split = ExperimentFiles.split(files);
    ExperimentFiles.Result experiments = ExperimentFiles.load(split.get(0));
    ReadResult result = ScenarioFiles.reader(values).read(split.get(1));
    if (!result.ok() || !experiments.problems().isEmpty()) {
      List<Problem> all = new ArrayList<>(result.problems());
      all.addAll(experiments.problems());
      return problems(all, files.size());
    }
    experiments.experiments().forEach(e -> out.println(describe(e)));
    for (Scenario scenario : result.scenarios()) {
      out.println(DryRun.describe(scenario));
    }
    Map<String, Scenario> checked = new LinkedHashMap<>();
    result.scenarios().forEach(s -> checked.put(s.id(), s));
    List<Problem> dayProblems = readGameDays(result.scenarios(), checked, values, out);
    if (!dayProblems.isEmpty()) {
      return problems(dayProblems, gameDays.size());
    }
    List<Scenario> scenarios = List.copyOf(checked.values());
    if (environmentFile != null) {
      List<String> gaps = Coverage.gaps(environment, scenarios);
      if (!gaps.isEmpty()) {
        gaps.forEach(gap -> System.err.println(environmentFile + ": " + gap));
        return ExitCodes.PROBLEMS;
      }
    }
    if (live) {
      return preFlight(environment, scenarios, out);
    }
    out.println(
        scenarios.size()
            + " scenario(s)"
            + (experiments.experiments().isEmpty()
                ? ""
                : " and " + experiments.experiments().size() + " experiment(s)")
            + " valid; nothing was injected (dry run)");
    return ExitCodes.OK;
  }

  private static String describe(ExperimentFiles.Loaded loaded) {
    var e = loaded.experiment();
    return e.file()
        + ": valid Chaos Toolkit experiment '"
        + e.title()
        + "': "
        + e.hypothesis().map(h -> h.probes().size()).orElse(0)
        + " probe(s) in the hypothesis, "
        + e.method().size()
        + " activities in the method, "
        + e.rollbacks().size()
        + " rollback(s); every provider runs here (chaos lint checks for leaks)";
  }

  private static int problems(List<Problem> problems, int fileCount) {
    problems.forEach(System.err::println);
    System.err.println(problems.size() + " problem(s) in " + fileCount + " file(s)");
    return ExitCodes.PROBLEMS;
  }

  /** Reads the game days; their scenarios join {@code checked}. */
  private List<Problem> readGameDays(
      List<Scenario> given,
      Map<String, Scenario> checked,
      Map<String, String> values,
      PrintStream out)
      throws IOException {
    if (gameDays.isEmpty()) {
      return List.of();
    }
    Map<String, Scenario> known = new LinkedHashMap<>();
    ScenarioFiles.shippedAll(values).forEach(s -> known.put(s.id(), s));
    given.forEach(s -> known.put(s.id(), s));
    GameDayReader reader =
        new GameDayReader(known.keySet(), GameDays.QUARTZ_CRON, Catalog.standard());
    List<Problem> problems = new ArrayList<>();
    for (Path file : gameDays) {
      GameDayReadResult read = reader.read(file);
      problems.addAll(read.problems());
      read.gameDay()
          .ifPresent(
              day -> {
                out.println(
                    file
                        + ": game day "
                        + day.id()
                        + ", "
                        + day.slots().size()
                        + " scenario slot(s), teams "
                        + teamNames(day));
                for (Slot slot : day.slots()) {
                  checked.putIfAbsent(
                      slot.scenarioId(),
                      known.get(slot.scenarioId()).plusGuardrails(day.guardrails()));
                }
              });
    }
    return problems;
  }

  private static String teamNames(GameDay day) {
    return String.join(", ", day.teams().stream().map(t -> t.name()).toList());
  }

  private static int preFlight(Environment environment, List<Scenario> scenarios, PrintStream out) {
    List<PreFlight.Item> items = new ArrayList<>();
    List<Scenario> leftToServer = new ArrayList<>();
    try (EnvironmentWiring wiring = EnvironmentWiring.connect(environment, Clock.systemUTC())) {
      for (Scenario scenario : scenarios) {
        List<String> agents = agents(scenario);
        if (!agents.isEmpty()) {
          out.println(
              "[skip] "
                  + scenario.id()
                  + ": "
                  + String.join(", ", agents)
                  + ": host agents connect to the game-day server, not to this command; the"
                  + " server's pre-flight checks this scenario (docs/agent.md)");
          leftToServer.add(scenario);
          continue;
        }
        List<PreFlight.Item> some =
            PreFlight.check(scenario, wiring.injectors(), wiring.probes(), wiring.alerts());
        some.forEach(item -> out.println(item.describe()));
        items.addAll(some);
      }
    }
    long failed = items.stream().filter(i -> !i.ok()).count();
    out.println(
        "pre-flight: "
            + items.size()
            + " item(s) checked, "
            + failed
            + " failed"
            + (leftToServer.isEmpty()
                ? ""
                : ", " + leftToServer.size() + " scenario(s) left to the server's pre-flight")
            + "; nothing was injected");
    return failed == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }

  /**
   * The host agents a scenario's faults target: they link to a server, so only a server's
   * pre-flight can ask them; checking them here would fail for want of an injector.
   */
  private static List<String> agents(Scenario scenario) {
    return scenario.faults().stream()
        .map(f -> scenario.target(f).spec())
        .filter(AgentTarget.class::isInstance)
        .map(spec -> spec.describe())
        .distinct()
        .toList();
  }
}
