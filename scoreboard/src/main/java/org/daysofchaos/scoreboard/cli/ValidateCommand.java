package org.daysofchaos.scoreboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daysofchaos.agents.environment.Coverage;
import org.daysofchaos.agents.environment.Environment;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.DryRun;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.scenario.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos validate FILE...}: every problem, or the dry run of valid files. */
@Command(
    name = "validate",
    description =
        "Checks scenario files and an environment file. Prints every problem as"
            + " file:line:column: field: message (exit code 1), or what each valid scenario would"
            + " inject, on which targets (the dry run).")
public class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files = List.of();

  @Option(
      names = "--environment",
      paramLabel = "FILE",
      description =
          "An environment file (docs/environment.md) to check too, and to check the scenarios'"
              + " targets against: every server, process and namespace they need must be named"
              + " in it.")
  Path environmentFile;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    if (files.isEmpty() && environmentFile == null) {
      throw new UserError("give scenario files, --environment FILE, or both");
    }
    Environment environment = CliEnvironment.load(environmentFile);
    if (environmentFile != null) {
      out.println(environmentFile + ": valid environment");
    }
    ReadResult result = ScenarioFiles.reader().read(files);
    if (!result.ok()) {
      for (Problem problem : result.problems()) {
        System.err.println(problem);
      }
      System.err.println(result.problems().size() + " problem(s) in " + files.size() + " file(s)");
      return ExitCodes.PROBLEMS;
    }
    for (Scenario scenario : result.scenarios()) {
      out.println(DryRun.describe(scenario));
    }
    if (environmentFile != null) {
      List<String> gaps = Coverage.gaps(environment, result.scenarios());
      if (!gaps.isEmpty()) {
        gaps.forEach(gap -> System.err.println(environmentFile + ": " + gap));
        return ExitCodes.PROBLEMS;
      }
    }
    out.println(result.scenarios().size() + " scenario(s) valid; nothing was injected (dry run)");
    return ExitCodes.OK;
  }
}
