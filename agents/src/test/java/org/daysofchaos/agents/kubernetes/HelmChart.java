package org.daysofchaos.agents.kubernetes;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Helm chart of the server ({@code deploy/helm/days-of-chaos}), rendered by Helm itself
 * (helm-java bundles it) with the values a test sets, as Kubernetes objects.
 */
final class HelmChart {
  static final Path CHART = Path.of("..", "deploy", "helm", "days-of-chaos");
  static final String RELEASE = "chaos";
  static final String NAMESPACE = "daysofchaos";

  private final Map<String, Object> values = new LinkedHashMap<>();

  HelmChart set(String key, Object value) {
    values.put(key, value);
    return this;
  }

  /** The YAML Helm renders, every template in one stream. */
  String yaml() {
    TemplateCommand template =
        new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
    values.forEach(template::set);
    return template.call();
  }

  List<HasMetadata> objects() {
    Object parsed =
        new KubernetesSerialization()
            .unmarshal(new ByteArrayInputStream(yaml().getBytes(StandardCharsets.UTF_8)));
    List<HasMetadata> all = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      list.forEach(o -> all.add((HasMetadata) o));
    } else if (parsed instanceof io.fabric8.kubernetes.api.model.KubernetesList list) {
      all.addAll(list.getItems());
    } else {
      all.add((HasMetadata) parsed);
    }
    return all;
  }

  /** Whether the chart's Roles and ClusterRoles grant a call. */
  static boolean grants(List<HasMetadata> objects, ApiCall call) {
    for (PolicyRule rule : rules(objects, call.namespaced())) {
      if (rule.getApiGroups().contains(call.group())
          && rule.getResources().contains(call.resource())
          && (rule.getVerbs().contains(call.verb()) || rule.getVerbs().contains("*"))) {
        return true;
      }
    }
    return false;
  }

  /** The rules that can apply: a Role's only inside its namespace, a ClusterRole's anywhere. */
  static List<PolicyRule> rules(List<HasMetadata> objects, boolean namespaced) {
    List<PolicyRule> rules = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof ClusterRole c) {
        rules.addAll(c.getRules());
      } else if (o instanceof Role r && namespaced) {
        rules.addAll(r.getRules());
      }
    }
    return rules;
  }
}
