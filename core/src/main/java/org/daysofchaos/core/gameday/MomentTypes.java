package org.daysofchaos.core.gameday;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.ScalarType;
import org.daysofchaos.core.binder.ValueType;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The moments of a game day: date-times, and the {@code at} and {@code between} of a scenario.
 * Whether a moment is inside the window is checked once the whole file is read ({@link Moments}).
 */
final class MomentTypes {
  static final String TIME_EXPECTED =
      "an offset into the window such as 90s or 2m, or a date-time such as"
          + " 2026-12-01T09:30:00+01:00";

  static final String DATE_TIME_DEF = "#/$defs/dateTime";
  static final String MOMENT_DEF = "#/$defs/moment";

  /** A date-time with its offset, such as {@code 2026-12-01T09:00:00+01:00}, or in UTC. */
  static final ValueType DATE_TIME =
      new ScalarType() {
        @Override
        protected Object convert(ScalarNode scalar) {
          Instant instant = instant(scalar.getValue());
          if (instant == null) {
            throw new IllegalArgumentException(
                "expected a date-time with its offset, such as 2026-12-01T09:00:00+01:00, got "
                    + Nodes.quote(scalar.getValue()));
          }
          return instant;
        }

        @Override
        public String expected() {
          return "a date-time such as 2026-12-01T09:00:00+01:00";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("$ref", DATE_TIME_DEF);
        }
      };

  /** An offset into the window ({@code 90s}) or a date-time: a {@link TimePoint}. */
  static final ValueType MOMENT =
      new ScalarType() {
        @Override
        protected Object convert(ScalarNode scalar) {
          String text = scalar.getValue();
          if (Character.isDigit(text.isEmpty() ? 'x' : text.charAt(0)) && !text.contains("-")) {
            return new TimePoint.Offset(Durations.parse(text));
          }
          Instant instant = instant(text);
          if (instant == null) {
            throw new IllegalArgumentException(Nodes.mismatch(expected(), scalar));
          }
          return new TimePoint.Absolute(instant);
        }

        @Override
        public String expected() {
          return TIME_EXPECTED;
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("$ref", MOMENT_DEF);
        }
      };

  /** {@code at: 1m}: once, at that moment. */
  static final ValueType AT =
      new ValueType() {
        @Override
        public Object bind(Node node, String field, ReadContext ctx) {
          Object at = MOMENT.bind(node, field, ctx);
          if (at == INVALID) {
            return INVALID;
          }
          ctx.get(Moments.KEY).at((TimePoint) at, node, field);
          return new Timing.At((TimePoint) at);
        }

        @Override
        public String expected() {
          return TIME_EXPECTED;
        }

        @Override
        public ObjectNode schema() {
          return MOMENT.schema();
        }
      };

  /** {@code between: [3m, 6m]}: once, at a random moment in that range. */
  static final ValueType BETWEEN =
      new ValueType() {
        @Override
        public Object bind(Node node, String field, ReadContext ctx) {
          if (!(node instanceof SequenceNode list) || list.getValue().size() != 2) {
            ctx.problem(node, field, Nodes.mismatch(expected(), node));
            return INVALID;
          }
          List<Node> ends = list.getValue();
          Object from = MOMENT.bind(ends.get(0), Paths.index(field, 0), ctx);
          Object to = MOMENT.bind(ends.get(1), Paths.index(field, 1), ctx);
          if (from == INVALID || to == INVALID) {
            return INVALID;
          }
          ctx.get(Moments.KEY).between((TimePoint) from, (TimePoint) to, ends, field);
          return new Timing.Between((TimePoint) from, (TimePoint) to);
        }

        @Override
        public String expected() {
          return "two moments, [from, to] such as [3m, 6m]";
        }

        @Override
        public ObjectNode schema() {
          ObjectNode schema = JSON.objectNode().put("type", "array");
          schema.put("minItems", 2).put("maxItems", 2);
          schema.set("items", MOMENT.schema());
          return schema;
        }
      };

  private MomentTypes() {}

  /** The schema definitions of {@link #DATE_TIME_DEF} and {@link #MOMENT_DEF}. */
  static void definitions(ObjectNode defs) {
    defs.putObject("dateTime")
        .put(
            "description",
            "A date and time with its offset, e.g. 2026-12-01T09:00:00+01:00 or"
                + " 2026-12-01T08:00:00Z.")
        .put("type", "string")
        .put(
            "pattern",
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?"
                + "(?:Z|[+-][0-9]{2}:[0-9]{2})$");
    ObjectNode moment = defs.putObject("moment");
    moment.put(
        "description",
        "A moment of the game day: an offset into the window such as 90s or 2m, or a date-time"
            + " inside a window that opens at a date-time.");
    moment.putArray("anyOf").add(ref("#/$defs/duration")).add(ref(DATE_TIME_DEF));
  }

  private static ObjectNode ref(String to) {
    return ValueType.JSON.objectNode().put("$ref", to);
  }

  static Instant instant(String text) {
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
}
