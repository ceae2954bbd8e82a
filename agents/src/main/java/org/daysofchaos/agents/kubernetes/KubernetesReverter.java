package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Reverter;

/**
 * Reverts a Kubernetes fault from its ledger record alone (after a crash), by the kind that made
 * it. Only an object that still carries this injection's annotation is touched, so reverting twice,
 * or after someone else reverted, is harmless. Without a client it connects through the default
 * kubeconfig (its current context) on the first record that needs the cluster, and closes that
 * connection when closed.
 */
public final class KubernetesReverter implements Reverter, AutoCloseable {
  /** The backend name of the records of this package's injections. */
  public static final String BACKEND = "kubernetes";

  /**
   * The key of a planned record (written before the change): the injection whose marks to revert,
   * found on the objects themselves.
   */
  static final String PLANNED = "plannedInjection";

  private final KubernetesBackend backend;
  private final boolean owned;

  /** Reverts through this client; closing the reverter leaves it open. */
  public KubernetesReverter(KubernetesClient client) {
    this(KubernetesBackend.connectingOnFirstUse(() -> client), false);
  }

  private KubernetesReverter(KubernetesBackend backend, boolean owned) {
    this.backend = backend;
    this.owned = owned;
  }

  /** Reverts through the default kubeconfig, connected only if a record needs it. */
  public static KubernetesReverter onDefaultKubeconfig() {
    return connectingTo(() -> KubernetesClients.connect(Optional.empty(), Optional.empty()));
  }

  /**
   * Reverts through a client that {@code connect} makes only if a record needs it; closing the
   * reverter closes that client.
   */
  public static KubernetesReverter connectingTo(Supplier<KubernetesClient> connect) {
    return new KubernetesReverter(KubernetesBackend.connectingOnFirstUse(connect), true);
  }

  @Override
  public String backend() {
    return BACKEND;
  }

  /**
   * @throws IllegalStateException when the record is for another cluster than the client's
   */
  @Override
  public void revert(RevertRecord record) {
    Map<String, String> data = record.data();
    if (data.containsKey(PLANNED)) {
      requireSameCluster(data, data.get(PLANNED));
      new KubernetesCleanup(backend.client(), backend.clock()).revertInjection(data.get(PLANNED));
      return;
    }
    Mark mark = Mark.fromRecord(data);
    KubernetesFaultInjector<?> kind = backend.kindOf(mark);
    if (kind.leavesNothingToRevert()) {
      return; // on whichever cluster it was
    }
    requireSameCluster(data, mark.injection());
    kind.revert(mark);
  }

  private void requireSameCluster(Map<String, String> data, String injection) {
    String cluster = data.get(Mark.CLUSTER);
    String ours = KubernetesClients.cluster(backend.client());
    if (cluster != null && !cluster.equals(ours)) {
      throw new IllegalStateException(
          "the injection "
              + injection
              + " was made on the cluster at "
              + cluster
              + ", but the client points at "
              + ours
              + "; use the kubeconfig context of that cluster");
    }
  }

  @Override
  public void close() {
    if (owned) {
      backend.clientIfConnected().ifPresent(KubernetesClient::close);
    }
  }
}
