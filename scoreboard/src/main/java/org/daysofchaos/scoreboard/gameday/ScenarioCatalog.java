package org.daysofchaos.scoreboard.gameday;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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

  /** In the data directory: what the scenarios were last read with ({@link #loadAtStart}). */
  public static final String CHECKED_FILE = "scenarios-read";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @Inject ScenarioStore store;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Targets targets;

  /** The code the texts are read with ({@link #runnerJar()}); tests give their own. */
  Supplier<Optional<String>> code = ScenarioCatalog::runnerJar;

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

  /**
   * Loads the shipped scenarios and those of {@code folders}, as the server does at its start.
   * {@code checked} records what this node last read them with: the texts, the environment's
   * parameters and the server's jar. When all three are unchanged, a text that is still the latest
   * version of every scenario it holds is not read again; it is read when first played. Reading the
   * 36 shipped scenarios took a restart 0.25–0.35 s (docs/benchmarks.md, "Server start-up").
   */
  public int loadAtStart(List<Path> folders, Path checked) throws IOException {
    List<Text> texts = new ArrayList<>(shippedTexts());
    for (Path folder : folders) {
      texts.addAll(folderTexts(folder));
    }
    Optional<String> fingerprint = code.get().map(jar -> fingerprint(jar, texts));
    if (fingerprint.isPresent() && fingerprint.get().equals(readChecked(checked))) {
      return loadChanged(texts);
    }
    int loaded = 0;
    boolean allRead = true;
    for (Text text : texts) {
      ReadResult result = load(text);
      allRead &= result.ok();
      loaded += result.scenarios().size();
    }
    // Only a catalog that read without a problem is skipped next time: a bad file is read, and
    // reported, at every start.
    writeChecked(checked, allRead ? fingerprint : Optional.empty());
    return loaded;
  }

  /** Records the fingerprint, or removes the record; a start that cannot only reads next time. */
  private static void writeChecked(Path checked, Optional<String> fingerprint) {
    try {
      if (fingerprint.isPresent()) {
        // Like every file of the data directory, this user's only (PrivateDatabaseIT).
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          if (!Files.exists(checked)) {
            Files.createFile(checked, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
          }
          Files.setPosixFilePermissions(checked, OWNER_ONLY);
        }
        Files.writeString(checked, fingerprint.get() + "\n", StandardCharsets.UTF_8);
      } else {
        Files.deleteIfExists(checked);
      }
    } catch (IOException e) {
      LOG.debug("cannot record the scenarios read in {}", checked, e);
    }
  }

  /** Reads only the texts that are not the latest version of their scenarios any more. */
  private int loadChanged(List<Text> texts) {
    Map<String, Integer> current = store.currentTexts();
    int loaded = 0;
    for (Text text : texts) {
      Integer held = current.get(ScenarioStore.textKey(text.source(), text.sha256()));
      loaded += held != null ? held : load(text).scenarios().size();
    }
    return loaded;
  }

  private ReadResult load(Text text) {
    ReadResult result = register(text.source(), text.yaml(), "server");
    if (!result.ok()) {
      LOG.warn(
          text.shipped()
              ? "a shipped scenario is invalid, skipped:\n{}"
              : "scenario file skipped:\n{}",
          result.report());
    }
    return result;
  }

  /** A scenario file as found at start, with its digest (computed once: fingerprint and lookup). */
  private record Text(String source, String yaml, String sha256, boolean shipped) {
    Text(String source, String yaml, boolean shipped) {
      this(source, yaml, ScenarioStore.sha256(yaml), shipped);
    }
  }

  private List<Text> shippedTexts() throws IOException {
    List<Text> texts = new ArrayList<>();
    for (String resource : shippedResources()) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        if (in != null) {
          texts.add(
              new Text(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), true));
        }
      }
    }
    return texts;
  }

  private static List<Text> folderTexts(Path folder) throws IOException {
    List<Text> texts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file :
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(".yaml"))
              .filter(f -> !isGameDayFile(f.getFileName().toString()))
              .sorted()
              .toList()) {
        texts.add(new Text(file.toString(), Files.readString(file, StandardCharsets.UTF_8), false));
      }
    }
    return texts;
  }

  /** What the texts were read with and what they are, in one digest. */
  private String fingerprint(String jar, List<Text> texts) {
    StringBuilder all = new StringBuilder(jar).append('\n');
    new TreeMap<>(targets.scenarioParameters())
        .forEach((name, value) -> all.append(name).append('=').append(value).append('\n'));
    for (Text text : texts) {
      all.append(text.source()).append(' ').append(text.sha256()).append('\n');
    }
    return ScenarioStore.sha256(all.toString());
  }

  private static String readChecked(Path checked) {
    try {
      return Files.readString(checked, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /**
   * The server's jar, by path, size and time: another build reads the texts again. Empty when the
   * classes are not in a jar (tests, development), which always reads them.
   */
  static Optional<String> runnerJar() {
    try {
      Path jar =
          Path.of(
              ScenarioCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return Optional.empty();
      }
      return Optional.of(
          jar.toAbsolutePath()
              + " "
              + Files.size(jar)
              + " "
              + Files.getLastModifiedTime(jar).toMillis());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
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
