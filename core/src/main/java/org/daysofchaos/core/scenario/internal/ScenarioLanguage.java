package org.daysofchaos.core.scenario.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.daysofchaos.core.Detection;
import org.daysofchaos.core.Diagnosis;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Hint;
import org.daysofchaos.core.KubernetesTarget;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetType;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spec.YamlEnum;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The scenario language of one catalog: the keys of a scenario file, their types and rules, and the
 * binding of a composed YAML tree to a {@link Scenario}. Shared by the reader and the schema
 * generator, so that both always agree.
 */
public final class ScenarioLanguage {
  public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(20);

  static final List<String> REQUIRED_KEYS =
      List.of("id", "title", "targets", "faults", "steadyState");

  final KindType faultType;
  final KindType probeType;
  final TargetsType targetsType = new TargetsType();
  final Shape detection;
  final Shape recovery;
  final Shape diagnosis;
  final Shape hint;
  final Shape guardrail;
  final Shape scenario;

  /**
   * The language of {@code catalog}.
   *
   * @throws IllegalArgumentException when a kind record of the catalog cannot be written in YAML
   */
  public ScenarioLanguage(KindCatalog catalog) {
    faultType = new KindType(catalog, true);
    probeType = new KindType(catalog, false);
    ValueType probes = new Types.ListType(probeType, 0, "probe");
    detection =
        new Shape(
            "How monitoring notices the failure: the first signal that holds, or the first alert"
                + " that arrives, after the injection is the moment of detection.",
            List.of(
                Field.optional(
                        "signals",
                        probes,
                        List.of(),
                        "Probes; the first one to hold counts as detection.")
                    .withDefaultNode(YamlSource.composeTrusted("[]")),
                Field.optional(
                        "alerts",
                        new Types.ListType(Types.ALERT_NAME, 0, "alert name").unique(),
                        List.of(),
                        "Prometheus alert names (the alertname label); the first of them that"
                            + " Alertmanager sends as firing to the scoreboard's webhook while the"
                            + " incident runs counts as detection.")
                    .withDefaultNode(YamlSource.composeTrusted("[]")),
                Field.optional(
                        "services",
                        new Types.ListType(Types.NON_BLANK, 0, "service").unique(),
                        List.of(),
                        "The services where players can see the failure, e.g. booking; a team's"
                            + " detection claim must name one of them or the diagnosis component.")
                    .withDefaultNode(YamlSource.composeTrusted("[]"))));
    recovery =
        new Shape(
            "When the system counts as recovered.",
            List.of(
                Field.optional(
                        "holdFor",
                        Types.POSITIVE_DURATION,
                        Recovery.DEFAULT_HOLD_FOR,
                        "How long the steady state must hold without interruption to count as"
                            + " recovered.")
                    .withDefaultNode(
                        YamlSource.composeTrusted(Durations.format(Recovery.DEFAULT_HOLD_FOR))),
                Field.optional(
                        "within",
                        Types.DURATION,
                        Recovery.DEFAULT_WITHIN,
                        "How long after the fault ends to wait for recovery before the verdict is"
                            + " DEVIATED.")
                    .withDefaultNode(
                        YamlSource.composeTrusted(Durations.format(Recovery.DEFAULT_WITHIN)))));
    diagnosis =
        new Shape(
            "The answer key, never shown to players: what a correct diagnosis names.",
            List.of(
                Field.required(
                    "component", Types.NON_BLANK, "The component at fault, e.g. payment."),
                Field.required("fault", Types.NON_BLANK, "The kind of fault, e.g. latency.")));
    hint =
        new Shape(
            "A clue that players may buy.",
            List.of(
                Field.required(
                    "after",
                    Types.DURATION,
                    "How long after the injection the hint becomes available."),
                Field.required("text", Types.NON_BLANK, "The clue.")));
    guardrail =
        new Shape(
            "An abort condition: a probe that must keep holding while the fault is in effect.",
            List.of(
                Field.required(
                    "name", Types.NON_BLANK, "How the journal names it, e.g. search stays up."),
                Field.required(
                    "holds",
                    probeType,
                    "The probe that must hold, typically on a service outside the game."),
                Field.optional(
                        "abortAfter",
                        Types.DURATION,
                        Duration.ZERO,
                        "How long the probe may fail without a break before the incident is"
                            + " reverted and aborted; 0s aborts at the first failing sample.")
                    .withDefaultNode(YamlSource.composeTrusted("0s"))));
    scenario = new Shape("A Days of Chaos scenario.", topFields());
  }

