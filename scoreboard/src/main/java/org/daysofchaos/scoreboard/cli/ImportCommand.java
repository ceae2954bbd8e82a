package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.daysofchaos.chaostoolkit.Translator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chaos import ctk FILE}: a Chaos Toolkit experiment as our scenario YAML. */
@Command(
    name = "import",
    description = "Imports files of other tools as scenarios.",
    subcommands = {ImportCommand.Ctk.class})
public class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The Chaos Toolkit importer. */
  @Command(
      name = "ctk",
      description =
          "Writes a Chaos Toolkit experiment as scenario YAML, with a # comment wherever the"
              + " translation is not exact (docs/chaos-toolkit.md).")
  public static class Ctk implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment (JSON or YAML).")
    Path file;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Where to write the scenario; standard output if absent.")
    Path output;

    @Override
    public Integer call() throws IOException {
      ExperimentFiles.Result result = ExperimentFiles.load(List.of(file));
      if (!result.problems().isEmpty()) {
        result.problems().forEach(System.err::println);
        return ExitCodes.PROBLEMS;
      }
      ExperimentFiles.Loaded loaded = result.experiments().get(0);
      var refusal = Translator.refusal(loaded.experiment(), loaded.mapping());
      if (refusal.isPresent()) {
        System.err.println(refusal.get());
        return ExitCodes.PROBLEMS;
      }
      String yaml = Translator.toScenarioYaml(loaded.experiment(), loaded.mapping());
      if (output == null) {
        System.out.print(yaml);
      } else {
        Files.writeString(output, yaml, StandardCharsets.UTF_8);
        System.out.println(file + ": scenario written to " + output);
      }
      return ExitCodes.OK;
    }
  }
}
