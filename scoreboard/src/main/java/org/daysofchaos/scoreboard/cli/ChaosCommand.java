package org.daysofchaos.scoreboard.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top of the {@code chaos} command line. */
@TopCommand
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    version = "Days of Chaos 0.1.0-SNAPSHOT",
    description = "Chaos engineering and game days that measure time to detect and to recover.",
    subcommands = {
      ValidateCommand.class,
      DemoCommand.class,
      RunCommand.class,
      CleanupCommand.class,
      ServeCommand.class,
      HaltCommand.class,
      ReportCommand.class,
      ImportCommand.class,
      LintCommand.class,
      RehearseCommand.class,
      AgentCommand.class
    })
public class ChaosCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
