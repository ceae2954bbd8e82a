package org.daysofchaos.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background customers: a steady rate of bookings, sent without waiting for the previous one, so
 * the metrics keep moving even while requests hang.
 */
final class Traffic implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final HttpClient client;

  Traffic(URI booking, int perSecond) {
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-traffic");
              t.setDaemon(true);
              return t;
            });
    HttpRequest request =
        HttpRequest.newBuilder(booking.resolve("/book"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    long periodMicros = 1_000_000L / perSecond;
    timer.scheduleAtFixedRate(
        () -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
