package org.daysofchaos.core.gameday;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Rule;
import org.daysofchaos.core.binder.SchemaWriter;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.core.binder.YamlSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The game-day language, written with the binder: the keys of a game-day file, their types and
 * rules, bound to a {@link GameDay}. The reader and the schema generator share it, so both agree.
 * Guardrails are the scenario language's own field, lent by {@code ScenarioKeys}.
 */
final class GameDayLanguage {
  static final YamlSource SOURCE = new YamlSource("a game day");

  /** Lower-case words joined by '-': game-day ids appear in URLs, so they have no '/'. */
  static final String ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

  private static final String TIMINGS = "at, between or cron";

  private final Shape gameDay;

  /**
   * The language of a reader that knows {@code scenarios}, checks cron expressions with {@code
   * cron} and reads {@code guardrails} with that field (named {@code guardrails}).
   */
  GameDayLanguage(Set<String> scenarios, CronCheck cron, Field guardrails) {
    this.gameDay =
        new Shape(
                "A Days of Chaos game day.",
                List.of(
                    Field.required(
                        "id",
                        Types.matching(
                            ID_PATTERN,
                            "an id such as demo-day",
                            "game-day id; use lower-case words joined by '-', e.g. demo-day"),
                        "Lower-case words joined by '-', e.g. demo-day; it appears in URLs."),
                    Field.required("name", Types.NON_BLANK, "What people call the game day."),
                    Field.optional(
                        "description", Types.NON_BLANK, "", "Free text for the game master."),
                    Field.required("window", window(), "When the game day runs."),
                    Field.required(
                        "teams",
                        Types.list(GameDayTypes.TEAM, "team")
                            .nonEmpty()
                            .uniqueBy(name -> ((String) name).toLowerCase(Locale.ROOT), "name")
                            .describedAs("a list of teams"),
                        "The teams that play, by name (unique, ignoring case)."),
                    Field.required(
                        "scenarios",
                        Types.list(slot(scenarios, cron), "scenario")
                            .nonEmpty()
                            .describedAs("a list of scenarios, each with " + TIMINGS),
                        "The scenarios that fire, each with when: at, between or cron."),
                    guardrails,
                    Field.optional(
                        "blind",
                        Types.BOOLEAN,
                        false,
                        "true: players, viewers and the public do not see how many incidents"
                            + " fired or are open, and the diagnosis offers only the standard"
                            + " kinds of fault, so nothing tells them what runs before they"
                            + " find it."),
                    Field.optional(
                        "notifications",
                        Types.list(NotificationLanguage.notification(), "notification")
                            .uniqueBy(n -> ((Notification) n).name(), "name")
                            .describedAs("a list of notification channels"),
                        List.of(),
                        "Webhooks told of incidents (started, detected, reverted, recovered, aborted,"
                            + " ended) and of halt-all; a players' channel only once each"
                            + " incident is over (docs/notifications.md).")))
            .reportingMissingBesideTypos();
  }

  /** The guardrails field of a reader without probe kinds: any guardrail is a problem. */
  static Field noGuardrails() {
    return Field.optional("guardrails", GameDayTypes.NO_GUARDRAILS, List.of(), "Not readable.");
  }

  private static ValueType window() {
    Shape shape =
        new Shape(
                "When the game day runs: lasts, or opens and closes.",
                List.of(
                    Field.optional(
                        "opens",
                        Types.optional(MomentTypes.DATE_TIME),
                        Optional.empty(),
                        "When the window opens; without it, when the game master starts it."),
                    Field.optional(
                        "lasts",
                        Types.duration(true, "a duration such as 30m or 2h"),
                        null,
                        "How long the window lasts, e.g. 2h."),
                    Field.optional(
                        "closes",
                        MomentTypes.DATE_TIME,
                        null,
                        "When the window closes; with opens, instead of lasts.")))
            .reportingMissingBesideTypos();
    return Types.map(shape, GameDayLanguage::window)
        .withRule(
            Rule.exactlyOne(
                "says how long it lasts: give lasts (e.g. 2h) or closes",
                "give only one of lasts or closes",
                "lasts",
                "closes"))
        .withRule(new ClosesAfterOpens())
        .describedAs("a map with lasts or closes");
  }

  private static Window window(Shape.Bound b) {
    Optional<Instant> opens = b.get("opens");
    Duration lasts = b.get("lasts");
    return new Window(
        opens, lasts != null ? lasts : Duration.between(opens.orElseThrow(), b.get("closes")));
  }

