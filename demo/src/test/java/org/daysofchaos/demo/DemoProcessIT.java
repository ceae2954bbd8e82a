package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Target;
import org.daysofchaos.experiments.targets.ProcessTarget;
import org.junit.jupiter.api.Test;

/**
 * The demo in a child JVM of its own (ADR 0022), as {@code chaos serve --demo} runs it: it serves
 * bookings and metrics, its inventory process is restarted through it, it stops with its parent,
 * and it does not outlive a parent killed with SIGKILL.
 */
class DemoProcessIT {
  private static final Duration GONE_WITHIN = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void servesFromItsOwnProcessRestartsItsInventoryAndStopsWithItsParent() throws Exception {
    DemoProcess demo = DemoProcess.start(5, 0, 0, 0);
    long child;
    long inventory;
    try {
      child = demo.pid();
      assertThat(child).isNotEqualTo(ProcessHandle.current().pid());
      // A booking goes through payment and inventory with the demo's own short timeouts: on a
      // machine whose cores are all busy, one may time out (502) just after the start. What this
      // test relies on is that the demo serves from its own process, so it waits for a 200.
      String book = demo.bookingUrl().resolve("/book").toString();
      await().atMost(GONE_WITHIN).ignoreExceptions().until(() -> status(book) == 200);
      assertThat(body(demo.metricsUrl().toString())).contains("booking_request_seconds");
      assertThat(status(demo.toxiproxyUrl().resolve("/proxies").toString())).isEqualTo(200);

      inventory = demo.inventoryPid();
      assertThat(ProcessHandle.of(inventory).map(ProcessHandle::isAlive)).contains(true);
      var process = demo.processes().find(new Target("inventory", new ProcessTarget("inventory")));
      assertThat(process.canRestart()).isTrue();
      process.restart();
      long restarted = process.pid();
      assertThat(restarted).isNotEqualTo(inventory).isEqualTo(demo.inventoryPid());
      long killed = inventory;
      await().atMost(GONE_WITHIN).until(() -> gone(killed));
      inventory = restarted;
    } finally {
      demo.close();
    }
    long last = inventory;
    await().atMost(GONE_WITHIN).until(() -> gone(child) && gone(last));
  }

  /** As the server starts it: its customers arrive once the server serves and asks for them. */
  @Test
  void trafficAskedForLaterStartsOnlyWhenAsked() throws Exception {
    try (DemoProcess demo = DemoProcess.start(40, 0, 0, 0, TrafficStart.WHEN_ASKED)) {
      String metrics = demo.metricsUrl().toString();
      await("no booking while the traffic waits")
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> bookings(metrics) == 0);

      demo.startTraffic();
      demo.startTraffic(); // a second ask changes nothing

      await("bookings once asked").atMost(GONE_WITHIN).until(() -> bookings(metrics) > 0);
    }
  }

  private static double bookings(String metrics) throws Exception {
    return body(metrics)
        .lines()
        .filter(line -> line.startsWith("booking_request_seconds_count "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aParentKilledWithSigkillLeavesNoDemoBehind() throws Exception {
    Process parent =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DemoParent.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long child;
    long inventory;
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
      String line = firstDemoLine(out);
      assertThat(line).as("the parent's DEMO line").isNotNull();
      String[] pids = line.split(" ");
      child = Long.parseLong(pids[1]);
      inventory = Long.parseLong(pids[2]);
      assertThat(List.of(child, inventory)).allMatch(pid -> !gone(pid));
    } finally {
      parent.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs
      parent.waitFor();
    }
    await().atMost(GONE_WITHIN).until(() -> gone(child) && gone(inventory));
  }

  private static String firstDemoLine(BufferedReader out) throws Exception {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("DEMO ")) {
        return line;
      }
    }
    return null;
  }

  /** Exited: no such process, or a zombie its new parent has not reaped yet. */
  private static boolean gone(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }

  private static int status(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String body(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
