package org.daysofchaos.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real Alertmanager (Debian's {@code prometheus-alertmanager}) between the bench's monitoring
 * and the server: the bench posts a firing alert to Alertmanager's own API when an incident's fault
 * takes effect (standing in for Prometheus, whose rules are not what this bench measures), and
 * Alertmanager routes it to the server's webhook with the sender's token, as docs/alerting.md sets
 * it up. In a cluster the webhook is called on every node, as an HA pair would.
 */
final class SoakAlertmanager implements AutoCloseable {
  static final String BINARY = "/usr/bin/prometheus-alertmanager";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final URI base;

  private SoakAlertmanager(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /** Starts Alertmanager on a free port, routing every alert at once to the given webhooks. */
  static SoakAlertmanager start(Path folder, List<URI> servers, String token)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new IllegalStateException(
          BINARY + " is missing: apt-get install --no-install-recommends prometheus-alertmanager");
    }
    Files.createDirectories(folder);
    Path tokenFile = folder.resolve("chaos-sender-token");
    Files.writeString(tokenFile, token);
    StringBuilder config =
        new StringBuilder(
            """
            route:
              receiver: days-of-chaos
              group_by: ['...']
              group_wait: 0s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: days-of-chaos
                webhook_configs:
            """);
    for (URI server : servers) {
      config
          .append("      - url: ")
          .append(server.resolve("/api/alerts"))
          .append("\n        send_resolved: false\n")
          .append("        http_config:\n          authorization:\n")
          .append("            credentials_file: ")
          .append(tokenFile.toAbsolutePath())
          .append('\n');
    }
    Path file = folder.resolve("alertmanager.yml");
    Files.writeString(file, config);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                BINARY,
                "--config.file=" + file,
                "--storage.path=" + folder.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("alertmanager.log").toFile())
            .start();
    SoakAlertmanager alertmanager =
        new SoakAlertmanager(process, URI.create("http://127.0.0.1:" + port));
    alertmanager.awaitReady();
    return alertmanager;
  }

  private void awaitReady() throws InterruptedException, IOException {
    Instant until = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Alertmanager exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> r =
            HTTP.send(
                HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IOException("Alertmanager was not ready within 30 s");
  }

  /** Posts one firing alert, as Prometheus does, for {@code lasts}. */
  void fire(String alertname, String incident, Duration lasts)
      throws IOException, InterruptedException {
    Instant now = Instant.now();
    ArrayNode alerts = Api.JSON.createArrayNode();
    ObjectNode alert = alerts.addObject();
    alert
        .putObject("labels")
        .put("alertname", alertname)
        .put("incident", incident)
        .put("severity", "page");
    alert.put("startsAt", now.toString()).put("endsAt", now.plus(lasts).toString());
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(alerts.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("Alertmanager refused an alert: " + r.statusCode() + " " + r.body());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
