package org.daysofchaos.core;

/**
 * What to break: one failure on one target. Implementations are immutable records (see the {@code
 * experiments} catalog); how a fault is applied is an injector's business, not the spec's.
 */
public interface FaultSpec {

  /** The scenario's name for the target this fault applies to (a key of {@code targets}). */
  String target();

  /** A one-line, human description for dry runs and journals, e.g. "latency 800ms ±100ms". */
  String describe();
}
