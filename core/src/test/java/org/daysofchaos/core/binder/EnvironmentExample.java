package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.SpecException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The example of {@code docs/binder.md}: a small language written with the binder, in the manner of
 * the environment file (named servers and clusters, secrets from a variable or a file).
 *
 * <pre>
 * prometheus:
 *   main: { url: http://prometheus:9090 }
 * kubernetes:
 *   preprod:
 *     context: preprod
 *     token: { fromEnv: PREPROD_TOKEN }     # or { fromFile: /run/secrets/token }
 * </pre>
 */
final class EnvironmentExample {
  private EnvironmentExample() {}

  /** A server: a record, bound by its components ({@code @Doc}, {@code @Default}). */
  record Server(
      @Doc("Its base URL, e.g. http://prometheus:9090.") String url,
      @Default("5s") @Doc("How long to wait for an answer.") Duration timeout) {
    Server {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new SpecException("url", "must start with http:// or https://, got " + url);
      }
    }
  }

  /** Where a secret comes from. */
  sealed interface Secret {
    record Env(String variable) implements Secret {}

    record File(String path) implements Secret {}
  }

  record Cluster(String context, Secret token) {}

  record Environment(Map<String, Server> prometheus, Map<String, Cluster> kubernetes) {}

  /** A map with a rule across its keys: exactly one of fromEnv or fromFile. */
  static final MapType SECRET =
      Types.map(
              new Shape(
                  "Where a secret comes from: an environment variable or a file.",
                  List.of(
                      Field.optional(
                          "fromEnv", Types.NON_BLANK, null, "The variable that holds it."),
                      Field.optional(
                          "fromFile", Types.NON_BLANK, null, "The file that holds it."))),
              b ->
                  b.get("fromEnv") != null
                      ? new Secret.Env(b.get("fromEnv"))
                      : new Secret.File(b.get("fromFile")))
          .withRule(
              Rule.exactlyOne(
                  "give fromEnv or fromFile",
                  "give only one of fromEnv or fromFile",
                  "fromEnv",
                  "fromFile"));

  /** A map written out by hand, for a value that is not a plain record. */
  static final MapType CLUSTER =
      Types.map(
          new Shape(
              "A Kubernetes cluster.",
              List.of(
                  Field.required("context", Types.NON_BLANK, "The kubeconfig context."),
                  Field.required("token", SECRET, "The API token."))),
          b -> new Cluster(b.get("context"), b.get("token")));

  /** The top level: named maps of servers and clusters. */
  static final MapType ENVIRONMENT =
      Types.map(
          new Shape(
              "The systems a server may break.",
              List.of(
                  Field.optional(
                      "prometheus",
                      Types.named(Types.record(Server.class, "A Prometheus server."), "server"),
                      Map.of(),
                      "Prometheus servers by name."),
                  Field.optional(
                      "kubernetes",
                      Types.named(CLUSTER, "cluster"),
                      Map.of(),
                      "Kubernetes clusters by name."))),
          b -> new Environment(b.get("prometheus"), b.get("kubernetes")));

  static final YamlSource SOURCE = new YamlSource("an environment");

  /** Reads a text: the environment, or null with every problem in {@code ctx}. */
  static Environment read(String text, ReadContext ctx) {
    Node root = SOURCE.compose(text, ctx);
    if (root == null) {
      if (ctx.problemCount() == 0) {
        ctx.problem(1, 1, "yaml", "the file is empty");
      }
      return null;
    }
    Object environment = ENVIRONMENT.bind(root, "", ctx);
    return environment == ValueType.INVALID ? null : (Environment) environment;
  }

  /** The JSON Schema, from the same description. */
  static String schema() {
    ObjectNode schema = SchemaWriter.document("Environment", "Where things are.", ENVIRONMENT);
    schema.putObject("$defs").setAll(SchemaWriter.durationDefinitions());
    return SchemaWriter.write(schema);
  }
}
