package org.daysofchaos.agents.host.link;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.daysofchaos.agents.environment.HttpAccess;
import org.daysofchaos.agents.environment.SecretException;
import org.daysofchaos.agents.environment.Secrets;
import org.daysofchaos.agents.host.AgentConfig;
import org.daysofchaos.agents.host.AgentConfigReader;
import org.daysofchaos.agents.host.HostAgent;
import org.daysofchaos.agents.host.Outcome;
import org.daysofchaos.core.scenario.Problem;

/**
 * {@code chaos agent --config agent.yaml}: reads the configuration, reverts what the ledger holds
 * open, reports its capabilities, then serves the server until stopped. SIGTERM (systemd's stop)
 * reverts every fault before exiting. Plain Java, no framework: it starts in a fraction of a
 * second.
 *
 * <p>Exit codes: 0 stopped, 2 a configuration problem, 3 the server refused the credential.
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.err));
  }

  /** Runs the agent; returns its exit code. */
  public static int run(String[] args, PrintStream err) throws InterruptedException {
    if (args.length != 2 || !args[0].equals("--config")) {
      err.println("usage: chaos agent --config agent.yaml");
      return 2;
    }
    AgentConfigReader.Result read = new AgentConfigReader().read(Path.of(args[1]));
    if (!read.ok()) {
      read.problems().stream().map(Problem::toString).forEach(err::println);
      return 2;
    }
    AgentConfig config = read.config().orElseThrow();
    String credential;
    HttpAccess access;
    try {
      credential = config.server().credential().reveal(Secrets.ofProcess(config.base()));
      access =
          new HttpAccess(
              config.server().uri(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              config.server().tls(),
              Duration.ofSeconds(10));
    } catch (SecretException | IllegalArgumentException e) {
      err.println(args[1] + ": " + e.getMessage());
      return 2;
    }
    String name = config.name();
    HostAgent agent;
    try {
      agent = HostAgent.open(config, Clock.systemUTC());
    } catch (java.io.IOException e) {
      err.println(config.state() + ": cannot open the agent's folder: " + e.getMessage());
      return 2;
    }
    List<Outcome> recovered = agent.recover();
    recovered.forEach(
        o ->
            err.println(
                "agent "
                    + name
                    + ": ledger "
                    + o.injectionId()
                    + " "
                    + o.status()
                    + ": "
                    + o.message()));
    agent
        .capabilities()
        .forEach(
            (kind, why) ->
                err.println(
                    "agent "
                        + name
                        + ": "
                        + kind
                        + why.map(w -> " unavailable: " + w).orElse(" available")));
    AgentLink link =
        new AgentLink(
            agent,
            config.server().uri(),
            credential,
            access.client(config.base()),
            m -> err.println("agent " + name + ": " + m));
    Thread stop =
        new Thread(
            () -> {
              link.close();
              try {
                agent.close(); // reverts every fault
              } catch (java.io.IOException e) {
                err.println("agent " + name + ": " + e.getMessage());
              }
            },
            "agent-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      link.run(recovered);
      return 0;
    } catch (AgentLink.RefusedException e) {
      err.println("agent " + name + ": " + e.getMessage());
      return 3;
    }
  }
}
