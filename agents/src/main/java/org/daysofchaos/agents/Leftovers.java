package org.daysofchaos.agents;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.kubernetes.KubernetesClients;
import org.daysofchaos.agents.kubernetes.KubernetesInjector;
import org.daysofchaos.agents.process.ProcessBackend;
import org.daysofchaos.agents.toxiproxy.ToxiproxyBackend;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.ledger.LedgerEntry;

/**
 * Reverts what a crashed run left behind, from the ledger alone: run on start, before anything is
 * injected. Each agent reverts its own entries from their revert records.
 */
public final class Leftovers {
  private Leftovers() {}

  /**
   * One line per open entry: what was reverted, or why it could not be. Kubernetes entries are
   * reverted through the default kubeconfig (its current context), connected only if there is one.
   */
  public static List<String> revertAll(Ledger ledger, Clock clock) {
    try (Kubernetes kubernetes = new Kubernetes(null)) {
      return revertAll(ledger, clock, kubernetes);
    }
  }

  /** As {@link #revertAll(Ledger, Clock)}, with Kubernetes entries reverted through this client. */
  public static List<String> revertAll(Ledger ledger, Clock clock, KubernetesClient kubernetes) {
    try (Kubernetes client = new Kubernetes(kubernetes)) {
      return revertAll(ledger, clock, client);
    }
  }

  private static List<String> revertAll(Ledger ledger, Clock clock, Kubernetes kubernetes) {
    List<String> report = new ArrayList<>();
    for (LedgerEntry entry : ledger.open()) {
      String what =
          entry.kind()
              + " on "
              + entry.target()
              + " (run "
              + entry.runId()
              + ", injection "
              + entry.injectionId()
              + ")";
      try {
        revert(entry.revertRecord(), kubernetes);
        ledger.close(entry.injectionId(), LedgerEntry.State.REVERTED, clock.instant());
        report.add("reverted a leftover " + what);
      } catch (Exception e) {
        report.add("could not revert a leftover " + what + ": " + e.getMessage());
      }
    }
    return report;
  }

  private static void revert(Map<String, String> record, Kubernetes kubernetes) throws Exception {
    if (record.isEmpty()) {
      // An intent whose injector plans no record (a kill, or a refused target): nothing was
      // changed that a revert could undo. Every other intent carries its planned record.
      return;
    }
    if (KubernetesInjector.isOurs(record)) {
      KubernetesInjector.revertFromRecord(record, kubernetes.client());
    } else if (record.containsKey("proxy")) {
      ToxiproxyBackend.revertFromRecord(record);
    } else if (record.containsKey("pid")) {
      ProcessBackend.revertFromRecord(record);
    } else {
      throw new IllegalArgumentException("no agent knows how to revert " + record);
    }
  }

  /** The client for Kubernetes entries: the one given, or one connected on first use and closed. */
  private static final class Kubernetes implements AutoCloseable {
    private final KubernetesClient given;
    private KubernetesClient connected;

    Kubernetes(KubernetesClient given) {
      this.given = given;
    }

    KubernetesClient client() {
      if (given != null) {
        return given;
      }
      if (connected == null) {
        connected = KubernetesClients.connect(Optional.empty(), Optional.empty());
      }
      return connected;
    }

    @Override
    public void close() {
      if (connected != null) {
        connected.close();
      }
    }
  }
}
