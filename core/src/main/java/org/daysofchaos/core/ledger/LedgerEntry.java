package org.daysofchaos.core.ledger;

import java.time.Instant;
import java.util.Objects;
import org.daysofchaos.core.spi.RevertRecord;

/**
 * One injection as the ledger knows it.
 *
 * @param injectionId unique name of the injection; also the name our changes carry on the target
 *     (toxic names, annotations) so they can be found after a crash
 * @param kind the fault kind, e.g. {@code network/latency}
 * @param target the target as described in the scenario, e.g. "proxy payment"
 * @param revertRecord what an injector needs to revert it without the process that applied it
 * @param expiresAt when the fault must be gone at the latest
 */
public record LedgerEntry(
    String injectionId,
    String runId,
    String scenarioId,
    String kind,
    String target,
    String description,
    State state,
    RevertRecord revertRecord,
    Instant expiresAt,
    Instant updatedAt) {

  /** Where an injection is in its life. */
  public enum State {
    /** Written before the injector was called: it may or may not have taken effect. */
    INTENDED,
    ACTIVE,
    REVERTED,
    /** The injector failed; it reported having cleaned up after itself. */
    FAILED
  }

  public LedgerEntry {
    Objects.requireNonNull(revertRecord, "revertRecord");
  }

  /** The backend whose reverter reverts this entry (empty when there is nothing to revert). */
  public String backend() {
    return revertRecord.backend();
  }

  public LedgerEntry with(State newState, RevertRecord record, Instant at) {
    return new LedgerEntry(
        injectionId, runId, scenarioId, kind, target, description, newState, record, expiresAt, at);
  }

  /** Whether the injection may still be in effect. */
  public boolean open() {
    return state == State.INTENDED || state == State.ACTIVE;
  }
}
