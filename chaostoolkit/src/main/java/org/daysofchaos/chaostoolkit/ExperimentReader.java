package org.daysofchaos.chaostoolkit;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.daysofchaos.chaostoolkit.internal.JsonPath;
import org.daysofchaos.chaostoolkit.internal.NodeValues;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.scenario.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads Chaos Toolkit experiments, JSON or YAML (JSON is read as the YAML it also is), as Chaos
 * Toolkit defines them; every problem is {@code file:line:column: field: message}. The
 * configuration and the secrets are resolved against the given environment variables when the file
 * is read, and substituted into the activities.
 */
public final class ExperimentReader {
  private static final YamlSource SOURCE = new YamlSource("an experiment");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> env;

  /** A reader that resolves {@code env} configuration against {@code env}. */
  public ExperimentReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** A reader of the process's environment. */
  public static ExperimentReader ofSystemEnv() {
    return new ExperimentReader(System.getenv());
  }

  /** Whether {@code file} looks like a Chaos Toolkit experiment rather than one of our files. */
  public static boolean isExperiment(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      return true;
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Pattern.compile("(?m)^(method|steady-state-hypothesis)\\s*:").matcher(text).find();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  public ExperimentRead read(Path file) throws IOException {
    return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  public ExperimentRead read(String name, String text) {
    ReadContext ctx = new ReadContext(name);
    // JSON allows tabs between tokens, YAML not to indent: a tab outside a string is a blank in
    // JSON (one inside a string must be written \t), so the positions stay the same.
    Node root = SOURCE.compose(name.endsWith(".json") ? text.replace('\t', ' ') : text, ctx);
    Optional<Experiment> experiment = Optional.empty();
    if (root instanceof MappingNode map) {
      experiment = Optional.ofNullable(new One(name, ctx).experiment(map));
    } else if (ctx.problemCount() == 0) {
      ctx.problem(1, 1, "experiment", "an experiment is a mapping with title and method");
    }
    List<Problem> problems = Problem.of(ctx.sortedProblems());
    return new ExperimentRead(problems.isEmpty() ? experiment : Optional.empty(), problems);
  }

  /** The reading of one file. */
  private final class One {
    private final String file;
    private final ReadContext ctx;
    private final Map<String, Activity> named = new HashMap<>();
    private final java.util.Set<Where> badTolerance = new java.util.HashSet<>();
    private boolean configurationFailed;
    private Substitution substitution;

    One(String file, ReadContext ctx) {
      this.file = file;
      this.ctx = ctx;
    }

    Experiment experiment(MappingNode root) {
      Map<String, Node> top = entries(root);
      String title = text(top.get("title"), "title", true);
      String description = text(top.get("description"), "description", false);
      List<String> tags = strings(top.get("tags"), "tags");
      Map<String, Object> configuration = configuration(top.get("configuration"));
      Map<String, Map<String, Object>> secrets = secrets(top.get("secrets"));
      configurationFailed = ctx.problemCount() > 0;
      substitution = new Substitution(configuration, secrets);
      Optional<Experiment.Hypothesis> hypothesis = hypothesis(top.get("steady-state-hypothesis"));
      Node methodNode = top.get("method");
      if (methodNode == null) {
        ctx.problem(root, "method", "is required: the list of actions and probes to run");
      }
      List<Activity> method = activities(methodNode, "method");
      List<Activity> rollbacks = activities(top.get("rollbacks"), "rollbacks");
      refuseControls(top.get("controls"), "controls");
      return new Experiment(
          file,
          title == null ? "" : title,
          description == null ? "" : description,
          tags,
          configuration,
          hypothesis,
          method,
          rollbacks);
    }

    /**
     * Controls are Python code run around activities (prompts, notifications, tracing): refused,
     * since running the experiment without them would not be the same experiment.
     */
    private void refuseControls(Node node, String field) {
      if (node != null) {
        ctx.problem(
            node,
            field,
            "controls are Python extensions around the activities and do not run here; remove"
                + " them to run the experiment without them");
      }
    }

    private Map<String, Node> entries(MappingNode map) {
      Map<String, Node> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          out.put(key.getValue(), t.getValueNode());
        }
      }
      return out;
    }

    private String text(Node node, String field, boolean required) {
      if (node == null) {
        if (required) {
          ctx.problem(1, 1, field, "is required");
        }
        return null;
      }
      if (node instanceof ScalarNode s) {
        return s.getValue();
      }
      ctx.problem(node, field, "must be text");
      return null;
    }

    private List<String> strings(Node node, String field) {
      List<String> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      if (!(node instanceof SequenceNode seq)) {
        ctx.problem(node, field, "must be a list of text");
        return out;
      }
      for (Node n : seq.getValue()) {
        if (n instanceof ScalarNode s) {
          out.add(s.getValue());
        } else {
          ctx.problem(n, field, "must be a list of text");
        }
      }
      return out;
    }

    private Map<String, Object> configuration(Node node) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (node == null) {
        return out;
      }
      if (!(node instanceof MappingNode map)) {
        ctx.problem(node, "configuration", "must be a mapping of names to values");
        return out;
      }
      entries(map).forEach((key, value) -> out.put(key, dynamic(value, "configuration." + key)));
      return out;
    }

