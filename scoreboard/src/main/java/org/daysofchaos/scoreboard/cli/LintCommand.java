package org.daysofchaos.scoreboard.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daysofchaos.chaostoolkit.Lint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code chaos lint FILE...}: what a Chaos Toolkit experiment would leak. */
@Command(
    name = "lint",
    description =
        "Checks Chaos Toolkit experiments for what would leak a fault: an action with no rollback"
            + " that undoes it, a toxic created under one name and removed under another. Prints"
            + " each as file:line:column: field: message (exit code 1).")
public class LintCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Experiments (JSON or YAML).")
  List<Path> files;

  @Override
  public Integer call() {
    ExperimentFiles.Result result = ExperimentFiles.load(files);
    if (!result.problems().isEmpty()) {
      result.problems().forEach(System.err::println);
      return ExitCodes.PROBLEMS;
    }
    int findings = 0;
    for (ExperimentFiles.Loaded loaded : result.experiments()) {
      List<Lint.Finding> found = Lint.check(loaded.experiment(), loaded.mapping());
      found.forEach(System.out::println);
      findings += found.size();
    }
    System.out.println(
        findings == 0
            ? files.size() + " experiment(s): no leak found"
            : findings + " leak(s) in " + files.size() + " experiment(s)");
    return findings == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }
}
