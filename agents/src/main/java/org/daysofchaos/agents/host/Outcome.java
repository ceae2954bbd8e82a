package org.daysofchaos.agents.host;

/**
 * What became of an order or a revert, as the agent reports it to the server.
 *
 * @param message what happened, fit for the incident's journal: the refusal's reason, the error, or
 *     what is still in effect after a revert
 */
public record Outcome(String injectionId, Status status, String message) {
  /** How an order or a revert ended. */
  public enum Status {
    /** The fault is in effect, under its lease. */
    APPLIED,
    /** The host does not allow it; nothing was changed. */
    REFUSED,
    /** Applying failed; what had changed was reverted. */
    FAILED,
    /** The fault is gone, checked on the host. */
    REVERTED,
    /** The revert failed or left something behind; the ledger keeps the entry open. */
    REVERT_FAILED
  }

  public boolean ok() {
    return status == Status.APPLIED || status == Status.REVERTED;
  }
}
