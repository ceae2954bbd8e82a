package org.daysofchaos.scoreboard.gameday;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.daysofchaos.experiments.Catalog;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.ScenarioStore;
import org.daysofchaos.scoreboard.targets.Targets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenarios the server knows: the shipped ones (the {@code scenarios} jar), folders named in
 * the configuration, and those uploaded through the API. Each loaded text is stored in the
 * database, and incidents run the stored version they were scheduled with.
 */
@ApplicationScoped
public class ScenarioCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioCatalog.class);
  static final String SHIPPED = "scenarios";

  @Inject ScenarioStore store;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Targets targets;

  private volatile ScenarioReader reader;
  private final Map<String, Scenario> parsed = new ConcurrentHashMap<>();

  /** A game-day file, by its name: {@code gameday.yaml}, {@code gameday-*.yaml}. */
  public static boolean isGameDayFile(String fileName) {
    return fileName.startsWith("gameday") && fileName.endsWith(".yaml");
  }

  /** The reader, with the environment's values for the scenarios' parameters. */
  private ScenarioReader reader() {
    ScenarioReader current = reader;
    if (current == null) {
      current = new ScenarioReader(Catalog.standard()).withParameters(targets.scenarioParameters());
      reader = current;
    }
    return current;
  }

  /** Reads and stores one scenario text; the result holds the problems when it is invalid. */
  public ReadResult register(String source, String yaml, String actor) {
    ReadResult result = reader().read(source, yaml);
    for (Scenario scenario : result.scenarios()) {
      Optional<ScenarioStore.Stored> known = store.find(scenario.id(), ScenarioStore.sha256(yaml));
      ScenarioStore.Stored stored =
          store.save(scenario.id(), scenario.title(), source, yaml, clock.instant(), known);
      parsed.put(key(stored.id(), stored.sha256()), scenario);
      if (known.isEmpty()) {
        audit.record(actor, "scenario-load", scenario.id(), source + " (" + stored.sha256() + ")");
      }
    }
    return result;
  }

  /** Loads the shipped scenarios, every folder of them. */
  public int loadShipped() throws IOException {
    int loaded = 0;
    for (String resource : shippedResources()) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          continue;
        }
        ReadResult result =
            register(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), "server");
        if (!result.ok()) {
          LOG.warn("a shipped scenario is invalid, skipped:\n{}", result.report());
        }
        loaded += result.scenarios().size();
      }
    }
    return loaded;
  }

  /** Loads every scenario file of a folder (not its game-day files). */
  public int loadFolder(Path folder) throws IOException {
    int loaded = 0;
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(".yaml"))
              .filter(f -> !isGameDayFile(f.getFileName().toString()))
              .sorted()
              .toList()) {
        ReadResult result =
            register(file.toString(), Files.readString(file, StandardCharsets.UTF_8), "server");
        if (!result.ok()) {
          LOG.warn("scenario file skipped:\n{}", result.report());
        }
        loaded += result.scenarios().size();
      }
    }
    return loaded;
  }

  /** The ids of every known scenario. */
  public List<String> ids() {
    return store.latest().stream().map(ScenarioStore.Stored::id).toList();
  }

  public List<ScenarioStore.Stored> latest() {
    return store.latest();
  }

  public Optional<ScenarioStore.Stored> latest(String id) {
    return store.latest().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** A stored version of a scenario, read (and cached). */
  public Scenario scenario(String id, String sha256) {
    return parsed.computeIfAbsent(
        key(id, sha256),
        k -> {
          ScenarioStore.Stored stored =
              store
                  .find(id, sha256)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "scenario " + id + " version " + sha256 + " is not stored"));
          ReadResult result = reader().read(stored.source(), stored.yaml());
          if (!result.ok()) {
            throw new IllegalStateException(
                "stored scenario " + id + " no longer reads:\n" + result.report());
          }
          return result.scenarios().get(0);
        });
  }

  private static String key(String id, String sha) {
    return id + "@" + sha;
  }

  /**
   * The shipped scenario files, as the scenarios module lists them in {@code scenarios/index.txt}:
   * opening the server's jar (tens of thousands of entries) as a file system to list them cost a
   * first start 40–130 ms (docs/benchmarks.md, "The scenario index").
   */
  public static List<String> shippedResources() throws IOException {
    try (InputStream in =
        ScenarioCatalog.class.getClassLoader().getResourceAsStream(SHIPPED + "/index.txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> SHIPPED + "/" + line)
          .toList();
    }
  }
}
