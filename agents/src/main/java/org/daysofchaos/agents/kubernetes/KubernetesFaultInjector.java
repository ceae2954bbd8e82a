package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.TargetKinds;
import org.daysofchaos.core.spi.TargetRefusedException;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/**
 * What every Kubernetes fault kind shares: the target's place in the cluster, checked against the
 * resources the kind accepts; the {@link Mark} that every changed object carries; the injection
 * whose revert and check work from that mark alone; and the dry run. A kind says how it changes the
 * cluster, how it puts it back and what it checks afterwards, each from the mark.
 *
 * <p>Every injection first runs the {@link Guard}, which only reads: the namespace (or node) must
 * carry {@code daysofchaos.org/allow-chaos=true}, and the pods the fault would touch must not
 * exceed its {@code maxPods}. Only then does it change anything, in one write per object where it
 * can, with the object's resourceVersion (a concurrent change fails the write instead of being
 * lost). A revert only touches an object that still carries this very injection, so it is
 * idempotent and never undoes someone else's change.
 *
 * <p>Each kind is one public class with a public constructor taking the {@link KubernetesBackend};
 * the backend builds one of each.
 */
public abstract class KubernetesFaultInjector<F extends FaultSpec> implements FaultInjector<F> {
  private final Class<F> type;
  private final KubernetesBackend backend;

  protected KubernetesFaultInjector(Class<F> type, KubernetesBackend backend) {
    this.type = type;
    this.backend = backend;
  }

  @Override
  public final Class<F> faultType() {
    return type;
  }

  /** The kind's name, e.g. {@code kubernetes/scale}, as marks and refusals name it. */
  public final String kind() {
    return KindCatalog.kindName(type);
  }

  @Override
  public final Injection inject(F fault, Target target, InjectionContext context) {
    KubernetesTarget where = where(target);
    backend.requireCluster(target, where.cluster());
    where.namespace().ifPresent(ns -> backend.requireListed(target, ns));
    Mark mark = apply(fault, target, where, context);
    return new MarkedInjection(this, mark, KubernetesClients.cluster(client()));
  }

  /**
   * Before the change: a record that finds, by its injection id, whatever this injection marked. A
   * server killed between the cluster's change and the ledger's "active" mark still reverts it;
   * when the change never happened, nothing carries the id and the revert does nothing.
   */
  @Override
  public final RevertRecord plannedRecord(F fault, Target target, InjectionContext context) {
    if (leavesNothingToRevert()) {
      return RevertRecord.NONE;
    }
    // A target the guard refuses gets no record (the injection then fails with the reason).
    KubernetesTarget where = where(target);
    backend.requireCluster(target, where.cluster());
    where.namespace().ifPresent(ns -> backend.requireListed(target, ns));
    return new RevertRecord(
        KubernetesReverter.BACKEND,
        Map.of(
            KubernetesReverter.PLANNED,
            context.injectionId(),
            Mark.CLUSTER,
            KubernetesClients.cluster(client())));
  }

  /**
   * Checks the guard, changes the cluster and marks what it changed.
   *
   * @return the mark of the change, which is all a revert needs
   */
  abstract Mark apply(F fault, Target target, KubernetesTarget where, InjectionContext context);

  /** Puts back what the mark says, if the object still carries this injection. */
  abstract void revert(Mark mark);

  /** What is still in effect, or empty when the object is back as it was. */
  abstract Optional<String> residue(Mark mark);

  /**
   * The record keys of the original values this kind keeps in its mark, each with the annotation
   * that holds it on the object.
   */
  Map<String, String> originals() {
    return Map.of();
  }

  /** Whether a revert of this kind never has anything to put back (killed pods are gone). */
  boolean leavesNothingToRevert() {
    return false;
  }

  /**
   * Checks the guard and describes the target as it is now, with its pods' recent restarts and
   * warning events; changes nothing.
   */
  @Override
  public final String inspect(Target target) {
    KubernetesTarget where = TargetKinds.require(target, KubernetesTarget.class);
    backend.requireCluster(target, where.cluster());
    where.namespace().ifPresent(ns -> backend.requireListed(target, ns));
    return Inspection.describe(client(), backend.clock(), target, backend::allowedNamespaces);
  }

  // --- for the kinds ----------------------------------------------------------------------------

  final KubernetesClient client() {
    return backend.client();
  }

  final KubernetesBackend backend() {
    return backend;
  }

  final Mark mark(
      String resource,
      String namespace,
      String name,
      InjectionContext context,
      Map<String, String> originals) {
    return Mark.of(kind(), resource, namespace, name, context, originals);
  }

  /** Writes the mark's label and annotations onto an object (in memory; the caller sends it). */
  final void markOn(Mark mark, ObjectMeta meta) {
    mark.applyTo(meta, originals());
  }

  /** Removes the mark's label and annotations from an object (in memory). */
  final void unmark(ObjectMeta meta) {
    Mark.stripFrom(meta, originals().values());
  }

  static String namespace(KubernetesTarget where) {
    return where.namespace().orElseThrow();
  }

  /** The pods a target stands for: its selector, or its workload's. */
  final LabelSelector selector(Target target, KubernetesTarget where) {
    if (where.resource() == Resource.PODS) {
      return new LabelSelectorBuilder().withMatchLabels(where.selector()).build();
    }
    return Workload.require(client(), target, where.resource(), namespace(where), where.name())
        .selector();
  }

  /** The target's place in the cluster, checked against what the kind accepts. */
  private KubernetesTarget where(Target target) {
    KubernetesTarget where = TargetKinds.require(target, KubernetesTarget.class);
    if (where.mismatch(type).isPresent()) {
      throw new TargetRefusedException(
          "target "
              + target.name()
              + ": "
              + KindCatalog.kindName(type)
              + " cannot act on "
              + where.describeObject());
    }
    return where;
  }
}
