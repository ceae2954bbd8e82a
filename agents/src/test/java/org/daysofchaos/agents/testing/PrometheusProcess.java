package org.daysofchaos.agents.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (the Debian binary on the PATH) as a child process on 127.0.0.1 and an
 * ephemeral port, with its configuration and data in a temporary directory. Also home to the
 * helpers the other child-process fixtures share: finding a binary, skipping or failing without it,
 * a free port, waiting for readiness.
 */
public final class PrometheusProcess implements AutoCloseable {
  public static final String BINARY = "prometheus";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final boolean ownsDir;
  private final URI url;
  private Process process;

  private PrometheusProcess(Path dir, boolean ownsDir, URI url) {
    this.dir = dir;
    this.ownsDir = ownsDir;
    this.url = url;
  }

  /**
   * Skips the test without these binaries on a developer's machine; fails it in CI ({@code
   * CI=true}), where a skipped suite would pass for the wrong reason.
   *
   * @param install how to install them, for the message
   */
  public static void requireBinaries(String install, String... binaries) {
    List<String> missing = new ArrayList<>();
    for (String binary : binaries) {
      if (find(binary).isEmpty()) {
        missing.add(binary);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "not on the PATH: " + String.join(", ", missing) + "; install with: " + install;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI needs " + String.join(", ", missing) + ": " + message);
    }
    Assumptions.abort(message);
  }

  /** {@link #requireBinaries} for Prometheus alone. */
  public static void requireBinary() {
    requireBinaries("apt-get install --no-install-recommends prometheus", BINARY);
  }

  public static Optional<Path> find(String binary) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String entry : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry, binary);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Starts Prometheus with this configuration in a new temporary directory (removed on close) and
   * waits until it is ready.
   */
  public static PrometheusProcess start(String config) throws IOException {
    return start(Files.createTempDirectory("chaos-prometheus-"), true, config);
  }

  /**
   * Starts Prometheus with this configuration, written to {@code dir/prometheus.yml}, its data and
   * log ({@code prometheus.log}) in {@code dir}, which the caller owns.
   */
  public static PrometheusProcess startIn(Path dir, String config) throws IOException {
    return start(dir, false, config);
  }

  private static PrometheusProcess start(Path dir, boolean ownsDir, String config)
      throws IOException {
    PrometheusProcess prometheus =
        new PrometheusProcess(dir, ownsDir, URI.create("http://127.0.0.1:" + freePort()));
    try {
      prometheus.launch(config);
      return prometheus;
    } catch (IOException | RuntimeException | Error e) {
      prometheus.close();
      throw e;
    }
  }

  private void launch(String config) throws IOException {
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    process =
        start(
            dir,
            "prometheus",
            List.of(
                find(BINARY).orElseThrow().toString(),
                "--config.file=" + file,
                "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("prometheus-data")),
                "--web.listen-address=" + url.getHost() + ":" + url.getPort(),
                "--log.level=warn"));
    awaitReady(url.resolve("/-/ready"), List.of(process), dir);
  }

  /** Its base URL, for the HTTP API: {@code http://127.0.0.1:PORT}. */
  public URI url() {
    return url;
  }

  /**
   * Waits until an instant query returns at least one series: what a test needs before it asks,
   * e.g. {@code up{job="x"} == 1} once the first scrape is in.
   */
  public void awaitSeries(String query) {
    URI uri =
        url.resolve(
            "/api/v1/query?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
    await("Prometheus has " + query)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(uri).map(body -> body.contains("\"value\"")).orElse(false));
  }

  /** Starts a child process in {@code dir}, its output in {@code dir/NAME.log}. */
  public static Process start(Path dir, String name, List<String> command) throws IOException {
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  /** Waits until {@code ready} answers 200; fails at once if one of the processes exited. */
  public static void awaitReady(URI ready, List<Process> processes, Path logs) {
    await("ready: " + ready)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              for (Process p : processes) {
                if (!p.isAlive()) {
                  throw new AssertionError(
                      "a child process exited with " + p.exitValue() + "; see " + logs + "/*.log");
                }
              }
              return get(ready).isPresent();
            });
  }

  /** The body of a 200 answer; empty for any other answer or no answer. */
  public static Optional<String> get(URI uri) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops Prometheus (SIGTERM, then SIGKILL after 5 s); its directory stays until close. */
  public void stop() {
    if (process != null) {
      stop(process);
      process = null;
    }
  }

  /** Stops a child process: SIGTERM, then SIGKILL after 5 s. */
  public static void stop(Process p) {
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    if (ownsDir) {
      deleteQuietly(dir);
    }
  }

  /** Removes a temporary directory and what is in it, as well as it can. */
  public static void deleteQuietly(Path root) {
    try (var files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory; the OS cleans it up eventually.
    }
  }
}