  private List<Field> topFields() {
    return List.of(
        Field.required(
            "id",
            Types.ID,
            "Unique id: lower-case words joined by '-', in segments separated by '/', e.g."
                + " demo/payment-latency."),
        Field.required("title", Types.NON_BLANK, "A short title for game masters and reports."),
        Field.optional(
                "description",
                Types.STRING,
                "",
                "What the scenario breaks and what players will see, for game masters.")
            .withDefaultNode(YamlSource.composeTrusted("''")),
        Field.optional(
                "weight", Types.INT, 1, "From 1 to 10: scales the points the scenario is worth.")
            .withRange(1, 10)
            .withDefaultNode(YamlSource.composeTrusted("1")),
        Field.optional(
                "mode",
                new Types.EnumType(Mode.class),
                Mode.TIME_BOXED,
                "time-boxed: the fault lasts its duration. until-fixed: the fault stays until a"
                    + " team's fix brings the steady state back, at most maxDuration.")
            .withDefaultNode(YamlSource.composeTrusted(YamlEnum.name(Mode.TIME_BOXED))),
        Field.optional(
            "duration",
            new Types.OptionalType(Types.POSITIVE_DURATION),
            Optional.empty(),
            "How long a time-boxed fault lasts; at most maxDuration, which is the default. Not"
                + " allowed with until-fixed."),
        Field.optional(
                "maxDuration",
                Types.POSITIVE_DURATION,
                DEFAULT_MAX_DURATION,
                "The safety bound on the fault, always enforced.")
            .withDefaultNode(YamlSource.composeTrusted(Durations.format(DEFAULT_MAX_DURATION))),
        Field.required(
            "targets",
            targetsType,
            "The things the faults may break, each under a name of your choice."),
        Field.required(
            "faults",
            new Types.ListType(faultType, 1, "fault"),
            "What to break; every fault is injected when the incident fires."),
        Field.required(
            "steadyState",
            new Types.ListType(probeType, 1, "probe"),
            "Probes that all hold while the system is healthy."),
        Field.optional(
            "detection",
            new Types.MapType(
                detection,
                b ->
                    new Detection(
                        b.get("signals"),
                        b.<List<String>>get("alerts"),
                        b.<List<String>>get("services"))),
            Detection.none(),
            detection.doc()),
        Field.optional(
            "recovery",
            new Types.MapType(recovery, b -> new Recovery(b.get("holdFor"), b.get("within"))),
            Recovery.defaults(),
            recovery.doc()),
        Field.optional(
            "diagnosis",
            new Types.OptionalType(
                new Types.MapType(
                    diagnosis, b -> new Diagnosis(b.get("component"), b.get("fault")))),
            Optional.empty(),
            diagnosis.doc()),
        Field.optional(
                "hints",
                new Types.ListType(
                    new Types.MapType(hint, b -> new Hint(b.get("after"), b.get("text"))),
                    0,
                    "hint"),
                List.of(),
                "Clues players may buy, each available some time after the injection.")
            .withDefaultNode(YamlSource.composeTrusted("[]")),
        Field.optional(
                "guardrails",
                new Types.ListType(
                    new Types.MapType(
                        guardrail,
                        b -> new Guardrail(b.get("name"), b.get("holds"), b.get("abortAfter"))),
                    0,
                    "guardrail"),
                List.of(),
                guardrail.doc()
                    + " When one fails for its abortAfter, the incident is reverted and ABORTED.")
            .withDefaultNode(YamlSource.composeTrusted("[]")));
  }

  public Map<String, KindShape> faultKinds() {
    return faultType.kinds();
  }

  public Map<String, KindShape> probeKinds() {
    return probeType.kinds();
  }