  /** {@code closes} needs {@code opens}, and comes after it; in the schema, the first half. */
  private static final class ClosesAfterOpens implements Rule {
    @Override
    public void check(Shape.Bound b) {
      Optional<Instant> opens = b.get("opens");
      Instant closes = b.get("closes");
      if (closes == null || opens == null || b.has("lasts")) {
        return; // absent, invalid, or given with lasts: reported elsewhere
      }
      if (opens.isEmpty()) {
        b.problemAtKey("closes", "needs opens to be a date-time too; or write lasts (e.g. 2h)");
      } else if (!closes.isAfter(opens.get())) {
        b.problemAtValue("closes", "must be after opens");
      }
    }

    @Override
    public void schema(ObjectNode schema) {
      schema.putObject("dependentRequired").putArray("closes").add("opens");
    }
  }

  /** One entry of {@code scenarios}, without its index (given once the list is read). */
  private record SlotSpec(String scenario, Timing timing) {}

  private static ValueType slot(Set<String> scenarios, CronCheck cron) {
    Shape shape =
        new Shape(
                "A scenario and when it fires: one of at, between or cron.",
                List.of(
                    Field.required(
                        "scenario",
                        GameDayTypes.scenarioRef(scenarios),
                        "The id of a loaded scenario."),
                    Field.optional(
                        "at", MomentTypes.AT, null, "Once, at an offset or a date-time."),
                    Field.optional(
                        "between",
                        MomentTypes.BETWEEN,
                        null,
                        "Once, at a random moment between two, drawn when the game day starts."),
                    Field.optional(
                        "cron",
                        GameDayTypes.cron(cron),
                        null,
                        "Every match of a Quartz cron expression while the window is open.")))
            .reportingMissingBesideTypos();
    return Types.map(shape, GameDayLanguage::slot)
        .withRule(
            Rule.exactlyOne(
                "says when it fires: give one of " + TIMINGS,
                "give only one of " + TIMINGS,
                "at",
                "between",
                "cron"))
        .describedAs("a map with scenario and one of " + TIMINGS);
  }

  private static SlotSpec slot(Shape.Bound b) {
    Timing timing = b.get("at");
    timing = timing != null ? timing : b.get("between");
    return new SlotSpec(b.get("scenario"), timing != null ? timing : b.get("cron"));
  }

  /** Binds a composed document (null for an empty one); null when there was any problem. */
  GameDay bind(Node root, ReadContext ctx) {
    if (Nodes.isNull(root)) {
      ctx.problem(
          1,
          1,
          "yaml",
          "the file is empty; a game day needs id, name, window, teams and scenarios");
      return null;
    }
    if (!(root instanceof MappingNode map)) {
      ctx.problem(
          root, "yaml", Nodes.mismatch("a map of id, name, window, teams and scenarios", root));
      return null;
    }
    Shape.Bound b = gameDay.bind(map, Nodes.entries(map, "", ctx), "", ctx);
    ctx.get(Moments.KEY).check(b.get("window"), ctx);
    if (!b.valid() || ctx.problemCount() > 0) {
      return null;
    }
    List<String> teams = b.get("teams");
    List<SlotSpec> slots = b.get("scenarios");
    return new GameDay(
        b.get("id"),
        b.get("name"),
        b.get("description"),
        b.get("window"),
        teams.stream().map(Team::new).toList(),
        IntStream.range(0, slots.size())
            .mapToObj(i -> new Slot(i, slots.get(i).scenario(), slots.get(i).timing()))
            .toList(),
        b.<List<Guardrail>>get("guardrails"),
        b.<Boolean>get("blind"),
        b.<List<Notification>>get("notifications"));
  }

  /** The JSON Schema of game days; {@code definitions} are those the guardrails refer to. */
  ObjectNode schema(Map<String, ObjectNode> definitions) {
    ObjectNode root =
        SchemaWriter.document(
            "Days of Chaos game day",
            "A game day of Days of Chaos: teams, a window, the scenarios that fire in it and"
                + " when, and guardrails for every incident. Generated from the game-day"
                + " language (GameDaySchema); see docs/server.md.",
            gameDay);
    ObjectNode defs = root.putObject("$defs");
    defs.setAll(SchemaWriter.durationDefinitions());
    MomentTypes.definitions(defs);
    defs.setAll(definitions);
    return root;
  }
}
