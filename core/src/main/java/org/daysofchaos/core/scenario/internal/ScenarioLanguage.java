package org.daysofchaos.core.scenario.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Detection;
import org.daysofchaos.core.Diagnosis;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Hint;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spec.YamlEnum;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The scenario language of one catalog: the keys of a scenario file, their types and rules, and the
 * binding of a composed YAML tree to a {@link Scenario}. Shared by the reader and the schema
 * generator, so that both always agree. Written with the binder ({@code
 * org.daysofchaos.core.binder}); what is the scenario's own is here: the fault, probe and target
 * kinds of the catalog, and the rules across keys.
 */
public final class ScenarioLanguage {
  public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(20);

  static final List<String> REQUIRED_KEYS =
      List.of("id", "title", "targets", "faults", "steadyState");

  /** Lower-case words joined by '-', in segments separated by '/'. */
  static final String ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$";

  static final ValueType ID =
      Types.matching(
          ID_PATTERN,
          "an id such as demo/payment-latency",
          "id; use lower-case words joined by '-', in segments separated by '/', e.g."
              + " demo/payment-latency");

  /** Prometheus' syntax for metric and label names, which {@code alertname} values follow. */
  static final ValueType ALERT_NAME =
      Types.matching(
              "^[a-zA-Z_][a-zA-Z0-9_]*$",
              "an alert name such as BookingLatencyHigh",
              "alert name; use letters, digits and '_', not starting with a digit, e.g."
                  + " BookingLatencyHigh")
          .nonBlank();

  /** The source of scenario files, so that YAML errors speak of "a scenario file". */
  public static final YamlSource SOURCE = new YamlSource("a scenario");

