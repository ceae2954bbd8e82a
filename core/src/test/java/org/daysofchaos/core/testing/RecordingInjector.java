package org.daysofchaos.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;

/**
 * An injector that records what is active, and can be told to fail on injection, on revert, or to
 * leave a residue that verification must catch.
 */
public final class RecordingInjector implements FaultInjector<TestFault> {
  private final List<String> active = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final AtomicInteger revertFailuresLeft = new AtomicInteger();
  private String failOnInjectOf;
  private boolean leaveResidue;
  private Consumer<InjectionContext> beforeInject = ctx -> {};

  /** Injecting a fault with this name throws. */
  public RecordingInjector failInjecting(String faultName) {
    this.failOnInjectOf = faultName;
    return this;
  }

  /** The next {@code n} reverts throw. */
  public RecordingInjector failReverting(int n) {
    revertFailuresLeft.set(n);
    return this;
  }

  /** Reverts report success but leave the fault in place. */
  public RecordingInjector leaveResidue() {
    this.leaveResidue = true;
    return this;
  }

  /** Runs before each injection, e.g. to look at the ledger. */
  public RecordingInjector beforeInject(Consumer<InjectionContext> hook) {
    this.beforeInject = hook;
    return this;
  }

  @Override
  public Class<TestFault> faultType() {
    return TestFault.class;
  }

  @Override
  public synchronized Injection inject(TestFault fault, Target target, InjectionContext context) {
    beforeInject.accept(context);
    if (fault.name().equals(failOnInjectOf)) {
      log.add("inject-failed " + context.injectionId());
      throw new IllegalStateException("injector refused " + fault.name());
    }
    String id = context.injectionId();
    active.add(id);
    log.add("inject " + id);
    return new Injection() {
      @Override
      public void revert() {
        synchronized (RecordingInjector.this) {
          log.add("revert " + id);
          if (revertFailuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("revert of " + id + " failed");
          }
          if (!leaveResidue) {
            active.remove(id);
          }
        }
      }

      @Override
      public Optional<String> residue() {
        synchronized (RecordingInjector.this) {
          return active.contains(id) ? Optional.of(id + " is still active") : Optional.empty();
        }
      }

      @Override
      public RevertRecord revertRecord() {
        return new RevertRecord("test", Map.of("id", id));
      }
    };
  }

  /** Plans the same record its injections carry, as a real injector does. */
  @Override
  public RevertRecord plannedRecord(TestFault fault, Target target, InjectionContext context) {
    return new RevertRecord("test", Map.of("id", context.injectionId()));
  }

  public synchronized List<String> active() {
    return List.copyOf(active);
  }

  public synchronized List<String> log() {
    return List.copyOf(log);
  }
}
