package org.daysofchaos.core.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.spi.RevertRecord;

/** A ledger that lives as long as the process: for tests and runs that need no crash recovery. */
public class InMemoryLedger implements Ledger {
  private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();

  @Override
  public synchronized void intend(LedgerEntry entry) {
    if (entries.containsKey(entry.injectionId())) {
      throw new IllegalStateException("injection " + entry.injectionId() + " is already recorded");
    }
    entries.put(entry.injectionId(), entry);
  }

  @Override
  public synchronized void activate(String injectionId, RevertRecord record, Instant at) {
    update(injectionId, LedgerEntry.State.ACTIVE, record, at);
  }

  @Override
  public synchronized void close(String injectionId, LedgerEntry.State finalState, Instant at) {
    LedgerEntry entry = require(injectionId);
    update(injectionId, finalState, entry.revertRecord(), at);
  }

  @Override
  public synchronized List<LedgerEntry> open() {
    return entries.values().stream().filter(LedgerEntry::open).toList();
  }

  /** Every entry ever recorded, in order. */
  public synchronized List<LedgerEntry> all() {
    return new ArrayList<>(entries.values());
  }

  /** Applies an entry read back from storage, replacing any earlier state of it. */
  protected synchronized void restore(LedgerEntry entry) {
    entries.put(entry.injectionId(), entry);
  }

  private void update(String id, LedgerEntry.State state, RevertRecord record, Instant at) {
    entries.put(id, require(id).with(state, record, at));
  }

  private LedgerEntry require(String id) {
    LedgerEntry entry = entries.get(id);
    if (entry == null) {
      throw new IllegalStateException("injection " + id + " is not in the ledger");
    }
    return entry;
  }
}
