package org.daysofchaos.core.gameday;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Suggest;
import org.daysofchaos.core.binder.ValueType;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.scenario.ScenarioKeys;
import org.daysofchaos.core.spec.KindCatalog;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads game-day files (see {@code docs/server.md}) in the manner of the scenario reader: every
 * problem of a file is reported as {@code file:line:column: field: message}, and nothing a file
 * contains makes the reader throw. A file with any problem yields no game day. Instances are
 * immutable and thread-safe.
 *
 * <pre>
 * id: demo-day
 * name: Demo game day
 * window: { lasts: 20m }            # opens when started; or opens: 2026-12-01T09:00:00+01:00
 * teams: [blue, red]
 * scenarios:
 *   - scenario: demo/payment-latency
 *     at: 1m                        # an offset into the window, or a date-time
 *   - scenario: demo/inventory-outage
 *     between: [3m, 6m]             # a random moment, drawn when the game day starts
 *   - scenario: demo/payment-resets
 *     cron: "0 0/5 * * * ?"         # every match while the window is open
 * guardrails:                       # optional: added to every incident's own, as in a scenario
 *   - name: search stays up
 *     holds: { kind: http/status, url: http://search.preprod/health }
 *     abortAfter: 10s
 * </pre>
 */
public final class GameDayReader {
  /** Lower-case words joined by '-': game-day ids appear in URLs, so they have no '/'. */
  static final Pattern ID = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

  private static final List<String> TOP_KEYS =
      List.of("id", "name", "description", "window", "teams", "scenarios", "guardrails");
  private static final List<String> WINDOW_KEYS = List.of("opens", "lasts", "closes");
  private static final List<String> TEAM_KEYS = List.of("name");
  private static final List<String> SLOT_KEYS = List.of("scenario", "at", "between", "cron");
  private static final List<String> TIMINGS = List.of("at", "between", "cron");
  private static final String TIME_EXPECTED =
      "an offset into the window such as 90s or 2m, or a date-time such as"
          + " 2026-12-01T09:30:00+01:00";

  private final Set<String> knownScenarios;
  private final CronCheck cron;

  /** Reads guardrails as scenarios do; null when the reader knows no probe kinds. */
  private final Field guardrails;

  private static final YamlSource SOURCE = new YamlSource("scenario");

  /**
   * A reader that checks scenario references against {@code knownScenarioIds}, cron expressions
   * with {@code cron}, and reads guardrails with the probe kinds of {@code catalog}.
   *
   * @throws IllegalArgumentException when a kind record of the catalog cannot be written in YAML
   */
  public GameDayReader(Collection<String> knownScenarioIds, CronCheck cron, KindCatalog catalog) {
    this.knownScenarios = new TreeSet<>(Objects.requireNonNull(knownScenarioIds, "ids"));
    this.cron = Objects.requireNonNull(cron, "cron");
    this.guardrails = new ScenarioKeys(catalog).guardrails();
  }

  /**
   * A reader without probe kinds: a game day that declares guardrails gets a problem saying so. Use
   * the other constructor wherever game days may protect services.
   */
  public GameDayReader(Collection<String> knownScenarioIds, CronCheck cron) {
    this.knownScenarios = new TreeSet<>(Objects.requireNonNull(knownScenarioIds, "ids"));
    this.cron = Objects.requireNonNull(cron, "cron");
    this.guardrails = null;
  }

  /** Reads one file; problems name it as given. */
  public GameDayReadResult read(Path file) {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        return failed(name, "is a directory, not a game-day file");
      }
      if (Files.size(file) > YamlSource.MAX_CHARS) {
        return failed(name, "is too large; a game-day file has at most 1000000 characters");
      }
      return read(name, Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return failed(name, "no such file");
    } catch (CharacterCodingException e) {
      return failed(name, "is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      return failed(name, "cannot be read: " + e);
    }
  }

  /** Reads a text; {@code sourceName} stands for the file in problems. */
  public GameDayReadResult read(String sourceName, String yamlText) {
    ReadContext ctx = new ReadContext(Objects.requireNonNull(sourceName, "sourceName"));
    GameDay day = null;
    try {
      Node root = SOURCE.compose(Objects.requireNonNull(yamlText, "yamlText"), ctx);
      if (ctx.problemCount() == 0) {
        day = new Binding(ctx).gameDay(root);
      }
    } catch (RuntimeException | StackOverflowError e) {
      ctx.problem(1, 1, "yaml", "internal error of the reader, please report it: " + e);
    }
    List<Problem> problems = Problem.of(ctx.sortedProblems());
    return new GameDayReadResult(
        problems.isEmpty() ? Optional.ofNullable(day) : Optional.empty(), problems);
  }

  private static GameDayReadResult failed(String file, String message) {
    return new GameDayReadResult(
        Optional.empty(), List.of(new Problem(file, 1, 1, "file", message)));
  }

  /** The binding of one file; collects problems and returns null where a value is invalid. */
  private final class Binding {
    private final ReadContext ctx;

    Binding(ReadContext ctx) {
      this.ctx = ctx;
    }

    GameDay gameDay(Node root) {
      if (root == null || isNull(root)) {
        ctx.problem(
            1,
            1,
            "yaml",
            "the file is empty; a game day needs id, name, window, teams" + " and scenarios");
        return null;
      }
      if (!(root instanceof MappingNode map)) {
        ctx.problem(
            root,
            "yaml",
            "expected a map of id, name, window, teams and scenarios, got " + describe(root));
        return null;
      }
      Map<String, NodeTuple> entries = entries(map, "", TOP_KEYS);
      String id = required(map, entries, "id", "an id such as demo-day", this::id);
      String name = required(map, entries, "name", "a text", this::text);
      String description = optional(entries, "description", this::text).orElse("");
      Window window = required(map, entries, "window", "a map with lasts or closes", this::window);
      List<Team> teams = required(map, entries, "teams", "a list of teams", this::teams);
      List<Slot> slots =
          required(
              map,
              entries,
              "scenarios",
              "a list of scenarios, each with at, between or cron",
              (node, field) -> slots(node, field, window));
      List<Guardrail> guarded = optional(entries, "guardrails", this::guardrails).orElse(List.of());
      if (ctx.problemCount() > 0) {
        return null;
      }
      return new GameDay(id, name, description, window, teams, slots, guarded);
    }

    // --- guardrails -----------------------------------------------------------------------------

    /** The scenario language's own guardrails key, so both files read and fail alike. */
    List<Guardrail> guardrails(Node node, String field) {
      if (guardrails == null) {
        ctx.problem(
            node, field, "this reader was built without probe kinds, so it cannot read guardrails");
        return null;
      }
      Object bound = guardrails.type().bind(node, field, ctx);
      @SuppressWarnings("unchecked")
      List<Guardrail> list = bound == ValueType.INVALID ? null : (List<Guardrail>) bound;
      return list;
    }

    // --- window ---------------------------------------------------------------------------------

    Window window(Node node, String field) {
      MappingNode map = map(node, field, "a map with lasts or closes");
      if (map == null) {
        return null;
      }
      Map<String, NodeTuple> entries = entries(map, field, WINDOW_KEYS);
      Optional<Instant> opens = optional(entries, "opens", this::dateTime, field);
      boolean openValid = !entries.containsKey("opens") || opens.isPresent();
      NodeTuple lasts = entries.get("lasts");
      NodeTuple closes = entries.get("closes");
      if (lasts != null && closes != null) {
        ctx.problem(
            closes.getKeyNode(), child(field, "closes"), "give only one of lasts or closes");
        return null;
      }
      if (lasts == null && closes == null) {
        ctx.problem(map, field, "says how long it lasts: give lasts (e.g. 2h) or closes");
        return null;
      }
      Duration length;
      if (lasts != null) {
        length = positiveDuration(lasts.getValueNode(), child(field, "lasts"));
      } else {
        Instant end = dateTime(closes.getValueNode(), child(field, "closes"));
        if (end == null || !openValid) {
          return null;
        }
        if (opens.isEmpty()) {
          ctx.problem(
              closes.getKeyNode(),
              child(field, "closes"),
              "needs opens to be a date-time too; or write lasts (e.g. 2h)");
          return null;
        }
        if (!end.isAfter(opens.get())) {
          ctx.problem(closes.getValueNode(), child(field, "closes"), "must be after opens");
          return null;
        }
        length = Duration.between(opens.get(), end);
      }
      if (length == null || !openValid) {
        return null;
      }
      return new Window(opens, length);
    }

    // --- teams ----------------------------------------------------------------------------------

    List<Team> teams(Node node, String field) {
      SequenceNode list = list(node, field, "a list of teams");
      if (list == null) {
        return null;
      }
      List<Team> teams = new ArrayList<>();
      Map<String, Node> seen = new HashMap<>();
      boolean valid = true;
      for (int i = 0; i < list.getValue().size(); i++) {
        Node item = list.getValue().get(i);
        String itemField = field + "[" + i + "]";
        Node nameNode = item;
        String nameField = itemField;
        if (item instanceof MappingNode map) {
          Map<String, NodeTuple> entries = entries(map, itemField, TEAM_KEYS);
          NodeTuple name = entries.get("name");
          if (name == null) {
            ctx.problem(map, child(itemField, "name"), "is missing; expected a text");
            valid = false;
            continue;
          }
          nameNode = name.getValueNode();
          nameField = child(itemField, "name");
        }
        String name = text(nameNode, nameField);
        if (name == null) {
          valid = false;
          continue;
        }
        Node first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), nameNode);
        if (first != null) {
          ctx.problem(
              nameNode,
              nameField,
              "duplicate team '" + name + "'; it is already given at line " + line(first));
          valid = false;
          continue;
        }
        teams.add(new Team(name));
      }
      return valid ? teams : null;
    }

    // --- scenarios ------------------------------------------------------------------------------

    List<Slot> slots(Node node, String field, Window window) {
      SequenceNode list = list(node, field, "a list of scenarios, each with at, between or cron");
      if (list == null) {
        return null;
      }
      List<Slot> slots = new ArrayList<>();
      for (int i = 0; i < list.getValue().size(); i++) {
        Slot slot = slot(i, list.getValue().get(i), field + "[" + i + "]", window);
        if (slot != null) {
          slots.add(slot);
        }
      }
      return slots.size() == list.getValue().size() ? slots : null;
    }

    Slot slot(int index, Node node, String field, Window window) {
      MappingNode map = map(node, field, "a map with scenario and one of at, between or cron");
      if (map == null) {
        return null;
      }
      Map<String, NodeTuple> entries = entries(map, field, SLOT_KEYS);
      String scenario =
          required(map, entries, "scenario", "a scenario id", this::scenarioRef, field);
      List<NodeTuple> timings =
          TIMINGS.stream().map(entries::get).filter(Objects::nonNull).toList();
      if (timings.isEmpty()) {
        ctx.problem(map, field, "says when it fires: give one of at, between or cron");
        return null;
      }
      if (timings.size() > 1) {
        NodeTuple second = timings.get(1);
        ctx.problem(
            second.getKeyNode(), child(field, key(second)), "give only one of at, between or cron");
        return null;
      }
      NodeTuple timing = timings.get(0);
      String timingField = child(field, key(timing));
      Timing when =
          switch (key(timing)) {
            case "at" -> at(timing.getValueNode(), timingField, window);
            case "between" -> between(timing.getValueNode(), timingField, window);
            default -> cron(timing.getValueNode(), timingField);
          };
      if (scenario == null || when == null) {
        return null;
      }
      return new Slot(index, scenario, when);
    }

    String scenarioRef(Node node, String field) {
      String id = text(node, field);
      if (id == null || knownScenarios.contains(id)) {
        return id;
      }
      String closest = closest(id, knownScenarios);
      ctx.problem(
          node,
          field,
          "no scenario '"
              + id
              + "' is loaded"
              + (closest == null ? "" : " (did you mean '" + closest + "'?)")
              + (knownScenarios.size() <= 12
                  ? "; loaded: "
                      + (knownScenarios.isEmpty() ? "none" : String.join(", ", knownScenarios))
                  : ""));
      return null;
    }

    Timing at(Node node, String field, Window window) {
      TimePoint at = timePoint(node, field, window);
      return at == null ? null : new Timing.At(at);
    }

    Timing between(Node node, String field, Window window) {
      if (!(node instanceof SequenceNode list) || list.getValue().size() != 2) {
        ctx.problem(
            node,
            field,
            "expected two moments, [from, to] such as [3m, 6m], got " + describe(node));
        return null;
      }
      TimePoint from = timePoint(list.getValue().get(0), field + "[0]", window);
      TimePoint to = timePoint(list.getValue().get(1), field + "[1]", window);
      if (from == null || to == null) {
        return null;
      }
      Instant anyOpening = window.opens().orElse(Instant.EPOCH);
      if (!to.resolve(anyOpening).isAfter(from.resolve(anyOpening))) {
        ctx.problem(list.getValue().get(1), field + "[1]", "must come after " + field + "[0]");
        return null;
      }
      return new Timing.Between(from, to);
    }

    Timing cron(Node node, String field) {
      String expression = text(node, field);
      if (expression == null) {
        return null;
      }
      Optional<String> problem;
      try {
        problem = cron.problem(expression);
      } catch (RuntimeException e) {
        problem = Optional.of(String.valueOf(e.getMessage()));
      }
      if (problem.isPresent()) {
        ctx.problem(node, field, "not a valid cron expression: " + problem.get());
        return null;
      }
      return new Timing.Cron(expression.strip());
    }

    /** An offset inside the window, or a date-time inside a window with a fixed opening. */
    TimePoint timePoint(Node node, String field, Window window) {
      if (window == null) {
        // The window has its own problem; the moment is checked on its own only.
        return scalar(node, field, TIME_EXPECTED) == null ? null : parseTime(node, field);
      }
      TimePoint point = parseTime(node, field);
      if (point instanceof TimePoint.Offset offset) {
        if (offset.offset().compareTo(window.length()) >= 0) {
          ctx.problem(
              node,
              field,
              "is not inside the window: it lasts "
                  + Durations.format(window.length())
                  + ", so an offset must be shorter");
          return null;
        }
      } else if (point instanceof TimePoint.Absolute absolute) {
        if (window.opens().isEmpty()) {
          ctx.problem(
              node,
              field,
              "a date-time needs window.opens to be a date-time too; write an offset such as 10m");
          return null;
        }
        Instant opens = window.opens().get();
        if (absolute.instant().isBefore(opens)
            || !absolute.instant().isBefore(window.closesAt(opens))) {
          ctx.problem(
              node,
              field,
              "is not inside the window, from "
                  + opens
                  + " to "
                  + window.closesAt(opens)
                  + " (UTC)");
          return null;
        }
      }
      return point;
    }

    TimePoint parseTime(Node node, String field) {
      String text = scalar(node, field, TIME_EXPECTED);
      if (text == null) {
        return null;
      }
      if (Character.isDigit(text.isEmpty() ? 'x' : text.charAt(0)) && !text.contains("-")) {
        try {
          return new TimePoint.Offset(Durations.parse(text));
        } catch (IllegalArgumentException e) {
          ctx.problem(node, field, e.getMessage());
          return null;
        }
      }
      Instant instant = instant(text);
      if (instant == null) {
        ctx.problem(node, field, "expected " + TIME_EXPECTED + ", got " + quote(text));
        return null;
      }
      return new TimePoint.Absolute(instant);
    }

    Instant dateTime(Node node, String field) {
      String text = scalar(node, field, "a date-time such as 2026-12-01T09:00:00+01:00");
      if (text == null) {
        return null;
      }
      Instant instant = instant(text);
      if (instant == null) {
        ctx.problem(
            node,
            field,
            "expected a date-time with its offset, such as 2026-12-01T09:00:00+01:00, got "
                + quote(text));
      }
      return instant;
    }

    // --- scalars --------------------------------------------------------------------------------

    String id(Node node, String field) {
      String id = scalar(node, field, "an id such as demo-day");
      if (id != null && !ID.matcher(id).matches()) {
        ctx.problem(
            node,
            field,
            quote(id)
                + " is not a valid game-day id; use lower-case words joined by '-', e.g."
                + " demo-day");
        return null;
      }
      return id;
    }

    String text(Node node, String field) {
      String text = scalar(node, field, "a text");
      if (text != null && text.isBlank()) {
        ctx.problem(node, field, "must not be empty");
        return null;
      }
      return text;
    }

    Duration positiveDuration(Node node, String field) {
      String text = scalar(node, field, "a duration such as 30m or 2h");
      if (text == null) {
        return null;
      }
      try {
        Duration d = Durations.parse(text);
        if (d.isZero()) {
          ctx.problem(node, field, "must be longer than 0s");
          return null;
        }
        return d;
      } catch (IllegalArgumentException e) {
        ctx.problem(node, field, e.getMessage());
        return null;
      }
    }

    String scalar(Node node, String field, String expected) {
      if (node instanceof ScalarNode scalar && !isNull(node)) {
        return scalar.getValue();
      }
      ctx.problem(node, field, "expected " + expected + ", got " + describe(node));
      return null;
    }

    MappingNode map(Node node, String field, String expected) {
      if (node instanceof MappingNode map) {
        return map;
      }
      ctx.problem(node, field, "expected " + expected + ", got " + describe(node));
      return null;
    }

    SequenceNode list(Node node, String field, String expected) {
      if (node instanceof SequenceNode list) {
        if (list.getValue().isEmpty()) {
          ctx.problem(node, field, "must not be empty; expected " + expected);
          return null;
        }
        return list;
      }
      ctx.problem(node, field, "expected " + expected + ", got " + describe(node));
      return null;
    }

    // --- maps -----------------------------------------------------------------------------------

    /** The entries of a map by key; unknown, repeated and non-text keys are problems. */
    Map<String, NodeTuple> entries(MappingNode map, String path, List<String> allowed) {
      Map<String, NodeTuple> entries = new LinkedHashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
          ctx.problem(
              keyNode,
              path.isEmpty() ? "yaml" : path,
              "keys must be plain names, got " + describe(keyNode));
          continue;
        }
        String key = scalar.getValue();
        String field = child(path, key);
        if (entries.containsKey(key)) {
          ctx.problem(
              keyNode,
              field,
              "duplicate key '"
                  + key
                  + "'; it is already given at line "
                  + line(entries.get(key).getKeyNode()));
          continue;
        }
        if (!allowed.contains(key)) {
          String closest = closest(key, allowed);
          ctx.problem(
              keyNode,
              field,
              "unknown key '"
                  + key
                  + "'"
                  + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                  + "; allowed keys: "
                  + String.join(", ", allowed));
          continue;
        }
        entries.put(key, tuple);
      }
      return entries;
    }

    <T> T required(
        MappingNode map,
        Map<String, NodeTuple> entries,
        String key,
        String expected,
        Binder<T> binder) {
      return required(map, entries, key, expected, binder, "");
    }

    <T> T required(
        MappingNode map,
        Map<String, NodeTuple> entries,
        String key,
        String expected,
        Binder<T> binder,
        String path) {
      NodeTuple entry = entries.get(key);
      String field = child(path, key);
      if (entry == null || isNull(entry.getValueNode())) {
        ctx.problem(
            entry == null ? map : entry.getKeyNode(), field, "is missing; expected " + expected);
        return null;
      }
      return binder.bind(entry.getValueNode(), field);
    }

    <T> Optional<T> optional(Map<String, NodeTuple> entries, String key, Binder<T> binder) {
      return optional(entries, key, binder, "");
    }

    <T> Optional<T> optional(
        Map<String, NodeTuple> entries, String key, Binder<T> binder, String path) {
      NodeTuple entry = entries.get(key);
      if (entry == null || isNull(entry.getValueNode())) {
        return Optional.empty();
      }
      return Optional.ofNullable(binder.bind(entry.getValueNode(), child(path, key)));
    }
  }

  @FunctionalInterface
  private interface Binder<T> {
    T bind(Node node, String field);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeException e2) {
        return null;
      }
    }
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String key(NodeTuple tuple) {
    return ((ScalarNode) tuple.getKeyNode()).getValue();
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  private static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
  }

  private static String describe(Node node) {
    if (isNull(node)) {
      return "nothing";
    }
    if (node instanceof ScalarNode scalar) {
      return quote(scalar.getValue());
    }
    return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a map" : "?";
  }

  private static String quote(String value) {
    String text = value.replace("\r", "").replace("\n", "\\n").replace("\t", "\\t");
    if (text.codePointCount(0, text.length()) > 40) {
      text = text.substring(0, text.offsetByCodePoints(0, 37)) + "...";
    }
    return "'" + text + "'";
  }

  /** The closest candidate when {@code given} is an obvious typo of it, else null. */
  static String closest(String given, Collection<String> candidates) {
    return Suggest.closest(given, candidates);
  }
}
