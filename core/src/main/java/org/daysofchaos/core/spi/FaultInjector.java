package org.daysofchaos.core.spi;

import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;

/**
 * Applies one kind of fault to real infrastructure: the kind is the record it is typed with, and
 * {@link #faultType()} names it, so that {@link Injectors} can hold injectors by kind without
 * anyone dispatching on the fault's class.
 *
 * <p>An injector must either apply the fault completely and return an {@link Injection}, or throw
 * having left the target as it found it: never a half-applied fault. It must refuse targets that
 * are not allow-listed, with an exception naming the target and the rule.
 */
public interface FaultInjector<F extends FaultSpec> {

  /** The record of the kind this injector applies. */
  Class<F> faultType();

  Injection inject(F fault, Target target, InjectionContext context) throws Exception;

  /**
   * For the dry run: checks that the target is allowed and reachable, without changing it, and
   * describes its current state ("enabled, toxics: none", "running, pid 4242").
   *
   * @throws Exception with the reason when the target would be refused or cannot be reached
   */
  default String inspect(Target target) throws Exception {
    return "not inspected";
  }

  /**
   * What would be needed to revert this fault, known before it is applied: written with the intent
   * in the ledger, so that a crash between the change and the ledger's "active" mark still leaves
   * enough to revert it. Reverting from it must be harmless when the fault never took effect.
   */
  default RevertRecord plannedRecord(F fault, Target target, InjectionContext context) {
    return RevertRecord.NONE;
  }

  /** The injecting half of an injector, for one written as a lambda. */
  @FunctionalInterface
  interface Apply<F extends FaultSpec> {
    Injection inject(F fault, Target target, InjectionContext context) throws Exception;
  }

  /** An injector of one kind from a function: for tests and small adapters. */
  static <F extends FaultSpec> FaultInjector<F> of(Class<F> type, Apply<F> apply) {
    return new FaultInjector<>() {
      @Override
      public Class<F> faultType() {
        return type;
      }

      @Override
      public Injection inject(F fault, Target target, InjectionContext context) throws Exception {
        return apply.inject(fault, target, context);
      }
    };
  }
}
