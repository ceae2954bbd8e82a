package org.daysofchaos.scoreboard.cli;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import org.daysofchaos.scoreboard.server.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code chaos serve}: the game-day server. By the time this runs, Quarkus has booted as a server
 * (see {@code ChaosMain}): the database is migrated, leftovers of a crash are reverted, the
 * schedule is running and the HTTP API listens. It waits until the process is asked to stop.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Starts the game-day server: REST API and metrics, persistence (H2 in .chaos/ by"
            + " default, PostgreSQL by configuration), the schedule, crash recovery and halt-all.")
public class ServeCommand implements Callable<Integer> {
  @Mixin ServeOptions options;

  @Override
  public Integer call() {
    Quarkus.waitForExit();
    return ExitCodes.OK;
  }
}
