package org.daysofchaos.experiments.kubernetes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.binder.Notation;
import org.daysofchaos.core.spec.Kind;

/**
 * Where a Kubernetes target is: the pods of a label selector, a deployment, a statefulset or a
 * ConfigMap in a namespace, or a node. Written {@code {kubernetes: {namespace: shop, deployment:
 * checkout}}}: its YAML names the resource by its key, so {@link KubernetesTargetType} reads it.
 * Plain data: the {@code agents} module resolves it against a cluster (and refuses namespaces and
 * nodes that have not opted in).
 *
 * @param resource what the target is
 * @param namespace the namespace; empty only for a node
 * @param name the object's name; empty for pods chosen by a selector
 * @param selector the label selector of {@link Resource#PODS}; empty for the other resources
 * @param cluster the cluster, by its name in the environment file; empty for the only one
 */
@Kind(
    value = "kubernetes",
    example = "{kubernetes: " + KubernetesTargetType.EXAMPLE + "}",
    doc =
        "Something in a Kubernetes cluster: pods by selector, a deployment, a statefulset or a"
            + " configMap in a namespace, or a node.")
@Notation(KubernetesTargetType.class)
public record KubernetesTarget(
    Resource resource,
    Optional<String> namespace,
    String name,
    Map<String, String> selector,
    Optional<String> cluster)
    implements TargetSpec, OnCluster {

  /** The kinds of Kubernetes objects a target can be, by the key that names them in YAML. */
  public enum Resource {
    /** The pods that match a label selector: {@code selector: {app: checkout}}. */
    PODS("selector", "pods"),
    /** A Deployment (and, for pod faults, its pods): {@code deployment: checkout}. */
    DEPLOYMENT("deployment", "deployment"),
    /** A StatefulSet (and, for pod faults, its pods): {@code statefulset: db}. */
    STATEFULSET("statefulset", "statefulset"),
    /** A node of the cluster: {@code node: worker-1}. */
    NODE("node", "node"),
    /** A ConfigMap: {@code configMap: checkout-config}. */
    CONFIG_MAP("configMap", "configmap");

    private final String yamlKey;
    private final String noun;

    Resource(String yamlKey, String noun) {
      this.yamlKey = yamlKey;
      this.noun = noun;
    }

    /** The key that gives this resource in a target, e.g. {@code deployment}. */
    public String yamlKey() {
      return yamlKey;
    }

    /** How messages name it, e.g. "deployment", "pods", "configmap". */
    public String noun() {
      return noun;
    }

    /** Whether it is a workload that owns pods (a deployment or a statefulset). */
    public boolean isWorkload() {
      return this == DEPLOYMENT || this == STATEFULSET;
    }
  }

  public KubernetesTarget {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cluster, "cluster");
    selector = Collections.unmodifiableMap(new LinkedHashMap<>(selector));
    if ((resource == Resource.NODE) != namespace.isEmpty()) {
      throw new IllegalArgumentException(
          resource == Resource.NODE ? "a node has no namespace" : "a namespace is required");
    }
    if ((resource == Resource.PODS) != name.isEmpty()) {
      throw new IllegalArgumentException(
          resource == Resource.PODS
              ? "pods are chosen by selector, not by name"
              : "a name is required");
    }
    if ((resource == Resource.PODS) == selector.isEmpty()) {
      throw new IllegalArgumentException(
          resource == Resource.PODS
              ? "a selector needs at least one label"
              : "only pods are chosen by selector");
    }
  }

  /** A target on the only cluster (or the one a run is given). */
  public KubernetesTarget(
      Resource resource, Optional<String> namespace, String name, Map<String, String> selector) {
    this(resource, namespace, name, selector, Optional.empty());
  }

  /** The same object on the cluster the environment file names {@code cluster}. */
  public KubernetesTarget onCluster(String cluster) {
    return new KubernetesTarget(resource, namespace, name, selector, Optional.of(cluster));
  }

  public static KubernetesTarget pods(String namespace, Map<String, String> selector) {
    return new KubernetesTarget(Resource.PODS, Optional.of(namespace), "", selector);
  }

  public static KubernetesTarget deployment(String namespace, String name) {
    return new KubernetesTarget(Resource.DEPLOYMENT, Optional.of(namespace), name, Map.of());
  }

  public static KubernetesTarget statefulSet(String namespace, String name) {
    return new KubernetesTarget(Resource.STATEFULSET, Optional.of(namespace), name, Map.of());
  }

  public static KubernetesTarget configMap(String namespace, String name) {
    return new KubernetesTarget(Resource.CONFIG_MAP, Optional.of(namespace), name, Map.of());
  }

  public static KubernetesTarget node(String name) {
    return new KubernetesTarget(Resource.NODE, Optional.empty(), name, Map.of());
  }

  /** The object's name, or the selector as kubectl writes it ({@code app=checkout,tier=web}). */
  public String ref() {
    return resource == Resource.PODS ? selectorText(selector) : name;
  }

  /**
   * "kubernetes deployment checkout in namespace shop", "kubernetes pods app=checkout in namespace
   * shop", "kubernetes node worker-1".
   */
  @Override
  public String describe() {
    return "kubernetes " + describeObject();
  }

  /** "deployment checkout in namespace shop", "pods app=checkout in namespace shop". */
  public String describeObject() {
    return resource.noun()
        + " "
        + ref()
        + namespace.map(ns -> " in namespace " + ns).orElse("")
        + cluster.map(c -> " on cluster " + c).orElse("");
  }

  /** A fault kind with {@link Resources} acts on those only: "has selector" otherwise. */
  @Override
  public Optional<Mismatch> mismatch(Class<? extends FaultSpec> faultType) {
    List<Resource> accepted = resourcesOf(faultType);
    if (accepted.isEmpty() || accepted.contains(resource)) {
      return Optional.empty();
    }
    return Optional.of(
        new Mismatch(
            "a kubernetes target with "
                + accepted.stream().map(Resource::yamlKey).collect(Collectors.joining(" or ")),
            "has " + resource.yamlKey()));
  }

  /** The resources a fault kind acts on, from its {@link Resources}; empty for any. */
  public static List<Resource> resourcesOf(Class<?> faultType) {
    Resources resources = faultType.getAnnotation(Resources.class);
    return resources == null ? List.of() : List.of(resources.value());
  }

  /** A selector as kubectl writes it: {@code app=checkout,tier=web}. */
  public static String selectorText(Map<String, String> selector) {
    return selector.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  // --- Kubernetes naming rules, so that a scenario is refused when it is read, not when it runs
  // ---

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern SELECTOR_TERM =
      Pattern.compile("\\s*([^=!\\s]+)\\s*==?\\s*(\\S*)\\s*");

  /** How the environment file names its systems, and so its clusters. */
  static final String CLUSTER_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";

  /** Null when {@code cluster} can be the name of a cluster in an environment file. */
  public static String clusterProblem(String cluster) {
    if (!cluster.matches(CLUSTER_NAME_PATTERN)) {
      return quote(cluster)
          + " is not a cluster name; use letters, digits, '.', '_' and '-', at most 63"
          + " characters, as the environment file names it";
    }
    return null;
  }

  /** Null when {@code namespace} is a valid namespace name, else what is wrong. */
  public static String namespaceProblem(String namespace) {
    if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()) {
      return quote(namespace)
          + " is not a namespace name; use lower-case letters, digits and '-', at most 63"
          + " characters";
    }
    return null;
  }

  /** Null when {@code name} is a valid object name (a DNS subdomain), else what is wrong. */
  public static String nameProblem(String name) {
    if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      return quote(name)
          + " is not a Kubernetes object name; use lower-case letters, digits, '-' and '.', at"
          + " most 253 characters";
    }
    return null;
  }

  /** Null when {@code key} is a valid label key ({@code app}, {@code example.com/tier}). */
  public static String labelKeyProblem(String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    boolean ok =
        name.length() <= 63
            && LABEL_NAME.matcher(name).matches()
            && (prefix == null
                || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches()));
    return ok
        ? null
        : quote(key)
            + " is not a label key; use letters, digits, '-', '_' and '.' (at most 63), with an"
            + " optional DNS prefix and '/'";
  }

  /** Null when {@code value} is a valid label value (empty is allowed). */
  public static String labelValueProblem(String value) {
    if (value.isEmpty() || (value.length() <= 63 && LABEL_NAME.matcher(value).matches())) {
      return null;
    }
    return quote(value)
        + " is not a label value; use letters, digits, '-', '_' and '.', at most 63 characters,"
        + " starting and ending with a letter or digit";
  }

  /**
   * Parses a selector written as kubectl does, {@code app=checkout,tier=web} (only equality; {@code
   * ==} is accepted).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Map<String, String> parseSelector(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text.isBlank()) {
      throw new IllegalArgumentException("must give at least one label, e.g. app=checkout");
    }
    for (String term : text.split(",", -1)) {
      var m = SELECTOR_TERM.matcher(term);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            quote(term.strip())
                + " is not a label requirement; write key=value pairs separated by commas, e.g."
                + " app=checkout,tier=web");
      }
      String key = m.group(1);
      String value = m.group(2);
      String problem = labelKeyProblem(key);
      if (problem == null) {
        problem = labelValueProblem(value);
      }
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (labels.put(key, value) != null) {
        throw new IllegalArgumentException("label " + quote(key) + " is given twice");
      }
    }
    return labels;
  }

  private static String quote(String s) {
    String shown = s.length() > 40 ? s.substring(0, 37) + "..." : s;
    return "'" + shown.replace("\n", "\\n") + "'";
  }
}
