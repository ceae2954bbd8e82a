package org.daysofchaos.core.spi;

import java.util.Optional;

/** A fault that is in effect now. */
public interface Injection {

  /**
   * Ends the fault. Idempotent: reverting twice, or reverting a fault that is already gone, is not
   * an error.
   *
   * @throws Exception if the target could not be restored; the run retries and reports it
   */
  void revert() throws Exception;

  /**
   * Checks on the target itself that the fault is gone, for the verification that follows every
   * revert.
   *
   * @return what is still in effect, or empty when the target is clean
   */
  default Optional<String> residue() throws Exception {
    return Optional.empty();
  }

  /** What is needed to revert this injection from the ledger alone, after a crash. */
  default RevertRecord revertRecord() {
    return RevertRecord.NONE;
  }
}
