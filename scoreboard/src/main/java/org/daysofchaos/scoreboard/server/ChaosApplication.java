package org.daysofchaos.scoreboard.server;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Runs the {@code chaos} command line once Quarkus has booted; {@code serve} waits for exit. */
public class ChaosApplication implements QuarkusApplication {
  @Inject CommandLine commandLine;

  @Override
  public int run(String... args) {
    return commandLine.execute(args);
  }
}
