package org.daysofchaos.agents.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.daysofchaos.agents.environment.EnvironmentReader;
import org.junit.jupiter.api.Test;

/**
 * The server's Helm chart, linted and rendered by Helm (helm-java), its objects applied to
 * fabric8's mock API server and read back; and the plain manifests of {@code deploy/kubernetes/},
 * which must be what the chart renders with the values written at their top. The RBAC against the
 * calls the faults make: {@link KubernetesScenariosTest}.
 */
@EnableKubernetesMockClient(crud = true)
class HelmChartTest {
  static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes", "days-of-chaos.yaml");

  KubernetesClient client;

  /** The values deploy/kubernetes/days-of-chaos.yaml is rendered with (also written at its top). */
  static HelmChart plain() {
    return new HelmChart()
        .set("database.existingSecret", "days-of-chaos-database")
        .set("metrics.existingSecret", "days-of-chaos-metrics")
        .set("rbac.namespaces[0]", "shop");
  }

  @Test
  void lintsWithoutWarnings() {
    LintResult lint = new Helm(HelmChart.CHART).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void rendersAServerThatRunsAsNonRootOnAReadOnlyRootWithProbesOnTheHealthEndpoints() {
    List<HasMetadata> objects = plain().set("image.tag", "1.2.3").objects();
    objects.forEach(o -> client.resource(o).inNamespace(namespace(o)).create());

    StatefulSet set = statefulSet("chaos-days-of-chaos");
    assertThat(set.getSpec().getReplicas()).isEqualTo(2);
    var pod = set.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("chaos-days-of-chaos");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    Container server = pod.getContainers().get(0);
    assertThat(server.getImage()).isEqualTo("ghcr.io/days-of-chaos/days-of-chaos:1.2.3");
    assertThat(server.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
    assertThat(server.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(server.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
    assertThat(server.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(server.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("CHAOS_NODE_ID");
              assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
            })
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
              assertThat(e.getValueFrom().getSecretKeyRef().getName())
                  .isEqualTo("days-of-chaos-database");
            });
    assertThat(server.getVolumeMounts())
        .extracting(m -> m.getName() + "@" + m.getMountPath())
        .contains("data@/var/lib/chaos", "tmp@/tmp", "environment@/etc/chaos/environment");
    assertThat(pod.getVolumes()).extracting(Volume::getName).contains("data", "tmp", "environment");
    assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals("environment")))
        .allSatisfy(
            v ->
                assertThat(v.getConfigMap().getName())
                    .isEqualTo("chaos-days-of-chaos-environment"));

    assertThat(
            client
                .policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(HelmChart.NAMESPACE)
                .list()
                .getItems())
        .singleElement()
        .satisfies(p -> assertThat(p.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
    assertThat(
            client
                .configMaps()
                .inNamespace(HelmChart.NAMESPACE)
                .withName("chaos-days-of-chaos-environment")
                .get()
                .getData())
        .containsKey("environment.yaml");
  }

  @Test
  void grantsTheFaultsRightsOnlyInTheListedNamespacesUnlessAskedForTheWholeCluster() {
    List<HasMetadata> namespaced =
        plain().set("rbac.namespaces[0]", "shop").set("rbac.namespaces[1]", "payments").objects();
    namespaced.forEach(o -> client.resource(o).inNamespace(namespace(o)).create());
    for (String ns : List.of("shop", "payments")) {
      Role role =
          client.rbac().roles().inNamespace(ns).withName("chaos-days-of-chaos-faults").get();
      assertThat(role).as(ns).isNotNull();
      assertThat(verbs(role.getRules(), "pods")).containsExactlyInAnyOrder("get", "list", "delete");
      assertThat(verbs(role.getRules(), "deployments"))
          .containsExactlyInAnyOrder("get", "list", "update");
      assertThat(
              client
                  .rbac()
                  .roleBindings()
                  .inNamespace(ns)
                  .withName("chaos-days-of-chaos-faults")
                  .get()
                  .getSubjects())
          .singleElement()
          .satisfies(s -> assertThat(s.getNamespace()).isEqualTo(HelmChart.NAMESPACE));
    }
    assertThat(client.rbac().clusterRoles().list().getItems())
        .extracting(r -> r.getMetadata().getName())
        .containsExactly("chaos-days-of-chaos-namespaces");
    assertThat(
            verbs(
                client
                    .rbac()
                    .clusterRoles()
                    .withName("chaos-days-of-chaos-namespaces")
                    .get()
                    .getRules(),
                "namespaces"))
        .containsExactlyInAnyOrder("get", "list");

    List<HasMetadata> wide =
        plain().set("rbac.clusterWide", "true").set("rbac.nodes", "true").objects();
    assertThat(wide).noneMatch(o -> o instanceof Role);
    assertThat(wide)
        .filteredOn(o -> o.getKind().equals("ClusterRole"))
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "chaos-days-of-chaos-namespaces",
            "chaos-days-of-chaos-faults",
            "chaos-days-of-chaos-nodes");
  }

  @Test
  void rendersTheOptionalServiceMonitorAndIngressOnlyWhenAsked() {
    assertThat(plain().objects())
        .extracting(HasMetadata::getKind)
        .doesNotContain("ServiceMonitor", "Ingress");
    List<HasMetadata> all =
        plain()
            .set("metrics.serviceMonitor.enabled", "true")
            .set("ingress.enabled", "true")
            .set("ingress.host", "chaos.preprod.example")
            .objects();
    assertThat(all).extracting(HasMetadata::getKind).contains("ServiceMonitor", "Ingress");
    String yaml = plain().set("metrics.serviceMonitor.enabled", "true").yaml();
    assertThat(yaml).contains("path: /q/metrics", "name: days-of-chaos-metrics");
  }

  @Test
  void aTrialPostgreSqlComesWithTheChartOnlyWhenAskedAndTheServerUsesIt() {
    assertThat(plain().objects())
        .extracting(o -> o.getMetadata().getName())
        .doesNotContain("chaos-days-of-chaos-postgresql");
    assertThatThrownBy(() -> new HelmChart().set("postgresql.enabled", "true").yaml())
        .hasMessageContaining("postgresql.enabled needs database.password");

    List<HasMetadata> trial =
        new HelmChart()
            .set("postgresql.enabled", "true")
            .set("database.password", "trial-only")
            .objects();
    trial.forEach(o -> client.resource(o).inNamespace(namespace(o)).create());

    StatefulSet database = statefulSet("chaos-days-of-chaos-postgresql");
    var container = database.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getEnv())
        .filteredOn(e -> e.getName().equals("POSTGRES_PASSWORD"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("chaos-days-of-chaos-database"));
    assertThat(
            client
                .services()
                .inNamespace(HelmChart.NAMESPACE)
                .withName("chaos-days-of-chaos-postgresql")
                .get())
        .isNotNull();
    StatefulSet server = statefulSet("chaos-days-of-chaos");
    assertThat(server.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .filteredOn(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
        .singleElement()
        .extracting(e -> e.getValue())
        .isEqualTo("jdbc:postgresql://chaos-days-of-chaos-postgresql:5432/chaos");
  }

  @Test
  void theEnvironmentFileOfItsConfigMapIsOneTheServerReads() {
    HelmChart inCluster =
        plain()
            .set("environment.kubernetes.preprod.inCluster", "true")
            .set("environment.kubernetes.preprod.namespaces[0]", "shop");
    for (HelmChart chart : List.of(plain(), inCluster)) {
      ConfigMap map =
          chart.objects().stream()
              .filter(ConfigMap.class::isInstance)
              .map(ConfigMap.class::cast)
              .findFirst()
              .orElseThrow();
      String yaml = map.getData().get("environment.yaml");
      EnvironmentReader.Result read =
          new EnvironmentReader().read("environment.yaml", yaml, Path.of("/etc/chaos/environment"));
      assertThat(read.problems()).as(yaml).isEmpty();
    }
  }

  @Test
  void thePlainManifestsAreWhatTheChartRenders() throws IOException {
    String expected = PlainManifests.HEADER + plain().yaml();
    String actual = Files.readString(MANIFESTS, StandardCharsets.UTF_8);
    if (!actual.equals(expected) && Boolean.getBoolean("chaos.manifests.write")) {
      Files.writeString(MANIFESTS, expected, StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual)
        .as(
            "deploy/kubernetes/days-of-chaos.yaml is stale: rerun this test with"
                + " -Dchaos.manifests.write=true")
        .isEqualTo(expected);
  }

  private static String namespace(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    return ns == null ? HelmChart.NAMESPACE : ns;
  }

  private static List<String> verbs(List<PolicyRule> rules, String resource) {
    return rules.stream()
        .filter(r -> r.getResources().contains(resource))
        .flatMap(r -> r.getVerbs().stream())
        .toList();
  }

  /** The top of deploy/kubernetes/days-of-chaos.yaml. */
  static final class PlainManifests {
    static final String HEADER =
        """
        # Days of Chaos on Kubernetes without Helm: what deploy/helm/days-of-chaos renders with
        #   --name chaos --namespace daysofchaos
        #   --set database.existingSecret=days-of-chaos-database
        #   --set metrics.existingSecret=days-of-chaos-metrics
        #   --set rbac.namespaces[0]=shop
        # (HelmChartTest checks that it is.) Before applying it: create the namespace, the two
        # Secrets (keys "password" and "token") and edit the environment file's ConfigMap, the
        # database URL and the targeted namespaces (the Role and RoleBinding in "shop").
        # docs/kubernetes-deploy.md.
        """;

    private PlainManifests() {}
  }

  private StatefulSet statefulSet(String name) {
    return client.apps().statefulSets().inNamespace(HelmChart.NAMESPACE).withName(name).get();
  }
}