  /** Binds a composed document (null for an empty one); null when there was any problem. */
  public Scenario bind(Node root, Ctx ctx) {
    if (root == null) {
      ctx.problem(
          1,
          1,
          "yaml",
          "the file is empty; a scenario needs at least " + String.join(", ", REQUIRED_KEYS));
      return null;
    }
    if (!(root instanceof MappingNode map)) {
      ctx.problem(
          root,
          "yaml",
          Nodes.mismatch(
              "a scenario: a map with " + String.join(", ", REQUIRED_KEYS) + " and so on", root));
      return null;
    }
    Shape.Bound bound = scenario.bind(map, Nodes.entries(map, "", ctx), "", ctx);
    if (bound.values().get("id") instanceof String id) {
      ctx.id = id;
      ctx.idNode = bound.node("id");
    }
    checkTiming(bound, ctx);
    checkTargetRefs(ctx);
    if (!bound.valid() || ctx.problemCount() > 0) {
      return null;
    }
    return new Scenario(
        bound.get("id"),
        bound.get("title"),
        bound.get("description"),
        bound.<Integer>get("weight"),
        bound.get("mode"),
        bound.get("duration"),
        bound.get("maxDuration"),
        bound.<Map<String, Target>>get("targets"),
        bound.<List<FaultSpec>>get("faults"),
        bound.<List<ProbeSpec>>get("steadyState"),
        bound.get("detection"),
        bound.get("recovery"),
        bound.get("diagnosis"),
        bound.<List<Hint>>get("hints"),
        bound.<List<Guardrail>>get("guardrails"));
  }

  private static void checkTiming(Shape.Bound bound, Ctx ctx) {
    Optional<Duration> duration = bound.get("duration");
    if (duration == null || duration.isEmpty()) {
      return;
    }
    Node at = bound.node("duration");
    if (bound.get("mode") == Mode.UNTIL_FIXED) {
      ctx.problem(
          at,
          "duration",
          "is only allowed with mode time-boxed; an until-fixed fault lasts until the fix works,"
              + " at most maxDuration");
      return;
    }
    Duration max = bound.get("maxDuration");
    if (max != null && duration.get().compareTo(max) > 0) {
      ctx.problem(
          at,
          "duration",
          "must not exceed maxDuration ("
              + Durations.format(max)
              + "), got "
              + Durations.format(duration.get()));
    }
  }

  private static void checkTargetRefs(Ctx ctx) {
    Set<String> names = ctx.targetNames;
    if (names == null) {
      return;
    }
    for (Ctx.TargetRef ref : ctx.targetRefs) {
      if (!names.contains(ref.name())) {
        ctx.problem(
            ref.node(),
            ref.field(),
            "no target named "
                + Nodes.quote(ref.name())
                + Suggest.didYouMean(ref.name(), names)
                + (names.isEmpty() ? "" : "; targets: " + String.join(", ", names)));
        continue;
      }
      Target target = ctx.targets.get(ref.name());
      List<TargetType> allowed = Arrays.asList(ref.allowed());
      if (target != null && !allowed.isEmpty() && !allowed.contains(target.type())) {
        ctx.problem(
            ref.node(),
            ref.field(),
            ref.kind()
                + " needs a "
                + allowed.stream().map(TargetType::yamlName).collect(Collectors.joining(" or "))
                + " target, but "
                + Nodes.quote(ref.name())
                + " is a "
                + target.type().yamlName());
        continue;
      }
      List<KubernetesTarget.Resource> resources = Arrays.asList(ref.kubernetes());
      if (target != null
          && target.kubernetes().isPresent()
          && !resources.isEmpty()
          && !resources.contains(target.kubernetes().get().resource())) {
        ctx.problem(
            ref.node(),
            ref.field(),
            ref.kind()
                + " needs a kubernetes target with "
                + resources.stream()
                    .map(KubernetesTarget.Resource::yamlKey)
                    .collect(Collectors.joining(" or "))
                + ", but "
                + Nodes.quote(ref.name())
                + " has "
                + target.kubernetes().get().resource().yamlKey());
      }
    }
  }
}
