package org.daysofchaos.agents.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.daysofchaos.agents.environment.ProcessConfig;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.RecordShape;
import org.daysofchaos.core.binder.Rule;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.core.binder.YamlSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The agent's configuration language, written with the binder (docs/agent.md). */
final class AgentLanguage {
  static final YamlSource SOURCE = new YamlSource("an agent configuration");

  /** Agent names appear in scenarios, URLs and logs, as environment names do. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62})");

  private static final Shape ALLOW =
      new Shape(
          "What the host lets the server touch; anything absent is refused.",
          List.of(
              named("processes", process(), "process", "Processes faults may pause or kill."),
              named(
                  "files",
                  Types.record(FileConfig.class, "A file."),
                  "file",
                  "Files host/file-change may change (and restores)."),
              named(
                  "disks",
                  Types.record(DiskConfig.class, "A disk."),
                  "disk",
                  "Folders whose disk host/disk-fill may fill, each with its free-space floor."),
              Field.optional(
                  "cpu",
                  Types.optional(Types.record(CpuLimits.class, "CPU limits.")),
                  Optional.empty(),
                  "How much CPU a burn may take (without it, host/cpu-burn is refused)."),
              Field.optional(
                  "memory",
                  Types.optional(Types.record(MemoryLimits.class, "Memory limits.")),
                  Optional.empty(),
                  "How much memory a fault may hold (without it, host/memory-pressure is"
                      + " refused)."),
              Field.optional(
                  "ports",
                  Types.list(Types.INT, "port"),
                  List.of(),
                  "The ports host/port-block may make unreachable."),
              Field.optional(
                  "network",
                  Types.record(NetworkLimits.class, "Network limits."),
                  NetworkLimits.none(),
                  "The interfaces host/netem may slow and its most delay and loss, and the"
                      + " namespace network faults apply in.")));

  private static final Shape AGENT =
      new Shape(
          "A host agent: who it is, the server it connects to, and what it allows.",
          List.of(
              Field.required(
                  "name",
                  Types.matching(
                      NAME.pattern(),
                      "a name of letters, digits, '.', '_' and '-' (at most 63)",
                      "name: use letters, digits, '.', '_' and '-' (at most 63), starting with a"
                          + " letter or digit"),
                  "The name the game master gave this agent; scenarios target {agent: NAME}."),
              Field.required(
                  "server",
                  Types.record(ServerConfig.class, "The server."),
                  "The server this agent connects out to, and its credential."),
              Field.optional(
                  "state",
                  Types.NON_BLANK,
                  "/var/lib/days-of-chaos-agent",
                  "The folder of the agent's ledger and of the copies of changed files (relative"
                      + " to this file's folder)."),
              Field.optional(
                  "lease",
                  Types.POSITIVE_DURATION,
                  Duration.ofSeconds(5),
                  "How long a fault lasts once the server stops renewing it (the dead man's"
                      + " switch)."),
              Field.optional(
                  "allow",
                  Types.map(ALLOW, b -> b),
                  null,
                  "What the server may touch on this host (default: nothing).")));

  private AgentLanguage() {}

  private static Field named(String name, ValueType value, String noun, String doc) {
    return Field.optional(name, Types.named(value, noun), Map.of(), doc);
  }

  /** A process is found in exactly one way, as in the environment file. */
  private static ValueType process() {
    RecordShape shape =
        RecordShape.of(ProcessConfig.class, "process", "A process on this host.", List.of());
    return Types.map(shape.shape(), shape::construct)
        .withRule(
            Rule.exactlyOne(
                "say how to find it: give pid, pidFile or command",
                "give only one of pid, pidFile or command",
                "pid",
                "pidFile",
                "command"));
  }

  static AgentConfig bind(Node root, Path base, ReadContext ctx) {
    if (Nodes.isNull(root)) {
      ctx.problem(1, 1, "yaml", "the file is empty; an agent needs at least name and server");
      return null;
    }
    if (!(root instanceof MappingNode map)) {
      ctx.problem(root, "yaml", Nodes.mismatch("a map with name, server and allow", root));
      return null;
    }
    Shape.Bound b = AGENT.bind(map, Nodes.entries(map, "", ctx), "", ctx);
    if (!b.valid() || ctx.problemCount() > 0) {
      return null;
    }
    Shape.Bound allow = b.get("allow");
    return new AgentConfig(
        b.get("name"),
        b.get("server"),
        base.resolve((String) b.get("state")).normalize(),
        b.get("lease"),
        allow == null ? Allow.nothing() : allow(allow),
        base);
  }

  private static Allow allow(Shape.Bound b) {
    return new Allow(
        b.get("processes"),
        b.get("files"),
        b.get("disks"),
        b.get("cpu"),
        b.get("memory"),
        b.get("ports"),
        b.get("network"));
  }
}
