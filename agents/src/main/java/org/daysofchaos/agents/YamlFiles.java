package org.daysofchaos.agents;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.daysofchaos.core.binder.ReadContext;
import org.daysofchaos.core.binder.YamlSource;
import org.daysofchaos.core.scenario.Problem;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reading one configuration file of the agents' own formats (the environment file, an agent's
 * configuration) with the binder: the file's own problems (missing, a directory, too large, not
 * UTF-8) and the binding's, each as a {@link Problem}, never an exception.
 */
public final class YamlFiles {
  private YamlFiles() {}

  /** What a format makes of a composed tree; relative paths in it are against {@code base}. */
  @FunctionalInterface
  public interface Binding<T> {
    T bind(Node root, Path base, ReadContext ctx);
  }

  /** What was read, or the problems of the file. */
  public record Read<T>(Optional<T> value, List<Problem> problems) {}

  /**
   * Reads one file; problems name it as given; relative paths in it are against its folder.
   *
   * @param notThis how a directory is refused, e.g. "is a directory, not an environment file"
   * @param tooLarge how a file over {@link YamlSource#MAX_CHARS} is refused
   */
  public static <T> Read<T> read(
      Path file, YamlSource source, Binding<T> binding, String notThis, String tooLarge) {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        return failed(name, notThis);
      }
      if (Files.size(file) > YamlSource.MAX_CHARS) {
        return failed(name, tooLarge);
      }
      Path base = file.toAbsolutePath().normalize().getParent();
      return read(name, Files.readString(file, StandardCharsets.UTF_8), base, source, binding);
    } catch (NoSuchFileException e) {
      return failed(name, "no such file");
    } catch (CharacterCodingException e) {
      return failed(name, "is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      return failed(name, "cannot be read: " + e);
    }
  }

  /** Reads a text; {@code sourceName} stands for the file in problems. */
  public static <T> Read<T> read(
      String sourceName, String yamlText, Path base, YamlSource source, Binding<T> binding) {
    ReadContext ctx = new ReadContext(Objects.requireNonNull(sourceName, "sourceName"));
    T value = null;
    try {
      Node root = source.compose(Objects.requireNonNull(yamlText), ctx);
      if (ctx.problemCount() == 0) {
        value = binding.bind(root, base, ctx);
      }
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of the reader, not of the file: say so rather than throw at the caller.
      ctx.problem(1, 1, "yaml", "internal error of the reader, please report it: " + e);
    }
    List<Problem> problems = Problem.of(ctx.sortedProblems());
    return new Read<>(problems.isEmpty() ? Optional.ofNullable(value) : Optional.empty(), problems);
  }

  private static <T> Read<T> failed(String file, String message) {
    return new Read<>(Optional.empty(), List.of(new Problem(file, 1, 1, "file", message)));
  }
}
