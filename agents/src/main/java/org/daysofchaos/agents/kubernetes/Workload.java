package org.daysofchaos.agents.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;

/** A deployment or a statefulset, as read from the API server, edited in memory, then sent. */
final class Workload {
  private final Resource resource;
  private final HasMetadata object;

  private Workload(Resource resource, HasMetadata object) {
    this.resource = resource;
    this.object = object;
  }

  /** The workload, or empty when it does not exist. */
  static Optional<Workload> get(
      KubernetesClient client, Resource resource, String namespace, String name) {
    HasMetadata object =
        switch (resource) {
          case DEPLOYMENT ->
              client.apps().deployments().inNamespace(namespace).withName(name).get();
          case STATEFULSET ->
              client.apps().statefulSets().inNamespace(namespace).withName(name).get();
          default -> throw new IllegalArgumentException(resource + " is not a workload");
        };
    return Optional.ofNullable(object).map(o -> new Workload(resource, o));
  }

  /** The workload by the noun of a mark ({@code deployment} or {@code statefulset}). */
  static Optional<Workload> get(
      KubernetesClient client, String noun, String namespace, String name) {
    return get(client, resource(noun), namespace, name);
  }

  static Resource resource(String noun) {
    return switch (noun) {
      case "deployment" -> Resource.DEPLOYMENT;
      case "statefulset" -> Resource.STATEFULSET;
      default -> throw new IllegalArgumentException(noun + " is not a workload");
    };
  }

  static Workload require(
      KubernetesClient client,
      org.daysofchaos.core.Target target,
      Resource resource,
      String ns,
      String name) {
    return get(client, resource, ns, name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "target "
                        + target.name()
                        + ": there is no "
                        + resource.noun()
                        + " "
                        + name
                        + " in namespace "
                        + ns));
  }

  /**
   * The container of the pod template that a fault names, or its only container when it names none.
   *
   * @throws IllegalStateException when there is no such container, or several and none is named
   */
  static Container container(
      org.daysofchaos.core.Target target, Workload workload, Optional<String> name) {
    List<Container> containers = workload.template().getSpec().getContainers();
    String names = containers.stream().map(Container::getName).collect(Collectors.joining(", "));
    if (name.isPresent()) {
      return containers.stream()
          .filter(c -> c.getName().equals(name.get()))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "target "
                          + target.name()
                          + ": "
                          + workload.describe()
                          + " has no container "
                          + name.get()
                          + "; it has "
                          + names));
    }
    if (containers.size() != 1) {
      throw new IllegalStateException(
          "target "
              + target.name()
              + ": "
              + workload.describe()
              + " has containers "
              + names
              + "; say which one with container:");
    }
    return containers.get(0);
  }

  String noun() {
    return resource.noun();
  }

  HasMetadata object() {
    return object;
  }

  ObjectMeta metadata() {
    return object.getMetadata();
  }

  /** "deployment checkout in namespace shop". */
  String describe() {
    return noun() + " " + metadata().getName() + " in namespace " + metadata().getNamespace();
  }

  /** The desired replicas (1 when the spec leaves it out, as Kubernetes does). */
  int replicas() {
    Integer replicas =
        object instanceof Deployment d
            ? d.getSpec().getReplicas()
            : ((StatefulSet) object).getSpec().getReplicas();
    return replicas == null ? 1 : replicas;
  }

  void setReplicas(int replicas) {
    if (object instanceof Deployment d) {
      d.getSpec().setReplicas(replicas);
    } else {
      ((StatefulSet) object).getSpec().setReplicas(replicas);
    }
  }

  /** Available replicas from the status (0 when not reported yet). */
  int availableReplicas() {
    Integer available =
        object instanceof Deployment d
            ? (d.getStatus() == null ? null : d.getStatus().getAvailableReplicas())
            : (((StatefulSet) object).getStatus() == null
                ? null
                : ((StatefulSet) object).getStatus().getAvailableReplicas());
    return available == null ? 0 : available;
  }

  LabelSelector selector() {
    return object instanceof Deployment d
        ? d.getSpec().getSelector()
        : ((StatefulSet) object).getSpec().getSelector();
  }

  PodTemplateSpec template() {
    return object instanceof Deployment d
        ? d.getSpec().getTemplate()
        : ((StatefulSet) object).getSpec().getTemplate();
  }

  /**
   * Sends the edited workload (PUT, with its resourceVersion: a concurrent change makes it fail
   * with a conflict instead of being overwritten).
   */
  void update(KubernetesClient client) {
    client.resource(object).update();
  }
}