    private Map<String, Map<String, Object>> secrets(Node node) {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      if (node == null) {
        return out;
      }
      if (!(node instanceof MappingNode map)) {
        ctx.problem(node, "secrets", "must be a mapping of scopes to secrets");
        return out;
      }
      entries(map)
          .forEach(
              (scope, value) -> {
                Map<String, Object> secrets = new LinkedHashMap<>();
                if (value instanceof MappingNode inner) {
                  entries(inner)
                      .forEach((k, v) -> secrets.put(k, dynamic(v, "secrets." + scope + "." + k)));
                } else {
                  ctx.problem(value, "secrets." + scope, "must be a mapping of names to secrets");
                }
                out.put(scope, secrets);
              });
      return out;
    }

    /** A configuration or secret value: as written, or read from the environment. */
    private Object dynamic(Node node, String field) {
      Object value = NodeValues.of(node);
      if (!(value instanceof Map<?, ?> map) || !map.containsKey("type")) {
        return value;
      }
      Object type = map.get("type");
      if ("env".equals(type)) {
        return fromEnv(node, map, field);
      }
      ctx.problem(
          node,
          field,
          "the dynamic form type: "
              + type
              + " is not supported (supported: a value, or type: env with key, default and"
              + " env_var_type)");
      return null;
    }

    private Object fromEnv(Node node, Map<?, ?> map, String field) {
      Object key = map.get("key");
      if (!(key instanceof String name)) {
        ctx.problem(node, field + ".key", "is required with type: env (the variable's name)");
        return null;
      }
      String raw = env.get(name);
      if (raw == null && !map.containsKey("default")) {
        ctx.problem(
            node,
            field,
            "the environment variable " + name + " is not set and there is no default");
        return null;
      }
      Object type = map.get("env_var_type");
      if (raw == null) {
        Object fallback = map.get("default");
        return fallback instanceof String s ? typed(node, field, type, s) : fallback;
      }
      return typed(node, field, type, raw);
    }

    private Object typed(Node node, String field, Object type, String raw) {
      try {
        if (type == null || "str".equals(type) || "string".equals(type)) {
          return raw;
        }
        return switch (String.valueOf(type)) {
          case "int", "integer" -> Long.parseLong(raw.trim());
          case "float", "number" -> Double.parseDouble(raw.trim());
          case "bool" -> !List.of("false", "0", "no").contains(raw.trim().toLowerCase());
          case "json" -> raw.isEmpty() ? null : JsonPath.parseJson(raw);
          case "bytes" -> raw;
          default -> {
            ctx.problem(
                node,
                field + ".env_var_type",
                "unknown type '" + type + "' (str, int, float, bool, json, bytes)");
            yield null;
          }
        };
      } catch (IllegalArgumentException e) {
        ctx.problem(node, field, "'" + raw + "' is not a " + type);
        return null;
      }
    }

