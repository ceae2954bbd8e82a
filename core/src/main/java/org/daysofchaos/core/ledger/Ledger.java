package org.daysofchaos.core.ledger;

import java.time.Instant;
import java.util.List;
import org.daysofchaos.core.spi.RevertRecord;

/** Durable memory of injections. Implementations must persist each call before returning. */
public interface Ledger {

  /** Records the intent to inject, before anything touches the target. */
  void intend(LedgerEntry entry);

  /** Marks an injection as in effect, with what is needed to revert it. */
  void activate(String injectionId, RevertRecord revertRecord, Instant at);

  /** Marks an injection as reverted (or failed and cleaned up). */
  void close(String injectionId, LedgerEntry.State finalState, Instant at);

  /** Every injection that may still be in effect (intended or active), oldest first. */
  List<LedgerEntry> open();
}
