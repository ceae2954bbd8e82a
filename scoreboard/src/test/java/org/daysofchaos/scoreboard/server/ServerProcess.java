package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.demo.DemoSystem;
import org.daysofchaos.scoreboard.testing.ChaosJvm;

/** The packaged server (or command line) run as a separate JVM, as users run it. */
final class ServerProcess implements AutoCloseable {
  static final Path JAR =
      Path.of(
          System.getProperty("chaos.runner.jar", "target/scoreboard-0.1.0-SNAPSHOT-runner.jar"));
  static final Path PG_JAR =
      Path.of(
          System.getProperty(
              "chaos.runner.jar.pg", "target/scoreboard-0.1.0-SNAPSHOT-pg-runner.jar"));

  /** The first game master of every server a test starts (chaos.security.admin.password). */
  static final String GAME_MASTER = "gamemaster";

  static final String GAME_MASTER_PASSWORD = "Test-Game-Master-Passw0rd-17";

  final Process process;
  final long startedNanos;
  private final List<String> lines = new ArrayList<>();
  private URI base;

  /**
   * A packaged server to start, and to start again (on the same port, chosen free once): its jar,
   * the JVM's options and the options of {@code serve}.
   */
  record Server(Path jar, List<String> jvm, List<String> options, int port) {
    static Server of(Path jar, List<String> jvm, List<String> options) throws IOException {
      return new Server(jar, List.copyOf(jvm), List.copyOf(options), freePort());
    }

    /**
     * As {@link #of}, on port 0, as {@code serve --port 0}: the system chooses the port, which
     * {@link ServerProcess#awaitApi} reads from the server's output ({@link ServerProcess#base}).
     */
    static Server onAnyPort(Path jar, List<String> jvm, List<String> options) {
      return new Server(jar, List.copyOf(jvm), List.copyOf(options), 0);
    }

    URI base() {
      return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts it with {@code workDir} as its working directory; see {@link #awaitApi}. */
    ServerProcess start(Path workDir) throws IOException {
      List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
      args.addAll(options);
      ServerProcess server = ServerProcess.start(workDir, jar, jvm, args);
      server.base = base();
      return server;
    }
  }

  /** The options of {@code serve} that make the demo, run by the test, the server's targets. */
  static List<String> demoTargets(DemoSystem demo) {
    return List.of(
        "--toxiproxy", demo.toxiproxyUrl().toString(), "--metrics", demo.metricsUrl().toString());
  }

  private ServerProcess(Path workDir, Path jar, List<String> jvm, List<String> args)
      throws IOException {
    List<String> options = new ArrayList<>();
    options.add("-Dchaos.security.admin.password=" + GAME_MASTER_PASSWORD);
    options.addAll(jvm);
    List<String> command = ChaosJvm.command(jar, options, args);
    startedNanos = System.nanoTime();
    process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                // The process ended.
              }
            },
            "server-output");
    reader.setDaemon(true);
    reader.start();
  }

  static ServerProcess start(Path workDir, Path jar, List<String> jvm, List<String> args)
      throws IOException {
    return new ServerProcess(workDir, jar, jvm, args);
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Where the server listens; on port 0, known once {@link #awaitApi} returned. */
  URI base() {
    return base;
  }

  /**
   * Waits until the API of a {@link Server} answers, and signs in as the first game master; {@code
   * atMost} bounds the whole wait, the port's announcement included.
   */
  Http awaitApi(Duration atMost) {
    long until = System.nanoTime() + atMost.toNanos();
    if (base.getPort() == 0) {
      base = announcedBase(atMost);
    }
    Http http = new Http(base);
    // Once the port is announced the listener is open: a second is plenty if nothing is left.
    Duration left = Duration.ofNanos(Math.max(until - System.nanoTime(), 1_000_000_000L));
    try {
      await()
          .atMost(left)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .failFast(() -> !process.isAlive())
          .until(() -> http.get("/api/status").status() == 401);
    } catch (RuntimeException e) {
      throw new AssertionError("the server did not start; its output:\n" + output(), e);
    }
    return http.signIn(GAME_MASTER, GAME_MASTER_PASSWORD);
  }

  /** The address the server says it listens on ("listening on http://127.0.0.1:43117"). */
  private URI announcedBase(Duration atMost) {
    Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    try {
      String url =
          await()
              .atMost(atMost)
              .pollInterval(Duration.ofMillis(100))
              .failFast(() -> !process.isAlive())
              .until(
                  () -> {
                    Matcher m = listening.matcher(output());
                    return m.find() ? m.group(1) : null;
                  },
                  found -> found != null);
      return URI.create(url);
    } catch (RuntimeException e) {
      throw new AssertionError("the server did not say where it listens:\n" + output(), e);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is reverted. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /** SIGTERM, as an orchestrator stops it. */
  int terminate() throws Exception {
    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the server stopped").isTrue();
    return process.exitValue();
  }

  /** Runs to its end (a command-line command) and returns its exit code. */
  int exitCode() throws InterruptedException {
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
