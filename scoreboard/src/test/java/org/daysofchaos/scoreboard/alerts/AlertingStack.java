package org.daysofchaos.scoreboard.alerts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus and a real Alertmanager as child processes on 127.0.0.1, configured from the
 * templates in {@code src/test/resources/alerting}: Prometheus scrapes one metrics endpoint and
 * evaluates {@code rules.yml}; Alertmanager sends every alert at once to one webhook.
 */
final class AlertingStack implements AutoCloseable {
  static final String PROMETHEUS = "prometheus";
  static final String ALERTMANAGER = "prometheus-alertmanager";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private URI prometheus;

  private AlertingStack(Path dir) {
    this.dir = dir;
  }

  /** Skips without the Debian binaries on a developer's machine; fails in CI (CI=true). */
  static void requireBinaries() {
    List<String> missing =
        List.of(PROMETHEUS, ALERTMANAGER).stream().filter(b -> find(b).isEmpty()).toList();
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "not on the PATH: "
            + String.join(", ", missing)
            + "; install them with: apt-get install --no-install-recommends prometheus"
            + " prometheus-alertmanager";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI needs Prometheus and Alertmanager: " + message);
    }
    Assumptions.abort(message);
  }

  static Optional<Path> find(String binary) {
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
   * Starts Alertmanager, then Prometheus, and waits until Prometheus scrapes {@code metrics}.
   *
   * @param token the alert sender's token, which Alertmanager sends to the webhook
   */
  static AlertingStack start(URI metrics, URI webhook, String token, Duration interval)
      throws IOException {
    AlertingStack stack = new AlertingStack(Files.createTempDirectory("chaos-alerting-"));
    try {
      int alertmanagerPort = freePort();
      int prometheusPort = freePort();
      stack.startAlertmanager(alertmanagerPort, webhook, token);
      stack.startPrometheus(prometheusPort, metrics, alertmanagerPort, interval);
      stack.awaitTargetUp();
      return stack;
    } catch (IOException | RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAlertmanager(int port, URI webhook, String token) throws IOException {
    // The sender's token in a file of its own, as docs/alerting.md configures it.
    Path tokenFile = Files.writeString(dir.resolve("alert-sender-token"), token);
    Path config =
        write(
            "alertmanager.yml",
            Map.of("webhook", webhook.toString(), "tokenFile", quoted(tokenFile.toString())));
    start(
        "alertmanager",
        List.of(
            find(ALERTMANAGER).orElseThrow().toString(),
            "--config.file=" + config,
            "--storage.path=" + Files.createDirectories(dir.resolve("alertmanager-data")),
            "--web.listen-address=127.0.0.1:" + port,
            "--cluster.listen-address=",
            "--log.level=warn"));
    awaitReady(URI.create("http://127.0.0.1:" + port + "/-/ready"));
  }

  private void startPrometheus(int port, URI metrics, int alertmanagerPort, Duration interval)
      throws IOException {
    String every = interval.toMillis() + "ms";
    Path rules = write("rules.yml", Map.of("interval", every));
    Path config =
        write(
            "prometheus.yml",
            Map.of(
                "interval",
                every,
                "rules",
                rules.toString(),
                "metricsPath",
                metrics.getPath(),
                "demoTarget",
                metrics.getHost() + ":" + metrics.getPort(),
                "alertmanager",
                "127.0.0.1:" + alertmanagerPort));
    start(
        "prometheus",
        List.of(
            find(PROMETHEUS).orElseThrow().toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + Files.createDirectories(dir.resolve("prometheus-data")),
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn"));
    prometheus = URI.create("http://127.0.0.1:" + port);
    awaitReady(prometheus.resolve("/-/ready"));
  }

  /** Waits until Prometheus has scraped the target successfully: the rules see its metrics. */
  private void awaitTargetUp() {
    URI query = prometheus.resolve("/api/v1/query?query=up%7Bjob%3D%22demo%22%7D%3D%3D1");
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(query).map(body -> body.contains("\"value\"")).orElse(false));
  }

  private void start(String name, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    processes.add(process);
  }

  private void awaitReady(URI ready) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              for (Process p : processes) {
                if (!p.isAlive()) {
                  throw new AssertionError(
                      "a child process exited with " + p.exitValue() + "; see " + dir + "/*.log");
                }
              }
              return get(ready).isPresent();
            });
  }

  /** The body of a 200 answer; empty for any other answer or no answer. */
  private static Optional<String> get(URI uri) {
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

  /** Writes a template of src/test/resources/alerting with its placeholders filled in. */
  private Path write(String template, Map<String, String> values) throws IOException {
    String text;
    try (InputStream in = AlertingStack.class.getResourceAsStream("/alerting/" + template)) {
      if (in == null) {
        throw new IOException("no test resource alerting/" + template);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for ${" + m.group(1) + "} in " + template);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    Path file = dir.resolve(template);
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops both (SIGTERM, then SIGKILL after 5 s) and removes their files. */
  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    deleteQuietly(dir);
  }

  private static void deleteQuietly(Path root) {
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory; the OS cleans it up eventually.
    }
  }
}
