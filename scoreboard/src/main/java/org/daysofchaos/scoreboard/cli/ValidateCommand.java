package org.daysofchaos.scoreboard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.DryRun;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.scenario.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos validate FILE...}: every problem, or the dry run of valid files. */
@Command(
    name = "validate",
    description =
        "Checks scenario files. Prints every problem as file:line:column: field: message"
            + " (exit code 1), or what each valid scenario would inject, on which targets (the dry run).")
public class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files;

  @Override
  public Integer call() {
    PrintStream out = System.out;
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
    out.println(result.scenarios().size() + " scenario(s) valid; nothing was injected (dry run)");
    return ExitCodes.OK;
  }
}
