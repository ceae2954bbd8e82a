package org.daysofchaos.agents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.process.ProcessInjector;
import org.daysofchaos.agents.toxiproxy.ToxiproxyInjector;
import org.daysofchaos.core.ledger.Ledger;
import org.daysofchaos.core.ledger.LedgerEntry;

/**
 * Reverts what a crashed run left behind, from the ledger alone: run on start, before anything is
 * injected. Each agent reverts its own entries from their revert records.
 */
public final class Leftovers {
  private Leftovers() {}

  /** One line per open entry: what was reverted, or why it could not be. */
  public static List<String> revertAll(Ledger ledger, Clock clock) {
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
        revert(entry.revertRecord());
        ledger.close(entry.injectionId(), LedgerEntry.State.REVERTED, clock.instant());
        report.add("reverted a leftover " + what);
      } catch (Exception e) {
        report.add("could not revert a leftover " + what + ": " + e.getMessage());
      }
    }
    return report;
  }

  private static void revert(Map<String, String> record) throws Exception {
    if (record.isEmpty()) {
      // Intended but never applied (the crash came before the injector returned): the injectors
      // apply all or nothing, and an expiry on the backend bounds the rest.
      return;
    }
    if (record.containsKey("proxy")) {
      ToxiproxyInjector.revertFromRecord(record);
    } else if (record.containsKey("pid")) {
      ProcessInjector.revertFromRecord(record);
    } else {
      throw new IllegalArgumentException("no agent knows how to revert " + record);
    }
  }
}
