package org.daysofchaos.scoreboard.cli;

import java.util.concurrent.Callable;
import org.daysofchaos.agents.host.link.AgentMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code chaos agent --config agent.yaml}: the host agent (docs/agent.md). {@code ChaosMain} runs
 * it before Quarkus boots, so this command is what {@code chaos --help} lists; it runs the same
 * code if it is ever reached.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description =
        "Runs the host agent: applies host faults on this machine on a server's orders, within"
            + " its own allow-list, reverting them when the server goes silent.")
public class AgentCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The agent's configuration (name, server, credential, allow-list).")
  String config;

  @Override
  public Integer call() throws InterruptedException {
    return AgentMain.run(new String[] {"--config", config}, System.err);
  }
}
