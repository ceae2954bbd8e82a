package org.daysofchaos.scoreboard.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Errors reach users as one clear line and an exit code, never as a stack trace. */
@ApplicationScoped
public class CommandLineSetup {
  @Produces
  CommandLine commandLine(PicocliCommandLineFactory factory) {
    return factory
        .create()
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              commandLine.getErr().println("error: " + messageOf(e));
              return e instanceof UserError || e instanceof IllegalArgumentException
                  ? ExitCodes.USAGE
                  : ExitCodes.FAILED;
            });
  }

  private static String messageOf(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.toString() : message;
  }
}
