package org.daysofchaos.core.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.scenario.internal.ScenarioLanguage;
import org.daysofchaos.core.scenario.internal.ScenarioParameters;
import org.daysofchaos.core.scenario.internal.ScenarioRefs;
import org.daysofchaos.core.spec.KindCatalog;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads scenario files (see {@code docs/scenario-format.md}) into {@link Scenario}s, with the fault
 * and probe kinds of a catalog.
 *
 * <p>Every problem of a file is reported, each at the line and column of the offending value, and
 * nothing a file contains makes the reader throw: syntax errors, wrong types, unknown keys and
 * kinds, bad durations, out-of-range numbers, missing fields, broken target references, a kind
 * record refusing its values, and unreadable files all become {@link Problem}s. A file with any
 * problem yields no scenario. Instances are immutable and thread-safe.
 */
public final class ScenarioReader {
  private final ScenarioLanguage language;
  private final ScenarioParameters parameters;

  /**
   * A reader of the kinds of {@code catalog}.
   *
   * @throws IllegalArgumentException when a kind record cannot be written in YAML (a component type
   *     without notation, a {@code @Default} that does not parse): a bug of the catalog
   */
  public ScenarioReader(KindCatalog catalog) {
    this(new ScenarioLanguage(Objects.requireNonNull(catalog, "catalog")), Map.of());
  }

  private ScenarioReader(ScenarioLanguage language, Map<String, String> parameters) {
    this.language = language;
    this.parameters = new ScenarioParameters(parameters);
  }

  /**
   * A reader that gives these values to the {@code parameters:} that scenarios declare (the
   * environment's); a value wins over the scenario's default, and values that a scenario does not
   * declare are ignored.
   */
  public ScenarioReader withParameters(Map<String, String> values) {
    return new ScenarioReader(language, Objects.requireNonNull(values, "values"));
  }

  /** Reads one file; problems name it as given. */
  public ReadResult read(Path file) {
    return read(List.of(file));
  }

  /**
   * Reads several files and also checks that no two scenarios share an id (reported at the second
   * one's {@code id}, which then yields no scenario).
   */
  public ReadResult read(List<Path> files) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Path file : files) {
      outcomes.add(readFile(file));
    }
    return combine(outcomes);
  }

  /** Reads a text; {@code sourceName} stands for the file in problems. */
  public ReadResult read(String sourceName, String yamlText) {
    return combine(List.of(readText(sourceName, yamlText)));
  }

  private record Outcome(ReadContext ctx, Scenario scenario, List<Problem> problems) {}

  private Outcome readFile(Path file) {
    String name = file.toString();
    ReadContext ctx = new ReadContext(name);
    try {
      if (Files.isDirectory(file)) {
        ctx.problem(1, 1, "file", "is a directory, not a scenario file");
      } else if (Files.exists(file) && !Files.isRegularFile(file)) {
        ctx.problem(1, 1, "file", "is not a regular file");
      } else if (Files.size(file) > 4L * YamlSource.MAX_CHARS) {
        ctx.problem(
            1,
            1,
            "file",
            "is too large ("
                + Files.size(file)
                + " bytes); a scenario file has at most "
                + YamlSource.MAX_CHARS
                + " characters");
      } else {
        return readText(name, Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (NoSuchFileException e) {
      ctx.problem(1, 1, "file", "no such file");
    } catch (AccessDeniedException e) {
      ctx.problem(1, 1, "file", "cannot be read: permission denied");
    } catch (CharacterCodingException e) {
      ctx.problem(1, 1, "file", "is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      ctx.problem(1, 1, "file", "cannot be read: " + e);
    }
    return new Outcome(ctx, null, Problem.of(ctx.sortedProblems()));
  }

  private Outcome readText(String sourceName, String text) {
    ReadContext ctx = new ReadContext(Objects.requireNonNull(sourceName, "sourceName"));
    Scenario scenario = null;
    try {
      Node root = ScenarioLanguage.SOURCE.compose(Objects.requireNonNull(text, "yamlText"), ctx);
      if (ctx.problemCount() == 0) {
        parameters.apply(root, ctx);
      }
      if (ctx.problemCount() == 0) {
        scenario = language.bind(root, ctx);
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of the reader, not of the file: say so rather than throw at the caller.
      ctx.problem(1, 1, "yaml", "internal error of the reader, please report it: " + e);
      scenario = null;
    }
    return new Outcome(
        ctx, ctx.problemCount() == 0 ? scenario : null, Problem.of(ctx.sortedProblems()));
  }

  private static ReadResult combine(List<Outcome> outcomes) {
    Map<String, Problem> firstIds = new HashMap<>();
    List<Scenario> scenarios = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      List<Problem> own = new ArrayList<>(outcome.problems());
      ReadContext ctx = outcome.ctx();
      ScenarioRefs refs = ScenarioRefs.of(ctx);
      boolean duplicate = false;
      if (refs.id() != null) {
        Problem where = at(ctx, refs.idNode(), "id", "");
        Problem first = firstIds.putIfAbsent(refs.id(), where);
        if (first != null) {
          duplicate = true;
          own.add(
              at(
                  ctx,
                  refs.idNode(),
                  "id",
                  "duplicate id '"
                      + refs.id()
                      + "'; it is already used by "
                      + first.file()
                      + ":"
                      + first.line()
                      + ":"
                      + first.column()));
          own.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        }
      }
      problems.addAll(own);
      if (outcome.scenario() != null && !duplicate) {
        scenarios.add(outcome.scenario());
      }
    }
    return new ReadResult(scenarios, problems);
  }

  private static Problem at(ReadContext ctx, Node node, String field, String message) {
    int line = node == null ? 1 : node.getStartMark().getLine() + 1;
    int column = node == null ? 1 : node.getStartMark().getColumn() + 1;
    return new Problem(ctx.source(), line, column, field, message);
  }
}
