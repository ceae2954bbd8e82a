package org.daysofchaos.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The YAML files this module ships: every {@code .yaml} under the module, outside build dirs;
 * scenarios, and game days apart.
 */
final class ShippedFiles {
  /** The module's folder: Maven runs tests there. */
  static final Path MODULE = Path.of("").toAbsolutePath();

  static final Path SCHEMA = MODULE.resolve("scenario.schema.json");

  static final Path GAME_DAY_SCHEMA = MODULE.resolve("gameday.schema.json");

  private static final Set<String> NOT_SHIPPED = Set.of("target", "src");

  private ShippedFiles() {}

  static List<Path> yaml() {
    try (Stream<Path> files = Files.walk(MODULE)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .filter(f -> !shippedElsewhere(MODULE.relativize(f)))
          .filter(f -> !isGameDay(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Game-day files ({@code gameday.yaml}, {@code gameday-*.yaml}), which are not scenarios. */
  static boolean isGameDay(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("gameday") && name.endsWith(".yaml");
  }

  /** The game-day files this module ships. */
  static List<Path> gameDays() {
    try (Stream<Path> files = Files.walk(MODULE)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !shippedElsewhere(MODULE.relativize(f)))
          .filter(ShippedFiles::isGameDay)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean shippedElsewhere(Path relative) {
    String first = relative.getName(0).toString();
    return NOT_SHIPPED.contains(first) || first.startsWith(".");
  }

  static String relative(Path file) {
    return MODULE.relativize(file).toString().replace('\\', '/');
  }
}