  final KindType faultType;
  final KindType probeType;
  final TargetsType targetsType;
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
    targetsType =
        new TargetsType(
            catalog.targetKinds().stream()
                .map(name -> TargetKind.of(catalog.target(name).orElseThrow()))
                .toList());
    guardrail = guardrailShape();
    List<Field> fields = new ArrayList<>(whatFields());
    fields.addAll(howFields());
    scenario = new Shape("A Days of Chaos scenario.", fields);
  }

  private static Node yaml(String text) {
    return YamlSource.composeTrusted(text);
  }

  /** What the scenario is and how long its fault lasts. */
  private static List<Field> whatFields() {
    return List.of(
        Field.required(
            "id",
            ID,
            "Unique id: lower-case words joined by '-', in segments separated by '/', e.g."
                + " demo/payment-latency."),
        Field.required("title", Types.NON_BLANK, "A short title for game masters and reports."),
        Field.optional(
                "description",
                Types.STRING,
                "",
                "What the scenario breaks and what players will see, for game masters.")
            .withDefaultNode(yaml("''")),
        Field.optional(
                "weight", Types.INT, 1, "From 1 to 10: scales the points the scenario is worth.")
            .withRange(1, 10)
            .withDefaultNode(yaml("1")),
        Field.optional(
                "mode",
                Types.enumOf(Mode.class),
                Mode.TIME_BOXED,
                "time-boxed: the fault lasts its duration. until-fixed: the fault stays until a"
                    + " team's fix brings the steady state back, at most maxDuration.")
            .withDefaultNode(yaml(YamlEnum.name(Mode.TIME_BOXED))),
        Field.optional(
            "duration",
            Types.optional(Types.POSITIVE_DURATION),
            Optional.empty(),
            "How long a time-boxed fault lasts; at most maxDuration, which is the default. Not"
                + " allowed with until-fixed."),
        Field.optional(
                "maxDuration",
                Types.POSITIVE_DURATION,
                DEFAULT_MAX_DURATION,
                "The safety bound on the fault, always enforced.")
            .withDefaultNode(yaml(Durations.format(DEFAULT_MAX_DURATION))));
  }

  /** What the scenario breaks, how it is detected, recovered, diagnosed and guarded. */
  private List<Field> howFields() {
    Shape detection = detectionShape(probeType);
    Shape recovery = recoveryShape();
    Shape diagnosis = diagnosisShape();
    return List.of(
        Field.required(
            "targets",
            targetsType,
            "The things the faults may break, each under a name of your choice."),
        Field.required(
            "faults",
            Types.list(faultType, "fault").atLeast(1),
            "What to break; every fault is injected when the incident fires."),
        Field.required(
            "steadyState",
            Types.list(probeType, "probe").atLeast(1),
            "Probes that all hold while the system is healthy."),
        Field.optional(
            "detection",
            Types.map(
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
            Types.map(recovery, b -> new Recovery(b.get("holdFor"), b.get("within"))),
            Recovery.defaults(),
            recovery.doc()),
        Field.optional(
            "diagnosis",
            Types.optional(
                Types.map(diagnosis, b -> new Diagnosis(b.get("component"), b.get("fault")))),
            Optional.empty(),
            diagnosis.doc()),
        Field.optional(
                "hints",
                Types.list(
                    Types.map(hintShape(), b -> new Hint(b.get("after"), b.get("text"))), "hint"),
                List.of(),
                "Clues players may buy, each available some time after the injection.")
            .withDefaultNode(yaml("[]")),
        guardrailsField());
  }

  private static Shape detectionShape(ValueType probeType) {
    return new Shape(
        "How monitoring notices the failure: the first signal that holds, or the first alert"
            + " that arrives, after the injection is the moment of detection.",
        List.of(
            Field.optional(
                    "signals",
                    Types.list(probeType, "probe"),
                    List.of(),
                    "Probes; the first one to hold counts as detection.")
                .withDefaultNode(yaml("[]")),
            Field.optional(
                    "alerts",
                    Types.list(ALERT_NAME, "alert name").unique(),
                    List.of(),
                    "Prometheus alert names (the alertname label); the first of them that"
                        + " Alertmanager sends as firing to the scoreboard's webhook while the"
                        + " incident runs counts as detection.")
                .withDefaultNode(yaml("[]")),
            Field.optional(
                    "services",
                    Types.list(Types.NON_BLANK, "service").unique(),
                    List.of(),
                    "The services where players can see the failure, e.g. booking; a team's"
                        + " detection claim must name one of them or the diagnosis component.")
                .withDefaultNode(yaml("[]"))));
  }

  private static Shape recoveryShape() {
    return new Shape(
        "When the system counts as recovered.",
        List.of(
            Field.optional(
                    "holdFor",
                    Types.POSITIVE_DURATION,
                    Recovery.DEFAULT_HOLD_FOR,
                    "How long the steady state must hold without interruption to count as"
                        + " recovered.")
                .withDefaultNode(yaml(Durations.format(Recovery.DEFAULT_HOLD_FOR))),
            Field.optional(
                    "within",
                    Types.DURATION,
                    Recovery.DEFAULT_WITHIN,
                    "How long after the fault ends to wait for recovery before the verdict is"
                        + " DEVIATED.")
                .withDefaultNode(yaml(Durations.format(Recovery.DEFAULT_WITHIN)))));
  }

  private static Shape diagnosisShape() {
    return new Shape(
        "The answer key, never shown to players: what a correct diagnosis names.",
        List.of(
            Field.required("component", Types.NON_BLANK, "The component at fault, e.g. payment."),
            Field.required("fault", Types.NON_BLANK, "The kind of fault, e.g. latency.")));
  }

  private static Shape hintShape() {
    return new Shape(
        "A clue that players may buy.",
        List.of(
            Field.required(
                "after",
                Types.DURATION,
                "How long after the injection the hint becomes available."),
            Field.required("text", Types.NON_BLANK, "The clue.")));
  }

  private Shape guardrailShape() {
    return new Shape(
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
                .withDefaultNode(yaml("0s"))));
  }

  /** The {@code guardrails} key; game days declare theirs with the same field. */
  public Field guardrailsField() {
    return Field.optional(
            "guardrails",
            Types.list(
                Types.map(
                    guardrail,
                    b -> new Guardrail(b.get("name"), b.get("holds"), b.get("abortAfter"))),
                "guardrail"),
            List.of(),
            guardrail.doc()
                + " When one fails for its abortAfter, the incident is reverted and ABORTED.")
        .withDefaultNode(yaml("[]"));
  }

  public Map<String, KindShape> faultKinds() {
    return faultType.kinds();
  }

  public Map<String, KindShape> probeKinds() {
    return probeType.kinds();
  }

  /** Binds a composed document (null for an empty one); null when there was any problem. */
  public Scenario bind(Node root, ReadContext ctx) {
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
      ScenarioRefs.of(ctx).id(id, bound.node("id"));
    }
    ScenarioChecks.timing(bound, ctx);
    ScenarioChecks.targetRefs(ScenarioRefs.of(ctx), ctx);
    if (!bound.valid() || ctx.problemCount() > 0) {
      return null;
    }
    return scenario(bound);
  }

  private static Scenario scenario(Shape.Bound bound) {
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
}
