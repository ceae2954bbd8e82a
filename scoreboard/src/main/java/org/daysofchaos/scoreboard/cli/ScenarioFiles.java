package org.daysofchaos.scoreboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.scoreboard.gameday.ScenarioCatalog;

/** Finds and reads scenarios: files given on the command line, or the shipped ones by id. */
final class ScenarioFiles {
  private static final String SHIPPED = "scenarios/demo";

  private ScenarioFiles() {}

  static ScenarioReader reader() {
    return new ScenarioReader(Catalog.standard());
  }

  /** A reader giving these values to the scenarios' parameters. */
  static ScenarioReader reader(Map<String, String> parameters) {
    return reader().withParameters(parameters);
  }

  /**
   * Every shipped scenario (demo, toxiproxy, kubernetes...), read from the classpath with these
   * parameter values.
   */
  static List<Scenario> shippedAll(Map<String, String> parameters) throws IOException {
    List<Scenario> scenarios = new ArrayList<>();
    for (String resource : ScenarioCatalog.shippedResources()) {
      try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(resource)) {
        if (in != null) {
          scenarios.addAll(
              reader(parameters)
                  .read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8))
                  .scenarios());
        }
      }
    }
    return scenarios;
  }

  /** The shipped demo scenarios, read from the classpath (the scenarios jar). */
  static List<Scenario> shippedDemo() throws IOException {
    List<Scenario> scenarios = new ArrayList<>();
    for (String resource : list(SHIPPED)) {
      try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(resource)) {
        ReadResult result =
            reader().read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (!result.ok()) {
          throw new IllegalStateException("a shipped scenario is invalid:\n" + result.report());
        }
        scenarios.addAll(result.scenarios());
      }
    }
    return scenarios;
  }

  private static List<String> list(String folder) throws IOException {
    URL url = ScenarioFiles.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IOException("the shipped scenarios (" + folder + ") are not on the classpath");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = openJar(uri)) {
          return names(fs.getPath(folder), folder);
        } catch (UnsupportedOperationException e) {
          // The file system was already open elsewhere and must stay open.
          return names(FileSystems.getFileSystem(uri).getPath(folder), folder);
        }
      }
      return names(Path.of(uri), folder);
    } catch (URISyntaxException e) {
      throw new IOException("cannot list " + url, e);
    }
  }

  private static FileSystem openJar(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      throw new UnsupportedOperationException(e);
    }
  }

  private static List<String> names(Path dir, String folder) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          // Game days (gameday.yaml, gameday-*.yaml) live next to the scenarios they play.
          .filter(n -> !n.startsWith("gameday"))
          .sorted()
          .map(n -> folder + "/" + n)
          .toList();
    }
  }
}
