package org.daysofchaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.core.scenario.ScenarioSchema;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;
import org.daysofchaos.experiments.kubernetes.Resources;
import org.daysofchaos.experiments.probes.HttpStatus;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.daysofchaos.experiments.targets.ProxyTarget;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes targets in scenario files: what reads, what is refused, and where (moved from core
 * with the Kubernetes target kind).
 */
class KubernetesTargetsTest {

  @Kind(value = "k8s/shrink", targets = KubernetesTarget.class, doc = "Shrinks a workload.")
  @Resources({Resource.DEPLOYMENT, Resource.STATEFULSET})
  record Shrink(String target) implements FaultSpec {
    @Override
    public String describe() {
      return "shrink";
    }
  }

  @Kind(value = "k8s/anything", targets = KubernetesTarget.class, doc = "Any Kubernetes target.")
  record Anything(String target) implements FaultSpec {
    @Override
    public String describe() {
      return "anything";
    }
  }

  private static final KindCatalog CATALOG =
      KindCatalog.of(
          ProxyTarget.class,
          ProcessTarget.class,
          KubernetesTarget.class,
          Shrink.class,
          Anything.class,
          NetworkLatency.class,
          HttpStatus.class);
  private static final ScenarioReader READER = new ScenarioReader(CATALOG);

  private static String scenario(String target, String kind) {
    return """
        id: test/kubernetes
        title: Kubernetes
        targets:
          it: %s
        faults:
          - kind: %s
            target: it
        steadyState:
          - kind: http/status
            url: http://localhost/health
        """
        .formatted(target, kind);
  }

  private static Target read(String target) {
    ReadResult result = READER.read("s.yaml", scenario(target, "k8s/anything"));
    assertThat(result.problems()).isEmpty();
    return result.scenarios().get(0).targets().get("it");
  }

  private static List<String> problems(String target, String kind) {
    return READER.read("s.yaml", scenario(target, kind)).problems().stream()
        .map(Problem::toString)
        .toList();
  }

  @Test
  void readsPodsBySelectorInTheOrderWritten() {
    Target target =
        read("{ kubernetes: { namespace: shop, selector: { app: checkout, tier: web } } }");

    assertThat(target.spec(KubernetesTarget.class))
        .contains(KubernetesTarget.pods("shop", Map.of("app", "checkout", "tier", "web")));
    assertThat(((KubernetesTarget) target.spec()).ref()).isEqualTo("app=checkout,tier=web");
    assertThat(target.describe())
        .isEqualTo("kubernetes pods app=checkout,tier=web in namespace shop");
  }

  @Test
  void readsEveryKindOfKubernetesObject() {
    assertThat(read("{ kubernetes: { namespace: shop, deployment: checkout } }"))
        .isEqualTo(new Target("it", KubernetesTarget.deployment("shop", "checkout")));
    assertThat(read("{ kubernetes: { namespace: shop, statefulset: db } }"))
        .isEqualTo(new Target("it", KubernetesTarget.statefulSet("shop", "db")));
    assertThat(read("{ kubernetes: { namespace: shop, configMap: checkout-config } }"))
        .isEqualTo(new Target("it", KubernetesTarget.configMap("shop", "checkout-config")));
    Target node = read("{ kubernetes: { node: worker-1 } }");
    assertThat(node).isEqualTo(new Target("it", KubernetesTarget.node("worker-1")));
    assertThat(node.describe()).isEqualTo("kubernetes node worker-1");
  }

  @Test
  void aWorkloadTargetNeedsItsNamespace() {
    assertThat(problems("{ kubernetes: { deployment: checkout } }", "k8s/anything"))
        .containsExactly(
            "s.yaml:4:21: targets.it.kubernetes.namespace: is missing; a deployment target needs"
                + " the namespace it is in");
  }

  @Test
  void aNodeHasNoNamespace() {
    assertThat(problems("{ kubernetes: { namespace: shop, node: worker-1 } }", "k8s/anything"))
        .containsExactly(
            "s.yaml:4:23: targets.it.kubernetes.namespace: a node is not in a namespace; remove"
                + " namespace");
  }

  @Test
  void aTargetIsOneKubernetesObject() {
    assertThat(
            problems(
                "{ kubernetes: { namespace: shop, deployment: a, configMap: b } }", "k8s/anything"))
        .containsExactly(
            "s.yaml:4:55: targets.it.kubernetes.configMap: give only one of selector, deployment,"
                + " statefulset, node, configMap: a target is one thing");
    assertThat(problems("{ kubernetes: { namespace: shop } }", "k8s/anything"))
        .containsExactly(
            "s.yaml:4:21: targets.it.kubernetes: give what to target: one of selector, deployment,"
                + " statefulset, node, configMap, e.g. {namespace: NS, deployment: NAME} or"
                + " {namespace: NS, selector: {app: NAME}}");
  }

