package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.daysofchaos.agents.Agents;
import org.daysofchaos.agents.Leftovers;
import org.daysofchaos.agents.metrics.ScrapeMetricSource;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.journal.RunResult;
import org.daysofchaos.core.ledger.FileLedger;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.demo.DemoSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chaos demo [SCENARIO]}: starts the embedded demo pre-production and runs a scenario on it.
 */
@Command(
    name = "demo",
    description =
        "Starts the embedded demo pre-production (booking -> payment, inventory, through"
            + " the embedded fault proxy) and runs a demo scenario against it, printing progress and"
            + " the journal summary.")
public class DemoCommand implements Callable<Integer> {
  static final String DEFAULT_SCENARIO = "demo/payment-latency";

  @Parameters(
      arity = "0..1",
      paramLabel = "SCENARIO",
      description =
          "A demo scenario id (see --list) or a scenario file; default: " + DEFAULT_SCENARIO + ".")
  String scenario;

  @Option(names = "--list", description = "List the demo scenarios and exit.")
  boolean list;

  @Option(names = "--all", description = "Run every demo scenario, one after the other.")
  boolean all;

  @Mixin RunOptionsMixin run;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    List<Scenario> shipped = ScenarioFiles.shippedDemo();
    if (list) {
      shipped.forEach(s -> out.println(s.id() + "  " + s.title()));
      return ExitCodes.OK;
    }
    List<Scenario> chosen = all ? shipped : List.of(choose(shipped));
    out.println("Starting the demo pre-production...");
    try (DemoSystem demo = DemoSystem.start();
        FileLedger ledger = FileLedger.open(run.ledger)) {
      Leftovers.revertAll(ledger, Clock.systemUTC()).forEach(out::println);
      out.println("  booking service   " + demo.bookingUrl() + "/book");
      out.println("  metrics           " + demo.metricsUrl());
      out.println("  fault proxy API   " + demo.toxiproxyUrl() + "  (Toxiproxy-compatible)");
      out.println("  ops console       " + demo.opsUrl().resolve("/ops"));
      out.println("  inventory process pid " + demo.inventoryPid());
      RunSession session =
          new RunSession(
              Agents.injectors(demo.toxiproxyServers(), demo.processes()),
              Agents.probes(ScrapeMetricSource.of(demo.metricsUrl()), demo.toxiproxyServers()),
              ledger,
              run.runOptions(),
              out);
      int exit = ExitCodes.OK;
      for (Scenario scenario : chosen) {
        int code = runOne(session, run.apply(scenario), out);
        exit = Math.max(exit, code);
        if (code == ExitCodes.ABORTED || Thread.currentThread().isInterrupted()) {
          break;
        }
      }
      return exit;
    }
  }

  private int runOne(RunSession session, Scenario scenario, PrintStream out) throws Exception {
    out.println();
    out.println("Scenario " + scenario.id() + ": " + scenario.title());
    out.println("Waiting until the steady state has held for 3 s (the demo warms up)...");
    if (!session.awaitSteadyState(scenario, Duration.ofSeconds(3), Duration.ofSeconds(60))) {
      return ExitCodes.ABORTED;
    }
    RunResult result = session.run(scenario, run.journal());
    return ExitCodes.of(result.verdict());
  }

  private Scenario choose(List<Scenario> shipped) throws IOException {
    String wanted = scenario == null ? DEFAULT_SCENARIO : scenario;
    Path file = Path.of(wanted);
    if (wanted.endsWith(".yaml") || wanted.endsWith(".yml") || Files.isRegularFile(file)) {
      ReadResult result = ScenarioFiles.reader().read(file);
      if (!result.ok()) {
        throw new UserError(result.report());
      }
      return result.scenarios().get(0);
    }
    return shipped.stream()
        .filter(s -> s.id().equals(wanted) || s.id().equals("demo/" + wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new UserError(
                    "no demo scenario '"
                        + wanted
                        + "'; known: "
                        + String.join(", ", shipped.stream().map(Scenario::id).toList())));
  }
}
