package org.daysofchaos.experiments;

import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.experiments.faults.NetworkBandwidth;
import org.daysofchaos.experiments.faults.NetworkDown;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.faults.NetworkLimitData;
import org.daysofchaos.experiments.faults.NetworkResetPeer;
import org.daysofchaos.experiments.faults.NetworkSlicer;
import org.daysofchaos.experiments.faults.NetworkSlowClose;
import org.daysofchaos.experiments.faults.NetworkTimeout;
import org.daysofchaos.experiments.faults.ProcessKill;
import org.daysofchaos.experiments.faults.ProcessPause;
import org.daysofchaos.experiments.kubernetes.AvailableReplicas;
import org.daysofchaos.experiments.kubernetes.ConfigChange;
import org.daysofchaos.experiments.kubernetes.EnvChange;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.daysofchaos.experiments.kubernetes.PodsReady;
import org.daysofchaos.experiments.kubernetes.Restarts;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.daysofchaos.experiments.probes.HttpStatus;
import org.daysofchaos.experiments.probes.MetricThreshold;
import org.daysofchaos.experiments.probes.ProxyState;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.daysofchaos.experiments.targets.ProxyTarget;

/** Every kind that scenario files may use: targets, faults and probes. */
public final class Catalog {
  private static final KindCatalog STANDARD =
      KindCatalog.of(
          ProxyTarget.class,
          ProcessTarget.class,
          KubernetesTarget.class,
          NetworkLatency.class,
          NetworkDown.class,
          NetworkResetPeer.class,
          NetworkBandwidth.class,
          NetworkTimeout.class,
          NetworkSlowClose.class,
          NetworkSlicer.class,
          NetworkLimitData.class,
          ProcessPause.class,
          ProcessKill.class,
          PodKill.class,
          Scale.class,
          RolloutRestart.class,
          Partition.class,
          NodeCordon.class,
          ConfigChange.class,
          EnvChange.class,
          HttpStatus.class,
          MetricThreshold.class,
          ProxyState.class,
          PodsReady.class,
          AvailableReplicas.class,
          Restarts.class);

  private Catalog() {}

  public static KindCatalog standard() {
    return STANDARD;
  }
}
