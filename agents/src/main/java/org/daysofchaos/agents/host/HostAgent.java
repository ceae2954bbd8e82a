package org.daysofchaos.agents.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.ledger.FileLedger;
import org.daysofchaos.core.ledger.LedgerEntry;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Registrations;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.host.AgentTarget;

/**
 * The agent's faults on its host: applied on the server's orders within the allow-list, each
 * written to the ledger before anything changes, each under a lease. What a previous run left open
 * in the ledger is reverted by {@link #recover()} before anything new is accepted; a fault whose
 * lease passes is reverted by {@link #expire()} (the dead man's switch). Thread-safe: one lock for
 * the whole, since faults are few and a revert must not race an apply.
 */
public final class HostAgent implements AutoCloseable {
  /** The ledger's file in the agent's folder. */
  public static final String LEDGER = "ledger.jsonl";

  private static final Pattern INJECTION_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private final AgentConfig config;
  private final Clock clock;
  private final FileLedger ledger;
  private final Map<Class<?>, HostInjector<?>> injectors = new LinkedHashMap<>();
  private final Map<String, Injection> active = new LinkedHashMap<>();
  private final Leases leases;

  private HostAgent(AgentConfig config, Clock clock, FileLedger ledger) {
    this.config = config;
    this.clock = clock;
    this.ledger = ledger;
    this.leases = new Leases(clock);
    HostContext context = new HostContext(config);
    for (HostInjector<?> injector :
        Registrations.instances(HostInjector.class, HostContext.class, context)) {
      injectors.put(injector.faultType(), injector);
    }
  }

  /**
   * Opens the agent's folder (created 0700 if missing) and its ledger. Call {@link #recover()}
   * next, before accepting orders.
   */
  public static HostAgent open(AgentConfig config, Clock clock) throws IOException {
    Files.createDirectories(config.state());
    // The ledger and the copies of changed files are the host's business only.
    Files.setPosixFilePermissions(config.state(), PosixFilePermissions.fromString("rwx------"));
    return new HostAgent(config, clock, FileLedger.open(config.state().resolve(LEDGER)));
  }

  public AgentConfig config() {
    return config;
  }

  /**
   * The kinds this agent can apply on this host, by name, each with why it cannot when it cannot
   * (empty when it can): what the agent reports at start, for the server's pre-flight.
   */
  public synchronized Map<String, Optional<String>> capabilities() {
    Map<String, Optional<String>> kinds = new TreeMap<>();
    injectors.forEach(
        (type, injector) -> kinds.put(KindCatalog.kindName(type), injector.unavailable()));
    return kinds;
  }

  /**
   * Reverts every fault the ledger holds open (a previous run that died), before anything else.
   *
   * @return one outcome per open entry; a failed one stays open in the ledger
   */
  public synchronized List<Outcome> recover() {
    List<Outcome> outcomes = new ArrayList<>();
    for (LedgerEntry entry : ledger.open()) {
      if (!active.containsKey(entry.injectionId())) {
        outcomes.add(revertRecorded(entry.injectionId(), entry.revertRecord()));
      }
    }
    return outcomes;
  }

  /** Applies an order: refused, failed (nothing left changed) or applied under its lease. */
  public synchronized Outcome apply(Order order) {
    String id = order.injectionId();
    if (active.containsKey(id)) {
      return new Outcome(id, Outcome.Status.APPLIED, "already applied");
    }
    if (!INJECTION_ID.matcher(id).matches()) {
      // It names files and processes on this host: nothing but a plain name.
      return refused(id, "the injection id is not a plain name ([A-Za-z0-9_-][A-Za-z0-9._-]*)");
    }
    HostInjector<?> injector = injectors.get(order.fault().getClass());
    String kind = KindCatalog.kindOf(order.fault());
    if (injector == null) {
      return refused(id, "agent " + config.name() + " cannot apply " + kind);
    }
    Optional<String> unavailable = injector.unavailable();
    if (unavailable.isPresent()) {
      return refused(
          id, "agent " + config.name() + " cannot apply " + kind + ": " + unavailable.get());
    }
    Target target = new Target(order.target(), new AgentTarget(order.agent()));
    Duration lease = order.lease().compareTo(config.lease()) < 0 ? order.lease() : config.lease();
    InjectionContext context = new InjectionContext(order.runId(), id, clock.instant().plus(lease));
    return applyWith(injector, order, target, context, lease);
  }

