package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.RevertRecord;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the Kubernetes fault tests share: fabric8's mock API server in CRUD mode with the
 * {@link Cluster#standard()} namespaces and nodes, and the backend every kind's injector is built
 * with, on a clock fixed at {@link Cluster#NOW} and a seeded randomness.
 */
@EnableKubernetesMockClient(crud = true)
abstract class MockClusterFixture {
  KubernetesClient client;
  KubernetesMockServer server;
  Cluster cluster;
  KubernetesBackend kubernetes;
  private Injectors injectors;

  @BeforeEach
  void startCluster() {
    cluster = new Cluster(client, server).standard();
    kubernetes = new KubernetesBackend(client, Clock.fixed(Cluster.NOW, ZoneOffset.UTC), random());
    injectors = Injectors.of(kubernetes.injectors());
  }

  /** The randomness that picks the pods a pod kill takes. */
  Random random() {
    return new Random(1);
  }

  /** The record an injector plans before it changes anything (written with the intent). */
  @SuppressWarnings("unchecked")
  final <F extends FaultSpec> RevertRecord planned(
      F fault, Target target, InjectionContext context) {
    return ((KubernetesFaultInjector<F>) injectors.require(fault))
        .plannedRecord(fault, target, context);
  }

  /** Injects a fault of any Kubernetes kind with the injector of its kind. */
  @SuppressWarnings("unchecked")
  final <F extends FaultSpec> Injection inject(F fault, Target target, InjectionContext context) {
    return ((KubernetesFaultInjector<F>) injectors.require(fault)).inject(fault, target, context);
  }
}
