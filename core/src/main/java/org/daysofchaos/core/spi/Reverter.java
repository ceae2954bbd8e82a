package org.daysofchaos.core.spi;

/**
 * Reverts injections of one backend from their {@link RevertRecord} alone: after a crash, on a
 * cluster take-over or a clean-up, when the process that injected is gone. A revert must be
 * idempotent and harmless when the fault never took effect.
 */
public interface Reverter {

  /** The name revert records of this backend carry, e.g. {@code toxiproxy}. */
  String backend();

  /**
   * @throws Exception when the target could not be restored; the entry stays open and is tried
   *     again
   */
  void revert(RevertRecord record) throws Exception;
}