  @Test
  void namesAndLabelsFollowKubernetesRules() {
    assertThat(
            problems("{ kubernetes: { namespace: Shop, deployment: check_out } }", "k8s/anything"))
        .containsExactly(
            "s.yaml:4:34: targets.it.kubernetes.namespace: 'Shop' is not a namespace name; use"
                + " lower-case letters, digits and '-', at most 63 characters",
            "s.yaml:4:52: targets.it.kubernetes.deployment: 'check_out' is not a Kubernetes object"
                + " name; use lower-case letters, digits, '-' and '.', at most 253 characters");
    assertThat(
            problems(
                "{ kubernetes: { namespace: shop, selector: { 'a b': x, app: -bad } } }",
                "k8s/anything"))
        .containsExactly(
            "s.yaml:4:52: targets.it.kubernetes.selector.a b: 'a b' is not a label key; use"
                + " letters, digits, '-', '_' and '.' (at most 63), with an optional DNS prefix"
                + " and '/'",
            "s.yaml:4:67: targets.it.kubernetes.selector.app: '-bad' is not a label value; use"
                + " letters, digits, '-', '_' and '.', at most 63 characters, starting and ending"
                + " with a letter or digit");
    assertThat(problems("{ kubernetes: { namespace: shop, selector: {} } }", "k8s/anything"))
        .containsExactly(
            "s.yaml:4:50: targets.it.kubernetes.selector: must give at least one label, e.g."
                + " {app: checkout}");
  }

  @Test
  void aKindThatNeedsAWorkloadRefusesOtherKubernetesTargets() {
    assertThat(problems("{ kubernetes: { namespace: shop, selector: { app: x } } }", "k8s/shrink"))
        .containsExactly(
            "s.yaml:7:13: faults[0].target: k8s/shrink needs a kubernetes target with deployment"
                + " or statefulset, but 'it' has selector");
    assertThat(problems("{ proxy: payment }", "k8s/shrink"))
        .containsExactly(
            "s.yaml:7:13: faults[0].target: k8s/shrink needs a kubernetes target, but 'it' is a"
                + " proxy");
    assertThat(problems("{ kubernetes: { namespace: shop, statefulset: db } }", "k8s/shrink"))
        .isEmpty();
  }

  @Test
  void aServerIsOnlyForProxies() {
    assertThat(
            problems(
                "{ kubernetes: { namespace: shop, deployment: a }, server: x }", "k8s/anything"))
        .containsExactly(
            "s.yaml:4:57: targets.it.server: only a proxy target has a server; a kubernetes"
                + " target has none");
  }

  @Test
  void aTargetNamesItsClusterWhenTheEnvironmentHasSeveral() {
    assertThat(read("{ kubernetes: { namespace: shop, deployment: a, cluster: perf-1 } }").spec())
        .isEqualTo(KubernetesTarget.deployment("shop", "a").onCluster("perf-1"));
    assertThat(read("{ kubernetes: { node: worker-1, cluster: perf-1 } }").describe())
        .contains("node worker-1 on cluster perf-1");
    assertThat(
            problems(
                "{ kubernetes: { namespace: shop, deployment: a, cluster: 'no good' } }",
                "k8s/anything"))
        .singleElement()
        .asString()
        .contains("targets.it.kubernetes.cluster: 'no good' is not a cluster name");
  }

  @Test
  void theSchemaDescribesKubernetesTargets() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(ScenarioSchema.generate(CATALOG));
    JsonNode kubernetes = schema.at("/$defs/target/properties/kubernetes");

    assertThat(kubernetes.get("type").asText()).isEqualTo("object");
    assertThat(kubernetes.get("properties").fieldNames())
        .toIterable()
        .containsExactly(
            "namespace", "selector", "deployment", "statefulset", "node", "configMap", "cluster");
    assertThat(kubernetes.get("oneOf")).hasSize(5);
    assertThat(kubernetes.at("/else/required/0").asText()).isEqualTo("namespace");
    assertThat(schema.at("/$defs/target/oneOf")).hasSize(3);
  }

  @Test
  void selectorsParseAsKubectlWritesThem() {
    assertThat(KubernetesTarget.parseSelector("app=checkout, tier==web"))
        .containsExactly(Map.entry("app", "checkout"), Map.entry("tier", "web"));
    assertThatThrownBy(() -> KubernetesTarget.parseSelector("app!=checkout"))
        .hasMessageContaining("is not a label requirement");
    assertThatThrownBy(() -> KubernetesTarget.parseSelector(""))
        .hasMessage("must give at least one label, e.g. app=checkout");
    assertThatThrownBy(() -> KubernetesTarget.parseSelector("app=a,app=b"))
        .hasMessage("label 'app' is given twice");
  }

  @Test
  void theModelRefusesAnInconsistentTarget() {
    assertThatThrownBy(
            () ->
                new KubernetesTarget(
                    Resource.NODE, java.util.Optional.of("shop"), "worker-1", Map.of()))
        .hasMessage("a node has no namespace");
  }
}
