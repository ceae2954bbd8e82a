package org.daysofchaos.scoreboard.demo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * The front of the demo: {@code GET /book} checks seats with inventory, then takes the payment.
 * Both calls go through the fault proxies and give up after one second.
 *
 * <p>Its metrics are what the demo scenarios watch: {@code booking_request_seconds} (with quantiles
 * over the last second), {@code booking_error_ratio} (failures among the bookings of the last
 * second), {@code booking_requests_total{outcome}} and, per dependency, {@code
 * booking_dependency_seconds} and {@code booking_dependency_errors_total{cause}}.
 */
final class BookingService implements AutoCloseable {
  static final Duration DEPENDENCY_TIMEOUT = Duration.ofSeconds(1);

  /** The window of the quantiles and of the error ratio: short, so the metrics follow faults. */
  static final Duration WINDOW = Duration.ofSeconds(1);

  private final MiniHttp http;
  private final HttpClient client;
  private final URI inventory;
  private final URI payment;
  private final SlidingRatio errors = new SlidingRatio(Clock.systemUTC(), WINDOW);

  BookingService(URI inventory, URI payment) throws IOException {
    this.inventory = inventory;
    this.payment = payment;
    this.client = HttpClient.newBuilder().connectTimeout(DEPENDENCY_TIMEOUT).build();
    // Enough threads that hung bookings (40/s for up to 2 s) never queue the /metrics scrapes.
    this.http = new MiniHttp("booking", 0, 200);
    MeterRegistry registry = http.registry();
    Timer latency =
        Timer.builder("booking_request")
            .description("Time to answer a booking")
            .publishPercentiles(0.5, 0.99)
            .distributionStatisticExpiry(WINDOW)
            .distributionStatisticBufferLength(2)
            .register(registry);
    Counter ok = Counter.builder("booking_requests").tag("outcome", "ok").register(registry);
    Counter failed = Counter.builder("booking_requests").tag("outcome", "error").register(registry);
    Gauge.builder("booking_error_ratio", errors, SlidingRatio::ratio)
        .description("Share of failed bookings over the last second")
        .register(registry);
    http.route(
        "/book",
        exchange -> {
          long start = System.nanoTime();
          String failure = book(registry);
          latency.record(Duration.ofNanos(System.nanoTime() - start));
          errors.record(failure != null);
          (failure == null ? ok : failed).increment();
          if (failure == null) {
            MiniHttp.send(exchange, 200, "application/json", "{\"booking\":\"confirmed\"}");
          } else {
            MiniHttp.send(exchange, 502, "application/json", "{\"error\":\"" + failure + "\"}");
          }
        });
    http.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  URI metrics() {
    return url().resolve("/metrics");
  }

  /** Returns null on success, or why the booking failed. */
  private String book(MeterRegistry registry) {
    String failure =
        call(registry, "inventory", HttpRequest.newBuilder(inventory.resolve("/seats")).GET());
    if (failure != null) {
      return failure;
    }
    return call(
        registry,
        "payment",
        HttpRequest.newBuilder(payment.resolve("/pay"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  private String call(MeterRegistry registry, String dependency, HttpRequest.Builder request) {
    Timer.Sample sample = Timer.start(registry);
    String cause;
    try {
      HttpResponse<Void> response =
          client.send(
              request.timeout(DEPENDENCY_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
      cause = response.statusCode() == 200 ? null : "status";
    } catch (HttpTimeoutException e) {
      cause = "timeout";
    } catch (ConnectException e) {
      cause = "refused";
    } catch (IOException e) {
      cause = "reset";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cause = "interrupted";
    }
    sample.stop(
        Timer.builder("booking_dependency")
            .tag("dependency", dependency)
            .publishPercentiles(0.99)
            .distributionStatisticExpiry(WINDOW)
            .distributionStatisticBufferLength(2)
            .register(registry));
    if (cause != null) {
      registry
          .counter("booking_dependency_errors", "dependency", dependency, "cause", cause)
          .increment();
      return dependency + " " + cause;
    }
    return null;
  }

  @Override
  public void close() {
    http.close();
  }
}
