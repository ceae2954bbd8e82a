package org.daysofchaos.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server (`chaos serve`) in its own JVM, as users run it, on a free port with a fresh
 * H2 file database in a temporary folder. Its first game master gets a password chosen here ({@code
 * -Dchaos.security.admin.password}), so the bench can sign in without reading the log.
 */
final class BenchServer implements AutoCloseable {
  static final String GAME_MASTER = "gamemaster";

  /** How long a start may take: {@code -Dbench.server.start-seconds}, more on a crowded machine. */
  private static final Duration START =
      Duration.ofSeconds(Integer.getInteger("bench.server.start-seconds", 90));

  /** The line where the server says which port the system gave it. */
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+:\\d+)");

  private final Process process;
  private final Path folder;
  private final Api gameMaster;
  private final String password;

  private BenchServer(Process process, Path folder, Api gameMaster, String password) {
    this.process = process;
    this.folder = folder;
    this.gameMaster = gameMaster;
    this.password = password;
  }

  /**
   * Starts the jar with {@code serve} and the given options, and waits until the game master can
   * sign in.
   *
   * @param jvmOptions {@code -D…} and other JVM options, placed before {@code -jar}
   */
  static BenchServer start(Path jar, List<String> jvmOptions, List<String> serveOptions)
      throws IOException, InterruptedException {
    return launch(jar, Files.createTempDirectory("chaos-bench"), jvmOptions, serveOptions)
        .awaitReady();
  }

  /**
   * A server whose JVM was just started: not yet listening. Its port is the system's choice, which
   * it says in its log ({@code listening on http://…}) from {@code logStart} on.
   */
  record Launched(Process process, Path folder, long logStart, String password, long startedNanos) {
    /** Waits until the game master can sign in. */
    BenchServer awaitReady() throws IOException, InterruptedException {
      try {
        URI base = awaitBase();
        return new BenchServer(process, folder, awaitSignIn(base, process, password), password);
      } catch (IOException | InterruptedException | RuntimeException e) {
        process.destroyForcibly();
        throw e;
      }
    }

    /** What this start wrote to {@code server.log} so far. */
    String output() throws IOException {
      Path log = folder.resolve("server.log");
      if (!Files.exists(log)) {
        return "";
      }
      try (SeekableByteChannel in = Files.newByteChannel(log)) {
        in.position(Math.min(logStart, in.size()));
        return new String(Channels.newInputStream(in).readAllBytes(), UTF_8);
      }
    }

    /** Waits until the server says where it listens (its HTTP listener is then open). */
    URI awaitBase() throws IOException, InterruptedException {
      long until = startedNanos + START.toNanos();
      while (System.nanoTime() - until < 0) {
        Matcher m = LISTENING.matcher(output());
        if (m.find()) {
          return URI.create(m.group(1));
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the server exited with "
                  + process.exitValue()
                  + "; see "
                  + folder.resolve("server.log"));
        }
        Thread.sleep(5);
      }
      throw new IllegalStateException(
          "the server did not say where it listens within "
              + START.toSeconds()
              + " s; see "
              + folder.resolve("server.log"));
    }
  }

  /**
   * Starts the jar with {@code serve} on a port the system chooses ({@code --port 0}: no other
   * process can take it between a choice and the start) and the data directory in {@code folder},
   * without waiting: starting it again on the same folder is a restart (same database, same first
   * game master). Its output is appended to {@code server.log} there.
   */
  static Launched launch(Path jar, Path folder, List<String> jvmOptions, List<String> serveOptions)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath()
              + " is missing; build it first: ./mvnw -q -pl scoreboard -am package -DskipTests");
    }
    Path log = folder.resolve("server.log");
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    // The same for every start on this folder: only the first start creates the account.
    String password =
        "bench-" + UUID.nameUUIDFromBytes(folder.toAbsolutePath().toString().getBytes(UTF_8));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dchaos.security.admin.password=" + password);
    // Every bench account signs in from 127.0.0.1, where a game day's players come from as many
    // addresses; a bench that measures sign-in limits sets its own (a later -D wins).
    command.add("-Dchaos.security.sign-in.per-address=1000000");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toAbsolutePath().toString(),
            "serve",
            "--port",
            "0",
            "--data-dir",
            folder.resolve("data").toString()));
    command.addAll(serveOptions);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long startedNanos = System.nanoTime();
    Process process = builder.start();
    return new Launched(process, folder, logStart, password, startedNanos);
  }

  /**
   * A second node of the same cluster (same database, given in {@code jvmOptions}): started in its
   * own folder, ready once the first node's game master can sign in on it.
   */
  static BenchServer join(
      BenchServer first, Path jar, List<String> jvmOptions, List<String> serveOptions)
      throws IOException, InterruptedException {
    Launched launched =
        launch(jar, Files.createTempDirectory("chaos-bench"), jvmOptions, serveOptions);
    return new Launched(
            launched.process(),
            launched.folder(),
            launched.logStart(),
            first.password,
            launched.startedNanos())
        .awaitReady();
  }

  private static Api awaitSignIn(URI base, Process process, String password)
      throws IOException, InterruptedException {
    Instant until = Instant.now().plus(START);
    IOException last = null;
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the server exited with " + process.exitValue() + "; see its log");
      }
      try {
        return Api.login(base, GAME_MASTER, password);
      } catch (IOException e) {
        // Not listening yet, or not done creating its first account: the JVM is still starting.
        last = e;
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "the server did not let its game master sign in within "
            + START.toSeconds()
            + " s: "
            + (last == null ? "no answer" : last.getMessage()));
  }

  /**
   * Extra JVM options for the server, from {@code -Dbench.server.jvm="-Xmx1g …"} (separated by
   * spaces), for instance a flight recording to see where its time goes.
   */
  static List<String> jvmOptions() {
    return options(System.getProperty("bench.server.jvm", ""));
  }

  static List<String> options(String text) {
    return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
  }

  /** The first game master, signed in. */
  Api gameMaster() {
    return gameMaster;
  }

  URI base() {
    return gameMaster.base();
  }

  /** The server JVM's process id, to read its memory and threads. */
  long pid() {
    return process.pid();
  }

  /** Its folder: {@code server.log} and the H2 database under {@code data/}. */
  Path folder() {
    return folder;
  }

  Path log() {
    return folder.resolve("server.log");
  }

  /** CPU time the server's JVM used so far (user and system, all threads). */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** SIGKILL: the server dies at once, leaving its faults in effect and in its ledger. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as an operator stops it: the server reverts its faults, then exits. */
  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
