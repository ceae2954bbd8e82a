package org.daysofchaos.core.gameday;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.daysofchaos.core.binder.Field;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.scenario.ScenarioKeys;
import org.daysofchaos.core.spec.KindCatalog;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads game-day files (see {@code docs/server.md}) in the manner of the scenario reader: every
 * problem of a file is reported as {@code file:line:column: field: message}, and nothing a file
 * contains makes the reader throw. A file with any problem yields no game day. Instances are
 * immutable and thread-safe. The language is written with the binder, and {@link GameDaySchema}
 * generates its JSON Schema from the same description.
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
  private final GameDayLanguage language;

  /**
   * A reader that checks scenario references against {@code knownScenarioIds}, cron expressions
   * with {@code cron}, and reads guardrails with the probe kinds of {@code catalog}.
   *
   * @throws IllegalArgumentException when a kind record of the catalog cannot be written in YAML
   */
  public GameDayReader(Collection<String> knownScenarioIds, CronCheck cron, KindCatalog catalog) {
    this(knownScenarioIds, cron, new ScenarioKeys(catalog).guardrails());
  }

  /**
   * A reader without probe kinds: a game day that declares guardrails gets a problem saying so. Use
   * the other constructor wherever game days may protect services.
   */
  public GameDayReader(Collection<String> knownScenarioIds, CronCheck cron) {
    this(knownScenarioIds, cron, GameDayLanguage.noGuardrails());
  }

  private GameDayReader(Collection<String> knownScenarioIds, CronCheck cron, Field guardrails) {
    this.language =
        new GameDayLanguage(
            new TreeSet<>(Objects.requireNonNull(knownScenarioIds, "ids")),
            Objects.requireNonNull(cron, "cron"),
            guardrails);
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
      Node root = GameDayLanguage.SOURCE.compose(Objects.requireNonNull(yamlText, "yamlText"), ctx);
      if (ctx.problemCount() == 0) {
        day = language.bind(root, ctx);
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of the reader, not of the file: say so rather than throw at the caller.
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
}
