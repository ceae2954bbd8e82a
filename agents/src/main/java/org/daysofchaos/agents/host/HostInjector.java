package org.daysofchaos.agents.host;

import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.RevertRecord;

/**
 * An injector of one host fault kind, run by the agent on its own host. Every class that implements
 * it is one kind's injector, registered with {@code @AutoService(HostInjector.class)} and built by
 * {@link HostAgent} with a public constructor taking {@link HostContext}.
 *
 * <p>Its revert records name the backend {@value #BACKEND} and carry the kind under {@code kind},
 * so that the agent finds the injector that reverts a ledger entry. Reverting from the record alone
 * must be idempotent and harmless when the fault never took effect: the agent does it after a
 * crash, and the in-memory injection does the same.
 */
public interface HostInjector<F extends FaultSpec> extends FaultInjector<F> {
  /** The backend name of host revert records. */
  String BACKEND = "host";

  /** Reverts from the record alone. */
  void revert(RevertRecord record) throws Exception;

  /** What is still different after a revert, checked on the host; empty when it is clean. */
  Optional<String> residue(RevertRecord record) throws Exception;

  /**
   * Why this host cannot apply this kind at all (a missing tool or privilege), reported at start so
   * that a scenario needing it fails pre-flight; empty when it can.
   */
  default Optional<String> unavailable() {
    return Optional.empty();
  }
}
