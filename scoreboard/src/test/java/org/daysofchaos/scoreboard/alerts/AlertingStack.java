package org.daysofchaos.scoreboard.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.daysofchaos.agents.testing.PrometheusProcess;

/**
 * A real Prometheus and a real Alertmanager as child processes on 127.0.0.1, configured from the
 * templates in {@code src/test/resources/alerting}: Prometheus scrapes one metrics endpoint and
 * evaluates {@code rules.yml}; Alertmanager sends every alert at once to one webhook.
 */
final class AlertingStack implements AutoCloseable {
  static final String ALERTMANAGER = "prometheus-alertmanager";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private final Path dir;
  private Process alertmanager;
  private PrometheusProcess prometheus;

  private AlertingStack(Path dir) {
    this.dir = dir;
  }

  /** Skips without the Debian binaries on a developer's machine; fails in CI (CI=true). */
  static void requireBinaries() {
    PrometheusProcess.requireBinaries(
        "apt-get install --no-install-recommends prometheus prometheus-alertmanager",
        PrometheusProcess.BINARY,
        ALERTMANAGER);
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
      int alertmanagerPort = PrometheusProcess.freePort();
      stack.startAlertmanager(alertmanagerPort, webhook, token);
      stack.startPrometheus(metrics, alertmanagerPort, interval);
      stack.prometheus.awaitSeries("up{job=\"demo\"} == 1");
      return stack;
    } catch (IOException | RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAlertmanager(int port, URI webhook, String token) throws IOException {
    // The sender's token in a file of its own, as docs/alerting.md configures it.
    Path tokenFile = Files.writeString(dir.resolve("alert-sender-token"), token);
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(
        config,
        fill(
            "alertmanager.yml",
            Map.of("webhook", webhook.toString(), "tokenFile", quoted(tokenFile.toString()))),
        StandardCharsets.UTF_8);
    alertmanager =
        PrometheusProcess.start(
            dir,
            "alertmanager",
            List.of(
                PrometheusProcess.find(ALERTMANAGER).orElseThrow().toString(),
                "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(dir.resolve("alertmanager-data")),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn"));
    PrometheusProcess.awaitReady(
        URI.create("http://127.0.0.1:" + port + "/-/ready"), List.of(alertmanager), dir);
  }

  private void startPrometheus(URI metrics, int alertmanagerPort, Duration interval)
      throws IOException {
    String every = interval.toMillis() + "ms";
    Path rules = dir.resolve("rules.yml");
    Files.writeString(rules, fill("rules.yml", Map.of("interval", every)), StandardCharsets.UTF_8);
    prometheus =
        PrometheusProcess.startIn(
            dir,
            fill(
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
                    "127.0.0.1:" + alertmanagerPort)));
  }

  /** A template of src/test/resources/alerting with its placeholders filled in. */
  private static String fill(String template, Map<String, String> values) throws IOException {
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
    return sb.toString();
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Stops both (SIGTERM, then SIGKILL after 5 s) and removes their files. */
  @Override
  public void close() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (alertmanager != null) {
      PrometheusProcess.stop(alertmanager);
    }
    PrometheusProcess.deleteQuietly(dir);
  }
}
