package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.core.spi.Reverter;

/**
 * Reverts a Kubernetes fault from its ledger record alone (after a crash). Only an object that
 * still carries this injection's annotation is touched, so reverting twice, or after someone else
 * reverted, is harmless. Without a client it connects through the default kubeconfig (its current
 * context) on the first record that needs the cluster, and closes that connection when closed.
 */
public final class KubernetesReverter implements Reverter, AutoCloseable {
  /** The backend name of the records of this package's injections. */
  public static final String BACKEND = "kubernetes";

  private final KubernetesClient given;
  private KubernetesClient connected;

  /** Reverts through this client; closing the reverter leaves it open. */
  public KubernetesReverter(KubernetesClient client) {
    this.given = client;
  }

  /** Reverts through the default kubeconfig, connected only if a record needs it. */
  public static KubernetesReverter onDefaultKubeconfig() {
    return new KubernetesReverter(null);
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
    if (Reverts.POD_KILL.equals(data.get(Mark.MARKER))) {
      return; // nothing to put back, on whichever cluster it was
    }
    KubernetesClient client = client();
    String cluster = data.get(Mark.CLUSTER);
    if (cluster != null && !cluster.equals(KubernetesClients.cluster(client))) {
      throw new IllegalStateException(
          "the injection "
              + data.get("injection")
              + " was made on the cluster at "
              + cluster
              + ", but the client points at "
              + KubernetesClients.cluster(client)
              + "; use the kubeconfig context of that cluster");
    }
    Reverts.revert(client, Mark.fromRecord(data));
  }

  private synchronized KubernetesClient client() {
    if (given != null) {
      return given;
    }
    if (connected == null) {
      connected = KubernetesClients.connect(Optional.empty(), Optional.empty());
    }
    return connected;
  }

  @Override
  public synchronized void close() {
    if (connected != null) {
      connected.close();
      connected = null;
    }
  }
}
