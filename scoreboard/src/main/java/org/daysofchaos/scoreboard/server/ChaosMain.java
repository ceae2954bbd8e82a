package org.daysofchaos.scoreboard.server;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.environment.EnvironmentReader;
import org.daysofchaos.agents.host.link.AgentMain;
import picocli.CommandLine;

/**
 * The entry point of the jar: one application, two faces (ADR 0005). Before Quarkus boots, the
 * first argument decides what it boots as:
 *
 * <ul>
 *   <li>{@code serve}: the game-day server: database (Flyway migration), Quartz, HTTP;
 *   <li>anything else ({@code validate}, {@code demo}, {@code run}, {@code halt}, help): a command
 *       line that opens no database, binds no port and starts no scheduler, so it stays fast and
 *       never collides with a server running next to it.
 * </ul>
 *
 * The choice is made with configuration properties (system properties outrank {@code
 * application.properties}), since the datasource, the HTTP listener and the scheduler are set up
 * while Quarkus boots, before any command runs.
 */
@QuarkusMain
public final class ChaosMain {
  private ChaosMain() {}

  public static void main(String... args) throws InterruptedException {
    StartupTimes.process().mark("jvm");
    if (args.length > 0 && args[0].equals("agent")) {
      // The host agent is plain Java: it never boots Quarkus (docs/agent.md).
      System.exit(AgentMain.run(Arrays.copyOfRange(args, 1, args.length), System.err));
    }
    Map<String, String> properties = configure(args);
    properties.forEach(System::setProperty);
    if ("true".equals(properties.get("chaos.server.enabled"))) {
      String environment = properties.get("chaos.environment");
      if (environment != null) {
        List<String> problems = EnvironmentCheck.problems(Path.of(environment));
        if (!problems.isEmpty()) {
          problems.forEach(System.err::println);
          System.exit(EnvironmentCheck.EXIT_PROBLEMS);
        }
        System.out.println("environment: " + environment);
      }
      Optional<String> unusable = DataDir.prepare(Path.of(properties.get("chaos.data-dir")));
      if (unusable.isPresent()) {
        System.err.println("error: " + unusable.get());
        System.exit(1);
      }
      // Before the web stack: a restarted server reverts its leftovers first (ADR 0018).
      EarlyRecovery.run(System.out);
      StartupTimes.process().mark("early-recovery");
    }
    Quarkus.run(ChaosApplication.class, args);
  }

  /** The properties that make the application a server or a command line, for these arguments. */
  static Map<String, String> configure(String... args) {
    return configure(System.getenv(), args);
  }

  /**
   * As {@link #configure(String...)}, with these environment variables: {@code CHAOS_DATA_DIR} and
   * {@code CHAOS_ENVIRONMENT} count as the options do (a container is configured by its
   * environment), below {@code -D} system properties and the command line's own options.
   */
  static Map<String, String> configure(Map<String, String> env, String... args) {
    if (isServe(args)) {
      ServeOptions options = new ServeOptions();
      try {
        new CommandLine(options).parseArgs(Arrays.copyOfRange(args, 1, args.length));
      } catch (CommandLine.ParameterException e) {
        // picocli reports the mistake again, with the usage, once the application has started.
        return cliMode();
      }
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("chaos.server.enabled", "true");
      String dataDir =
          System.getProperty("chaos.data-dir", env.getOrDefault("CHAOS_DATA_DIR", ".chaos"));
      // H2 refuses implicitly relative paths: the data directory is always made absolute.
      properties.put("chaos.data-dir", Path.of(dataDir).toAbsolutePath().normalize().toString());
      // The transaction manager names its process by a random UUID rather than by a port it
      // keeps bound on the loopback: the server listens on its HTTP port only.
      properties.put(
          "CoreEnvironmentBean.processImplementationClassName",
          "com.arjuna.ats.internal.arjuna.utils.UuidProcessId");
      String environment = env.get("CHAOS_ENVIRONMENT");
      if (environment != null && !environment.isBlank()) {
        properties.put("chaos.environment", Path.of(environment).toAbsolutePath().toString());
      }
      properties.putAll(options.properties());
      if (!properties.containsKey("chaos.environment")
          && Files.isRegularFile(Path.of(EnvironmentReader.DEFAULT_FILE))) {
        properties.put(
            "chaos.environment",
            Path.of(EnvironmentReader.DEFAULT_FILE).toAbsolutePath().normalize().toString());
      }
      return properties;
    }
    return cliMode();
  }

  private static Map<String, String> cliMode() {
    return Map.of(
        "chaos.server.enabled", "false",
        "quarkus.http.host-enabled", "false",
        "quarkus.datasource.active", "false",
        "quarkus.flyway.migrate-at-start", "false",
        "quarkus.scheduler.enabled", "false");
  }

  static boolean isServe(String... args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      return false;
    }
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return false;
      }
    }
    return true;
  }
}
