package org.daysofchaos.agents;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spi.Reverters;

/**
 * Reverts what a crashed run left behind, from the ledger alone: run on start, before anything is
 * injected. Each open entry goes to the reverter of the backend its record names.
 */
public final class Leftovers {
  private Leftovers() {}

  /**
   * One line per open entry: what was reverted, or why it could not be. Kubernetes entries are
   * reverted through the default kubeconfig (its current context), connected only if there is one.
   */
  public static List<String> revertAll(Ledger ledger, Clock clock) {
    try (Reverters reverters = Agents.reverters()) {
      return revertAll(ledger, clock, reverters);
    }
  }

  /** As {@link #revertAll(Ledger, Clock)}, with Kubernetes entries reverted through this client. */
  public static List<String> revertAll(Ledger ledger, Clock clock, KubernetesClient kubernetes) {
    try (Reverters reverters = Agents.reverters(kubernetes)) {
      return revertAll(ledger, clock, reverters);
    }
  }

  /** As {@link #revertAll(Ledger, Clock)}, with these reverters. */
  public static List<String> revertAll(Ledger ledger, Clock clock, Reverters reverters) {
    List<String> report = new ArrayList<>();
    for (LedgerEntry entry : ledger.open()) {
      report.add(revert(entry, ledger, reverters, clock).line());
    }
    return report;
  }

  /** What became of one entry: whether it is reverted (and closed), and a line saying so. */
  public record Outcome(boolean reverted, String line) {}

  /**
   * Reverts one entry with the reverter of its backend and closes it as reverted. An entry with an
   * empty record (a kill, or a refused target) changed nothing a revert could undo: it is closed.
   */
  public static Outcome revert(LedgerEntry entry, Ledger ledger, Reverters reverters, Clock clock) {
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
      reverters.revert(entry.revertRecord());
      ledger.close(entry.injectionId(), LedgerEntry.State.REVERTED, clock.instant());
      return new Outcome(true, "reverted a leftover " + what);
    } catch (Exception e) {
      return new Outcome(false, "could not revert a leftover " + what + ": " + e.getMessage());
    }
  }
}
