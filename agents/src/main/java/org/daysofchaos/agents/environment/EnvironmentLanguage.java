package org.daysofchaos.agents.environment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.RecordShape;
import org.daysofchaos.core.binder.Rule;
import org.daysofchaos.core.binder.ScalarType;
import org.daysofchaos.core.binder.SchemaWriter;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.spec.SpecException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The environment language, written with the binder: the sections of an environment file, each a
 * map of names to one kind of system. The reader and the schema generator share it.
 */
final class EnvironmentLanguage {
  static final YamlSource SOURCE = new YamlSource("an environment");

  /** Names appear in scenarios, logs and URLs: letters, digits, '.', '_' and '-'. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62})");

  private static final String SECTIONS =
      "toxiproxy, kubernetes, prometheus, alertmanager, processes, httpProbes, metrics, agents,"
          + " parameters";

  private static final Shape ENVIRONMENT =
      new Shape(
          "Everything a game day may touch and read, each with a name.",
          List.of(
              section(
                  "toxiproxy",
                  Types.record(ToxiproxyConfig.class, "A Toxiproxy server."),
                  "server",
                  "Toxiproxy servers by name; a proxy target names its server (default: the one"
                      + " named default)."),
              section(
                  "kubernetes",
                  Types.record(KubernetesClusterConfig.class, "A Kubernetes cluster."),
                  "cluster",
                  "Kubernetes clusters by name, with the namespaces that may be touched."),
              section(
                  "prometheus",
                  Types.record(PrometheusConfig.class, "A Prometheus server."),
                  "server",
                  "Prometheus servers by name; metric probes and signals name the one that answers"
                      + " them (default: the only one, or the one named default)."),
              section(
                  "alertmanager",
                  Types.record(AlertmanagerConfig.class, "An Alertmanager."),
                  "server",
                  "Alertmanagers by name."),
              section("processes", process(), "process", "Local processes by name."),
              Field.optional(
                  "httpProbes",
                  Types.record(HttpProbesConfig.class, "The hosts http/status probes may reach."),
                  null,
                  "The hosts http/status probes may reach (default: any but link-local ones)."),
              Field.optional(
                  "metrics",
                  Types.list(new UrlType(), "URL"),
                  List.of(),
                  "Prometheus text endpoints that metric probes scrape when no Prometheus"
                      + " server is named (the embedded default)."),
              Field.optional(
                  "agents",
                  Types.list(
                      Types.matching(
                          "[a-z0-9][a-z0-9._-]{0,62}",
                          "an agent name",
                          "agent name: use lower-case letters, digits, '.', '_' and '-' (at most"
                              + " 63), starting with a letter or digit"),
                      "agent"),
                  List.of(),
                  "The host agents (chaos agent) by the names their credentials were issued"
                      + " under; a scenario's {agent: NAME} target must be one of them."),
              Field.optional(
                  "parameters",
                  new Names(Types.named(Types.STRING, "value")),
                  Map.of(),
                  "Values for the parameters: of scenarios, by name (a namespace, a service, a"
                      + " label), given to every scenario that declares them; they win over the"
                      + " scenarios' defaults.")));

  private EnvironmentLanguage() {}

  private static Field section(String name, ValueType value, String noun, String doc) {
    return Field.optional(name, new Names(Types.named(value, noun)), Map.of(), doc);
  }

  /** A process is found in exactly one way. */
  private static ValueType process() {
    RecordShape shape =
        RecordShape.of(ProcessConfig.class, "process", "A local process.", List.of());
    return Types.map(shape.shape(), shape::construct)
        .withRule(
            Rule.exactlyOne(
                "say how to find it: give pid, pidFile or command",
                "give only one of pid, pidFile or command",
                "pid",
                "pidFile",
                "command"));
  }

  static Environment bind(Node root, Path base, ReadContext ctx) {
    if (Nodes.isNull(root)) {
      ctx.problem(1, 1, "yaml", "the file is empty; an environment names at least one system");
      return null;
    }
    if (!(root instanceof MappingNode map)) {
      ctx.problem(root, "yaml", Nodes.mismatch("a map with " + SECTIONS, root));
      return null;
    }
    Shape.Bound b = ENVIRONMENT.bind(map, Nodes.entries(map, "", ctx), "", ctx);
    if (!b.valid() || ctx.problemCount() > 0) {
      return null;
    }
    return new Environment(
        base,
        b.get("toxiproxy"),
        b.get("kubernetes"),
        b.get("prometheus"),
        b.get("alertmanager"),
        b.get("processes"),
        b.get("metrics"),
        Optional.ofNullable(b.get("httpProbes")),
        b.get("agents"),
        b.get("parameters"));
  }

  static ObjectNode schema() {
    ObjectNode root =
        SchemaWriter.document(
            "Days of Chaos environment",
            "The systems of a pre-production that a game day may touch and read: Toxiproxy"
                + " servers, Kubernetes clusters, Prometheus servers, Alertmanagers and local"
                + " processes, each with a name; secrets come from variables or files. Generated"
                + " from the environment language (EnvironmentSchema); see docs/environment.md.",
            Types.map(ENVIRONMENT, b -> b));
    root.putObject("$defs").setAll(SchemaWriter.durationDefinitions());
    return root;
  }

  /** A map of names to systems whose names are checked against {@link #NAME}. */
  private static final class Names extends ValueType {
    private final ValueType named;

    Names(ValueType named) {
      this.named = named;
    }

    @Override
    public Object bind(Node node, String field, ReadContext ctx) {
      boolean valid = true;
      if (node instanceof MappingNode map) {
        for (NodeTuple tuple : map.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key
              && !NAME.matcher(key.getValue()).matches()) {
            ctx.problem(
                key,
                Paths.child(field, key.getValue()),
                "is not a name: use letters, digits, '.', '_' and '-' (at most 63), starting with"
                    + " a letter or digit");
            valid = false;
          }
        }
      }
      Object bound = named.bind(node, field, ctx);
      return valid ? bound : INVALID;
    }

    @Override
    public String expected() {
      return named.expected();
    }

    @Override
    public ObjectNode schema() {
      ObjectNode schema = named.schema();
      schema.putObject("propertyNames").put("pattern", "^" + NAME.pattern() + "$");
      return schema;
    }
  }

  /** An http(s) URL. */
  private static final class UrlType extends ScalarType {
    @Override
    protected Object convert(ScalarNode scalar) {
      try {
        return Urls.http("url", scalar.getValue());
      } catch (SpecException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }

    @Override
    public String expected() {
      return "an http or https URL";
    }

    @Override
    public ObjectNode schema() {
      return JSON.objectNode().put("type", "string").put("pattern", "^https?://");
    }
  }
}
