package org.daysofchaos.experiments.kubernetes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.daysofchaos.core.binder.Entry;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.ScalarType;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget.Resource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * How a {@link KubernetesTarget} is written, the value of a {@code kubernetes:} target: {@code
 * {namespace: shop, selector: {app: checkout}}}, {@code {namespace: shop, deployment: checkout}},
 * {@code {namespace: shop, statefulset: db}}, {@code {namespace: shop, configMap: checkout-config}}
 * or {@code {node: worker-1}}.
 */
final class KubernetesTargetType extends ValueType {
  static final String NAMESPACE = "namespace";
  static final String CLUSTER = "cluster";

  static final String EXAMPLE = "{namespace: NS, deployment: NAME}";

  private final Shape shape;

  KubernetesTargetType() {
    List<Field> fields = new ArrayList<>();
    fields.add(
        Field.optional(
            NAMESPACE,
            new NameType(
                "a namespace name",
                KubernetesTarget::namespaceProblem,
                "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                63),
            null,
            "The namespace; required except for a node. It must carry the opt-in label"
                + " daysofchaos.org/allow-chaos=true."));
    for (Resource resource : Resource.values()) {
      ValueType type =
          resource == Resource.PODS
              ? new LabelsType()
              : new NameType(
                  "a Kubernetes object name",
                  KubernetesTarget::nameProblem,
                  "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
                  253);
      fields.add(Field.optional(resource.yamlKey(), type, null, doc(resource)));
    }
    fields.add(
        Field.optional(
            CLUSTER,
            new NameType(
                "a cluster name",
                KubernetesTarget::clusterProblem,
                KubernetesTarget.CLUSTER_NAME_PATTERN,
                63),
            null,
            "The cluster, by its name in the environment file; needed only when the environment"
                + " names more than one."));
    shape =
        new Shape(
            "Something in a Kubernetes cluster: exactly one of selector, deployment, statefulset,"
                + " configMap (each with namespace) or node.",
            fields);
  }

  private static String doc(Resource resource) {
    return switch (resource) {
      case PODS -> "The pods whose labels match all of these, e.g. {app: checkout}.";
      case DEPLOYMENT -> "A Deployment by name (its pods, for pod faults).";
      case STATEFULSET -> "A StatefulSet by name (its pods, for pod faults).";
      case NODE -> "A node by name; it must carry the label daysofchaos.org/allow-chaos=true.";
      case CONFIG_MAP -> "A ConfigMap by name.";
    };
  }

  private static String resourceKeys() {
    return Stream.of(Resource.values()).map(Resource::yamlKey).collect(Collectors.joining(", "));
  }

  /** The resources whose key is given (with a value); a second one is reported. */
  private static List<Resource> given(Map<String, Entry> entries, String field, ReadContext ctx) {
    List<String> keys = Stream.of(Resource.values()).map(Resource::yamlKey).toList();
    List<String> given = Nodes.givenOneOf(entries, keys, field, "a target is one thing", ctx);
    return Stream.of(Resource.values()).filter(r -> given.contains(r.yamlKey())).toList();
  }

  @Override
  public Object bind(Node node, String field, ReadContext ctx) {
    if (!(node instanceof MappingNode map)) {
      ctx.problem(node, field, Nodes.mismatch(expected(), node));
      return INVALID;
    }
    Map<String, Entry> entries = Nodes.entries(map, field, ctx);
    int before = ctx.problemCount();
    Shape.Bound bound = shape.bind(map, entries, field, ctx);
    boolean unknownKeys = entries.keySet().stream().anyMatch(k -> !shape.allowedKeys().contains(k));
    List<Resource> given = given(entries, field, ctx);
    if (given.isEmpty() && !unknownKeys) {
      ctx.problem(
          map,
          field,
          "give what to target: one of "
              + resourceKeys()
              + ", e.g. "
              + EXAMPLE
              + " or {namespace: NS, selector: {app: NAME}}");
    }
    Entry namespace = entries.get(NAMESPACE);
    boolean hasNamespace = namespace != null && !Nodes.isNull(namespace.value());
    if (given.size() == 1 && given.get(0) == Resource.NODE && hasNamespace) {
      ctx.problem(
          namespace.keyNode(),
          Paths.child(field, NAMESPACE),
          "a node is not in a namespace; remove namespace");
    } else if (given.size() == 1 && given.get(0) != Resource.NODE && !hasNamespace) {
      ctx.problem(
          namespace == null ? map : namespace.keyNode(),
          Paths.child(field, NAMESPACE),
          "is missing; a " + given.get(0).noun() + " target needs the namespace it is in");
    }
    if (!bound.valid() || ctx.problemCount() > before || given.size() != 1) {
      return INVALID;
    }
    Resource resource = given.get(0);
    Optional<String> ns = Optional.ofNullable(bound.<String>get(NAMESPACE));
    Optional<String> cluster = Optional.ofNullable(bound.<String>get(CLUSTER));
    if (resource == Resource.PODS) {
      return new KubernetesTarget(
          resource, ns, "", bound.<Map<String, String>>get("selector"), cluster);
    }
    return new KubernetesTarget(resource, ns, bound.get(resource.yamlKey()), Map.of(), cluster);
  }

  @Override
  public String expected() {
    return "a map like " + EXAMPLE;
  }

  @Override
  public ObjectNode schema() {
    ObjectNode def = shape.schema();
    ArrayNode oneOf = def.putArray("oneOf");
    for (Resource resource : Resource.values()) {
      oneOf.addObject().putArray("required").add(resource.yamlKey());
    }
    def.putObject("if").putArray("required").add(Resource.NODE.yamlKey());
    def.putObject("then").putObject("not").putArray("required").add(NAMESPACE);
    def.putObject("else").putArray("required").add(NAMESPACE);
    return def;
  }

  /** A name checked by one of the naming rules of {@link KubernetesTarget}. */
  private static final class NameType extends ScalarType {
    private final String expected;
    private final Function<String, String> problem;
    private final String pattern;
    private final int maxLength;

    NameType(String expected, Function<String, String> problem, String pattern, int maxLength) {
      this.expected = expected;
      this.problem = problem;
      this.pattern = pattern;
      this.maxLength = maxLength;
    }

    @Override
    protected Object convert(ScalarNode scalar) {
      String name = scalar.getValue();
      String wrong = problem.apply(name);
      if (wrong != null) {
        throw new IllegalArgumentException(wrong);
      }
      return name;
    }

    @Override
    public String expected() {
      return expected;
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode()
          .put("type", "string")
          .put("maxLength", maxLength)
          .put("pattern", pattern);
    }
  }

  /** A label selector: a map of label keys to values, all of which a pod must carry. */
  private static final class LabelsType extends ValueType {
    @Override
    public Object bind(Node node, String field, ReadContext ctx) {
      if (!(node instanceof MappingNode map)) {
        ctx.problem(node, field, Nodes.mismatch(expected(), node));
        return INVALID;
      }
      Map<String, Entry> entries = Nodes.entries(map, field, ctx);
      if (entries.isEmpty()) {
        ctx.problem(node, field, "must give at least one label, e.g. {app: checkout}");
        return INVALID;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      boolean valid = true;
      for (Entry entry : entries.values()) {
        String at = Paths.child(field, entry.key());
        String keyProblem = KubernetesTarget.labelKeyProblem(entry.key());
        if (keyProblem != null) {
          ctx.problem(entry.keyNode(), at, keyProblem);
          valid = false;
          continue;
        }
        if (!(entry.value() instanceof ScalarNode scalar) || Nodes.isNull(entry.value())) {
          ctx.problem(entry.value(), at, Nodes.mismatch("a label value", entry.value()));
          valid = false;
          continue;
        }
        String value = scalar.getValue();
        String valueProblem = KubernetesTarget.labelValueProblem(value);
        if (valueProblem != null) {
          ctx.problem(scalar, at, valueProblem);
          valid = false;
          continue;
        }
        labels.put(entry.key(), value);
      }
      return valid ? labels : INVALID;
    }

    @Override
    public String expected() {
      return "a map of labels, e.g. {app: checkout}";
    }

    @Override
    public ObjectNode schema() {
      ObjectNode schema = JSON.objectNode().put("type", "object").put("minProperties", 1);
      schema
          .putObject("additionalProperties")
          .putArray("type")
          .add("string")
          .add("number")
          .add("boolean");
      return schema;
    }
  }
}