  private <F extends FaultSpec> Outcome applyWith(
      HostInjector<F> injector,
      Order order,
      Target target,
      InjectionContext context,
      Duration lease) {
    String id = order.injectionId();
    F fault = injector.faultType().cast(order.fault());
    RevertRecord planned;
    try {
      new HostContext(config).requireSelf(target);
      planned = injector.plannedRecord(fault, target, context);
    } catch (TargetRefusedException e) {
      return refused(id, e.getMessage());
    } catch (RuntimeException e) {
      return new Outcome(id, Outcome.Status.FAILED, "cannot plan " + describe(order) + ": " + e);
    }
    ledger.intend(entry(order, target, planned, context.expiresAt()));
    Injection injection;
    try {
      injection = injector.inject(fault, target, context);
    } catch (Exception e) {
      undo(id, planned);
      if (e instanceof TargetRefusedException) {
        return refused(id, e.getMessage());
      }
      return new Outcome(id, Outcome.Status.FAILED, describe(order) + " failed: " + message(e));
    }
    ledger.activate(id, injection.revertRecord(), clock.instant());
    active.put(id, injection);
    leases.grant(id, lease);
    return new Outcome(id, Outcome.Status.APPLIED, describe(order) + ", lease " + lease);
  }

  /** A failed apply: whatever the plan says may have changed is put back. */
  private void undo(String id, RevertRecord planned) {
    Outcome undone = revertRecorded(id, planned);
    if (!undone.ok()) {
      return; // the entry stays open: the next start tries again
    }
    ledger.close(id, LedgerEntry.State.FAILED, clock.instant());
  }

  /** Extends the leases of these faults (the server still wants them). */
  public synchronized void renew(Collection<String> ids) {
    leases.renew(ids);
  }

  /** Reverts one fault, checked on the host. Reverting an unknown or reverted fault is a no-op. */
  public synchronized Outcome revert(String id) {
    Injection injection = active.get(id);
    if (injection == null) {
      return new Outcome(id, Outcome.Status.REVERTED, "not active");
    }
    Outcome outcome = revertRecorded(id, injection.revertRecord());
    if (outcome.ok()) {
      active.remove(id);
      leases.release(id);
    }
    return outcome;
  }

  /** The dead man's switch: reverts every fault whose lease has passed. */
  public synchronized List<Outcome> expire() {
    List<Outcome> outcomes = new ArrayList<>();
    for (String id : leases.expired()) {
      outcomes.add(revert(id));
    }
    return outcomes;
  }

  /** Reverts every active fault (halt-all, shutdown, the server lost). */
  public synchronized List<Outcome> revertAll() {
    List<Outcome> outcomes = new ArrayList<>();
    for (String id : List.copyOf(active.keySet())) {
      outcomes.add(revert(id));
    }
    return outcomes;
  }

  /** The ids of the faults in effect. */
  public synchronized List<String> active() {
    return List.copyOf(active.keySet());
  }

  /** When the first lease passes, if a fault is active: when to call {@link #expire()} next. */
  public synchronized Optional<Instant> nextExpiry() {
    return leases.next();
  }

  private Outcome revertRecorded(String id, RevertRecord record) {
    Instant at = clock.instant();
    if (record.isEmpty()) {
      ledger.close(id, LedgerEntry.State.REVERTED, at);
      return new Outcome(id, Outcome.Status.REVERTED, "nothing to revert");
    }
    HostInjector<?> injector = byKind(record.data().get("kind"));
    if (injector == null || !HostInjector.BACKEND.equals(record.backend())) {
      return new Outcome(
          id,
          Outcome.Status.REVERT_FAILED,
          "no injector of this agent reverts "
              + record.backend()
              + " "
              + record.data().get("kind"));
    }
    try {
      injector.revert(record);
      Optional<String> residue = injector.residue(record);
      if (residue.isPresent()) {
        return new Outcome(id, Outcome.Status.REVERT_FAILED, "still in effect: " + residue.get());
      }
    } catch (Exception e) {
      return new Outcome(id, Outcome.Status.REVERT_FAILED, "revert failed: " + message(e));
    }
    ledger.close(id, LedgerEntry.State.REVERTED, clock.instant());
    return new Outcome(id, Outcome.Status.REVERTED, "reverted " + record.data().get("kind"));
  }

  private HostInjector<?> byKind(String kind) {
    for (HostInjector<?> injector : injectors.values()) {
      if (KindCatalog.kindName(injector.faultType()).equals(kind)) {
        return injector;
      }
    }
    return null;
  }

  private LedgerEntry entry(Order order, Target target, RevertRecord planned, Instant expiresAt) {
    return new LedgerEntry(
        order.injectionId(),
        order.runId() == null ? "" : order.runId(),
        order.scenarioId() == null ? "" : order.scenarioId(),
        KindCatalog.kindOf(order.fault()),
        target.describe(),
        order.fault().describe(),
        LedgerEntry.State.INTENDED,
        planned,
        expiresAt,
        clock.instant());
  }

  private Outcome refused(String id, String reason) {
    return new Outcome(id, Outcome.Status.REFUSED, reason);
  }

  private static String describe(Order order) {
    return KindCatalog.kindOf(order.fault()) + " (" + order.fault().describe() + ")";
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Reverts every active fault and closes the ledger. */
  @Override
  public synchronized void close() throws IOException {
    revertAll();
    ledger.close();
  }
}
