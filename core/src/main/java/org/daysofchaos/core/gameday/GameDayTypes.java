package org.daysofchaos.core.gameday;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.Nodes;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Suggest;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The value types of the game-day language that are not moments. */
final class GameDayTypes {
  private GameDayTypes() {}

  /** A team: {@code blue}, or {@code {name: blue}}; bound to its name. */
  static final ValueType TEAM =
      new ValueType() {
        private final Shape shape =
            new Shape(
                    "A team by name.",
                    List.of(Field.required("name", Types.NON_BLANK, "The team's name.")))
                .reportingMissingBesideTypos();

        @Override
        public Object bind(Node node, String field, ReadContext ctx) {
          if (!(node instanceof MappingNode map)) {
            return Types.NON_BLANK.bind(node, field, ctx);
          }
          Shape.Bound bound = shape.bind(map, Nodes.entries(map, field, ctx), field, ctx);
          return bound.valid() ? bound.get("name") : INVALID;
        }

        @Override
        public String expected() {
          return "a text";
        }

        @Override
        public ObjectNode schema() {
          ObjectNode schema = JSON.objectNode().put("description", "A team: its name.");
          schema.putArray("anyOf").add(Types.NON_BLANK.schema()).add(shape.schema());
          return schema;
        }
      };

  /** The id of a scenario the reader knows. */
  static ValueType scenarioRef(Set<String> known) {
    return new ValueType() {
      @Override
      public Object bind(Node node, String field, ReadContext ctx) {
        Object id = Types.NON_BLANK.bind(node, field, ctx);
        if (id == INVALID || known.contains((String) id)) {
          return id;
        }
        ctx.problem(node, field, unknownScenario((String) id, known));
        return INVALID;
      }

      @Override
      public String expected() {
        return "a scenario id";
      }

      @Override
      public ObjectNode schema() {
        return Types.NON_BLANK.schema();
      }
    };
  }

  private static String unknownScenario(String id, Set<String> known) {
    return "no scenario '"
        + id
        + "' is loaded"
        + Suggest.didYouMean(id, known)
        + (known.size() <= 12
            ? "; loaded: " + (known.isEmpty() ? "none" : String.join(", ", known))
            : "");
  }

  /** {@code cron: "0 0/5 * * * ?"}: every match of a Quartz cron expression in the window. */
  static ValueType cron(CronCheck check) {
    return new ValueType() {
      @Override
      public Object bind(Node node, String field, ReadContext ctx) {
        Object expression = Types.NON_BLANK.bind(node, field, ctx);
        if (expression == INVALID) {
          return INVALID;
        }
        Optional<String> problem;
        try {
          problem = check.problem((String) expression);
        } catch (RuntimeException e) {
          problem = Optional.of(String.valueOf(e.getMessage()));
        }
        if (problem.isPresent()) {
          ctx.problem(node, field, "not a valid cron expression: " + problem.get());
          return INVALID;
        }
        return new Timing.Cron(((String) expression).strip());
      }

      @Override
      public String expected() {
        return "a text";
      }

      @Override
      public ObjectNode schema() {
        return Types.NON_BLANK.schema();
      }
    };
  }

  /** Guardrails, for a reader built without probe kinds: a problem if a game day has any. */
  static final ValueType NO_GUARDRAILS =
      new ValueType() {
        @Override
        public Object bind(Node node, String field, ReadContext ctx) {
          ctx.problem(
              node,
              field,
              "this reader was built without probe kinds, so it cannot read guardrails");
          return INVALID;
        }

        @Override
        public String expected() {
          return "a list of guardrails";
        }

        @Override
        public ObjectNode schema() {
          return JSON.objectNode().put("type", "array").put("maxItems", 0);
        }
      };
}