    private Optional<Experiment.Hypothesis> hypothesis(Node node) {
      if (node == null) {
        return Optional.empty();
      }
      if (!(node instanceof MappingNode map)) {
        ctx.problem(node, "steady-state-hypothesis", "must be a mapping with title and probes");
        return Optional.empty();
      }
      Map<String, Node> e = entries(map);
      String title = text(e.get("title"), "steady-state-hypothesis.title", false);
      List<Activity> probes = activities(e.get("probes"), "steady-state-hypothesis.probes");
      for (Activity probe : probes) {
        if (!probe.probe()) {
          problem(
              probe.where(), "steady-state-hypothesis.probes", "holds probes only, not actions");
        } else if (probe.tolerance().isEmpty() && !badTolerance.contains(probe.where())) {
          problem(
              probe.where(),
              "steady-state-hypothesis.probes",
              probe.describe() + " needs a tolerance");
        }
      }
      return Optional.of(new Experiment.Hypothesis(title == null ? "" : title, probes));
    }

    private void problem(Where where, String field, String message) {
      ctx.problem(where.line(), where.column(), field, message);
    }

    private List<Activity> activities(Node node, String field) {
      List<Activity> out = new ArrayList<>();
      if (node == null) {
        return out;
      }
      if (!(node instanceof SequenceNode seq)) {
        ctx.problem(node, field, "must be a list of activities");
        return out;
      }
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        Activity a = activity(items.get(i), field + "[" + i + "]");
        if (a != null) {
          out.add(a);
        }
      }
      return out;
    }

    private Where where(Node node) {
      return new Where(
          file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    private Activity activity(Node node, String field) {
      if (!(node instanceof MappingNode map)) {
        ctx.problem(node, field, "must be an activity (a mapping with type, name and provider)");
        return null;
      }
      Map<String, Node> e = entries(map);
      if (e.containsKey("ref")) {
        return ref(e.get("ref"), field);
      }
      String type = text(e.get("type"), field + ".type", false);
      String name = text(e.get("name"), field + ".name", false);
      if (type == null || name == null) {
        ctx.problem(node, field, "an activity needs type (action or probe) and name");
        return null;
      }
      if (!type.equals("action") && !type.equals("probe")) {
        ctx.problem(e.get("type"), field + ".type", "must be action or probe, not '" + type + "'");
        return null;
      }
      refuseControls(e.get("controls"), field + ".controls");
      Provider provider = provider(e.get("provider"), field + ".provider", node);
      Optional<Tolerance> tolerance =
          Optional.ofNullable(e.get("tolerance")).map(t -> tolerance(t, field + ".tolerance"));
      Duration[] pauses = pauses(e.get("pauses"), field + ".pauses");
      boolean background = Boolean.TRUE.equals(NodeValues.of(orNull(e.get("background"))));
      if (e.get("tolerance") != null && tolerance.isEmpty()) {
        badTolerance.add(where(node));
      }
      if (provider == null) {
        return null;
      }
      Activity a =
          new Activity(
              type.equals("probe"),
              name,
              provider,
              tolerance,
              pauses[0],
              pauses[1],
              background,
              where(node));
      named.putIfAbsent(name, a);
      return a;
    }

    private Node orNull(Node node) {
      return node == null
          ? new ScalarNode(
              org.yaml.snakeyaml.nodes.Tag.NULL,
              "null",
              null,
              null,
              org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN)
          : node;
    }

    private Activity ref(Node node, String field) {
      Object name = NodeValues.of(node);
      Activity target = named.get(String.valueOf(name));
      if (target == null) {
        ctx.problem(
            node,
            field + ".ref",
            "no activity named '"
                + name
                + "' before this reference (known: "
                + String.join(", ", named.keySet())
                + ")");
        return null;
      }
      return new Activity(
          target.probe(),
          target.name(),
          target.provider(),
          target.tolerance(),
          target.pauseBefore(),
          target.pauseAfter(),
          target.background(),
          where(node));
    }

    private Duration[] pauses(Node node, String field) {
      Duration[] out = {Duration.ZERO, Duration.ZERO};
      if (node == null) {
        return out;
      }
      Object value = substitution.apply(NodeValues.of(node));
      if (!(value instanceof Map<?, ?> map)) {
        ctx.problem(node, field, "must be a mapping with before and/or after, in seconds");
        return out;
      }
      out[0] = seconds(map.get("before"), node, field + ".before", Duration.ZERO);
      out[1] = seconds(map.get("after"), node, field + ".after", Duration.ZERO);
      return out;
    }

    private Duration seconds(Object value, Node node, String field, Duration absent) {
      if (value == null) {
        return absent;
      }
      try {
        BigDecimal s = new BigDecimal(value.toString().trim());
        if (s.signum() < 0) {
          throw new NumberFormatException();
        }
        return Duration.ofMillis(s.movePointRight(3).longValue());
      } catch (NumberFormatException e) {
        ctx.problem(node, field, "must be a number of seconds, not '" + value + "'");
        return absent;
      }
    }

    private Provider provider(Node node, String field, Node activity) {
      if (!(node instanceof MappingNode)) {
        ctx.problem(
            node == null ? activity : node,
            field,
            "is required: a mapping with type http, process or python");
        return null;
      }
      Object raw = substitution.apply(NodeValues.of(node));
      Map<?, ?> p = (Map<?, ?>) raw;
      Object type = p.get("type");
      if ("http".equals(type)) {
        return http(p, node, field);
      }
      if ("process".equals(type)) {
        return process(p, node, field);
      }
      if ("python".equals(type)) {
        return python(p, node, field);
      }
      ctx.problem(node, field + ".type", "must be http, process or python, not '" + type + "'");
      return null;
    }

    private Provider http(Map<?, ?> p, Node node, String field) {
      Object url = p.get("url");
      if (url == null && configurationFailed) {
        // Its ${...} names a configuration value whose problem is already reported.
        return null;
      }
      if (!(url instanceof String u) || !(u.startsWith("http://") || u.startsWith("https://"))) {
        ctx.problem(
            node, field + ".url", "is required: an http:// or https:// URL, got '" + url + "'");
        return null;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      if (p.get("headers") instanceof Map<?, ?> h) {
        h.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
      }
      Map<String, Object> arguments = new LinkedHashMap<>();
      if (p.get("arguments") instanceof Map<?, ?> a) {
        a.forEach((k, v) -> arguments.put(String.valueOf(k), v));
      }
      Object timeout = p.get("timeout");
      if (timeout instanceof List<?> pair && !pair.isEmpty()) {
        // [connect, read]: the read timeout bounds the whole request here.
        timeout = pair.get(pair.size() - 1);
      }
      Optional<Integer> expected = Optional.empty();
      if (p.get("expected_status") != null) {
        Object s = p.get("expected_status");
        if (s instanceof Number n) {
          expected = Optional.of(n.intValue());
        } else {
          ctx.problem(node, field + ".expected_status", "must be a status code, not '" + s + "'");
        }
      }
      String method =
          String.valueOf(p.get("method") == null ? "GET" : p.get("method")).toUpperCase();
      return new Provider.Http(
          u,
          method,
          headers,
          arguments,
          seconds(timeout, node, field + ".timeout", DEFAULT_TIMEOUT),
          !Boolean.FALSE.equals(p.get("verify_tls")),
          expected);
    }

    private Provider process(Map<?, ?> p, Node node, String field) {
      Object path = p.get("path");
      if (!(path instanceof String s) || s.isBlank()) {
        ctx.problem(node, field + ".path", "is required: the program to run");
        return null;
      }
      List<String> args = new ArrayList<>();
      Object a = p.get("arguments");
      if (a instanceof List<?> list) {
        list.forEach(v -> args.add(String.valueOf(v)));
      } else if (a instanceof String text) {
        args.addAll(ShellWords.split(text));
      } else if (a != null) {
        ctx.problem(node, field + ".arguments", "must be a string or a list of strings");
      }
      Duration timeout = seconds(p.get("timeout"), node, field + ".timeout", Duration.ZERO);
      return new Provider.Process(s, args, timeout);
    }

    private Provider python(Map<?, ?> p, Node node, String field) {
      if (!(p.get("module") instanceof String module) || !(p.get("func") instanceof String func)) {
        ctx.problem(node, field, "a python provider needs module and func");
        return null;
      }
      Map<String, Object> arguments = new LinkedHashMap<>();
      if (p.get("arguments") instanceof Map<?, ?> a) {
        a.forEach((k, v) -> arguments.put(String.valueOf(k), v));
      }
      return new Provider.Python(module, func, arguments);
    }

    private Tolerance tolerance(Node node, String field) {
      Object value = NodeValues.of(node);
      if (value instanceof String s) {
        value = substitution.apply(s);
      }
      if (value instanceof List<?> list) {
        return new Tolerance.OneOf(new ArrayList<>(list));
      }
      if (!(value instanceof Map<?, ?> map)) {
        return new Tolerance.Value(value);
      }
      Object type = map.get("type");
      Optional<String> target = Optional.ofNullable(map.get("target")).map(String::valueOf);
      return switch (String.valueOf(type)) {
        case "range" -> range(map, target, node, field);
        case "regex" -> regex(map, target, node, field);
        case "jsonpath" -> jsonpath(map, target, node, field);
        case "probe" -> {
          Activity probe = activity(node, field);
          yield probe == null ? null : new Tolerance.Probe(probe);
        }
        default -> {
          ctx.problem(
              node, field + ".type", "must be range, regex, jsonpath or probe, not '" + type + "'");
          yield null;
        }
      };
    }

    private Tolerance range(Map<?, ?> map, Optional<String> target, Node node, String field) {
      if (map.get("range") instanceof List<?> r
          && r.size() == 2
          && r.get(0) instanceof Number lo
          && r.get(1) instanceof Number hi) {
        return new Tolerance.Range(
            new BigDecimal(lo.toString()), new BigDecimal(hi.toString()), target);
      }
      ctx.problem(node, field + ".range", "must be a list of two numbers [min, max]");
      return null;
    }

    private Tolerance regex(Map<?, ?> map, Optional<String> target, Node node, String field) {
      Object pattern = substitution.apply(map.get("pattern"));
      if (!(pattern instanceof String p)) {
        ctx.problem(node, field + ".pattern", "is required: the regular expression");
        return null;
      }
      try {
        return new Tolerance.Regex(Pattern.compile(p), target);
      } catch (PatternSyntaxException e) {
        ctx.problem(node, field + ".pattern", "is not a regular expression: " + e.getDescription());
        return null;
      }
    }

    private Tolerance jsonpath(Map<?, ?> map, Optional<String> target, Node node, String field) {
      Object path = substitution.apply(map.get("path"));
      if (!(path instanceof String p)) {
        ctx.problem(node, field + ".path", "is required: the JSON path");
        return null;
      }
      try {
        Optional<Integer> count =
            map.get("count") instanceof Number n ? Optional.of(n.intValue()) : Optional.empty();
        Optional<Object> expect =
            map.containsKey("expect")
                ? Optional.ofNullable(substitution.apply(map.get("expect")))
                : Optional.empty();
        return new Tolerance.Json(JsonPath.parse(p), target, count, expect);
      } catch (IllegalArgumentException e) {
        ctx.problem(node, field + ".path", e.getMessage());
        return null;
      }
    }
  }
}
