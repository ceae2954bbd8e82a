package org.daysofchaos.scoreboard.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.daysofchaos.agents.kubernetes.KubernetesCleanup;
import org.daysofchaos.agents.kubernetes.KubernetesClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code chaos cleanup}: reverts what Days of Chaos left on a Kubernetes cluster, from the cluster
 * alone (no ledger needed): every object of an opted-in namespace, and every node, that carries the
 * label {@code daysofchaos.org/injected=true}.
 */
@Command(
    name = "cleanup",
    description =
        "Reverts the faults Days of Chaos left on a Kubernetes cluster, found by their"
            + " daysofchaos.org annotations: those past their expiry, or all with --all.")
public class CleanupCommand implements Callable<Integer> {
  @Option(
      names = "--all",
      description =
          "Revert every fault found, even those not expired yet (a run may be using them).")
  boolean all;

  @Option(names = "--dry-run", description = "Only list what carries our annotations.")
  boolean dryRun;

  @Mixin KubernetesOptions kubernetes;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    try (KubernetesClient client = kubernetes.connect()) {
      KubernetesCleanup cleanup = new KubernetesCleanup(client, Clock.systemUTC());
      out.println("cluster " + KubernetesClients.cluster(client));
      if (dryRun) {
        List<KubernetesCleanup.Found> found = cleanup.find();
        found.forEach(f -> out.println("  " + f.describe()));
        out.println(
            found.isEmpty()
                ? "nothing carries our annotations"
                : found.size() + " found; nothing was reverted");
        return ExitCodes.OK;
      }
      List<String> report = all ? cleanup.revertAll() : cleanup.revertExpired();
      report.forEach(line -> out.println("  " + line));
      long failed =
          report.stream().filter(l -> l.startsWith("could not") || l.startsWith("cannot")).count();
      out.println(
          report.isEmpty()
              ? "nothing carries our annotations"
              : failed == 0 ? "done" : failed + " could not be reverted");
      return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }
}
