package org.daysofchaos.core.gameday;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.Rule;
import org.daysofchaos.core.binder.Shape;
import org.daysofchaos.core.binder.Types;
import org.daysofchaos.core.binder.ValueType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The {@code notifications} entries of a game-day file, bound to {@link Notification}s. */
final class NotificationLanguage {
  private NotificationLanguage() {}

  private static final String ENV_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";

  static ValueType notification() {
    Shape shape =
        new Shape(
                "A channel told of the game day's incidents.",
                List.of(
                    Field.required(
                        "name",
                        Types.matching(
                            GameDayLanguage.ID_PATTERN,
                            "a name such as ops-channel",
                            "channel name; use lower-case words joined by '-'"),
                        "The channel's name, in logs and metrics (lower-case words joined by"
                            + " '-')."),
                    Field.optional(
                        "format",
                        Types.enumOf(Notification.Format.class),
                        Notification.Format.WEBHOOK,
                        "webhook: a JSON object with the event's fields; slack: a Slack"
                            + " incoming-webhook message."),
                    Field.required(
                        "url",
                        secret(),
                        "Where the server reads the webhook's URL: {env: NAME} or {file: PATH}."
                            + " The URL itself is a credential and is never written here."),
                    Field.optional(
                        "audience",
                        Types.enumOf(Notification.Audience.class),
                        Notification.Audience.PLAYERS,
                        "players (the default): told of an incident only once it is over;"
                            + " game-masters: told as it happens, with the scenario named."),
                    Field.optional(
                        "events",
                        Types.list(Types.enumOf(Notification.Event.class), "event")
                            .nonEmpty()
                            .unique()
                            .describedAs("a list of events"),
                        List.of(Notification.Event.values()),
                        "What the channel hears of; all of them by default.")))
            .reportingMissingBesideTypos();
    return Types.map(shape, NotificationLanguage::notification)
        .describedAs("a map with name and url");
  }

  private static Notification notification(Shape.Bound b) {
    return new Notification(
        b.get("name"), b.get("format"), b.get("url"), b.get("audience"), b.get("events"));
  }

  /** {@code {env: NAME}} or {@code {file: PATH}}; a URL written inline is refused, unrepeated. */
  static ValueType secret() {
    Shape shape =
        new Shape(
                "Where a secret is read from: an environment variable or a file.",
                List.of(
                    Field.optional(
                        "env",
                        Types.matching(
                            ENV_PATTERN,
                            "an environment variable name such as CHAOS_SLACK_URL",
                            "environment variable name"),
                        null,
                        "The name of an environment variable of the server that holds it."),
                    Field.optional(
                        "file",
                        Types.NON_BLANK,
                        null,
                        "A file that holds it (e.g. a mounted Kubernetes Secret).")))
            .reportingMissingBesideTypos();
    ValueType map =
        Types.map(shape, NotificationLanguage::secret)
            .withRule(
                Rule.exactlyOne(
                    "says where the secret is: give env or file",
                    "give only one of env or file",
                    "env",
                    "file"))
            .describedAs("a map with env or file");
    return new ValueType() {
      @Override
      public Object bind(Node node, String field, ReadContext ctx) {
        if (!(node instanceof MappingNode)) {
          // Not "got 'https://hooks…'": the problem would repeat the secret in every log it
          // reaches.
          ctx.problem(
              node,
              field,
              "expected a map with env or file: a webhook URL is a secret, keep it in an"
                  + " environment variable ({env: NAME}) or a file ({file: /path}), not in the"
                  + " game-day file");
          return INVALID;
        }
        return map.bind(node, field, ctx);
      }

      @Override
      public String expected() {
        return map.expected();
      }

      @Override
      public ObjectNode schema() {
        return map.schema();
      }
    };
  }

  private static Notification.Secret secret(Shape.Bound b) {
    return new Notification.Secret(
        Optional.ofNullable(b.get("env")), Optional.ofNullable(b.get("file")));
  }
}
