package org.daysofchaos.demo;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.daysofchaos.agents.http.LazyHttpClient;

/**
 * The front of the demo: {@code GET /book} checks seats with inventory, then takes the payment.
 * Both calls go through the fault proxies and give up after their timeout (one second unless an
 * operator changed it). The {@link Levers} decide which payment instance is called, whether a
 * dependency is bypassed by an open circuit breaker, and the timeouts.
 *
 * <p>Its metrics are what the demo scenarios watch: {@code booking_request_seconds} (with quantiles
 * over the last second) and {@code booking_request_duration_seconds} (a histogram, {@code
 * _bucket{le}}, {@code _sum}, {@code _count}, for PromQL), {@code booking_error_ratio} (failures
 * among the bookings of the last second), {@code booking_degraded_ratio} (bookings confirmed with a
 * dependency bypassed), {@code booking_requests_total{outcome}} and, per dependency, {@code
 * booking_dependency_seconds} and {@code booking_dependency_errors_total{cause}}; {@code
 * booking_config_ok} is 0 while its configuration file ({@link BookingConfig}) is bad; the levers
 * show as {@code booking_payment_instance{instance}}, {@code
 * booking_circuit_breaker_open{dependency}} and {@code
 * booking_dependency_timeout_seconds{dependency}}.
 */
final class BookingService implements AutoCloseable {
  /** Connections must open within this, whatever the timeout of the whole call. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  /** The upper bounds of the booking time histogram: from a fast answer to a hung dependency. */
  private static final Duration[] BUCKETS =
      java.util.stream.DoubleStream.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
          .mapToObj(seconds -> Duration.ofNanos((long) (seconds * 1e9)))
          .toArray(Duration[]::new);

  /** The window of the quantiles and of the ratios: short, so the metrics follow faults. */
  static final Duration WINDOW = Duration.ofSeconds(1);

  private final MiniHttp http;
  private final LazyHttpClient client;
  private final URI inventory;
  private final Map<PaymentInstance, URI> payments;
  private final Levers levers;
  private final BookingConfig config;
  private final SlidingRatio errors = new SlidingRatio(Clock.systemUTC(), WINDOW);
  private final SlidingRatio degraded = new SlidingRatio(Clock.systemUTC(), WINDOW);

  /** How one booking went: a failure, or confirmed with what was bypassed (possibly nothing). */
  private record Outcome(String failure, List<String> bypassed) {
    static Outcome failed(String failure) {
      return new Outcome(failure, List.of());
    }

    boolean degraded() {
      return failure == null && !bypassed.isEmpty();
    }
  }

  /**
   * @param port where it listens, with its {@code /metrics} (0: a free port)
   */
  BookingService(
      URI inventory,
      Map<PaymentInstance, URI> payments,
      Levers levers,
      BookingConfig config,
      int port)
      throws IOException {
    this.inventory = inventory;
    this.payments = Map.copyOf(payments);
    this.levers = levers;
    this.config = config;
    // Made at the first booking: a JVM's first HttpClient sets up the JDK's TLS context (about
    // 0.1 s), which the demo's start would otherwise wait for, and the server's beside it.
    this.client =
        LazyHttpClient.of(() -> HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    // Enough threads that hung bookings (40/s for up to 2 s) never queue the /metrics scrapes.
    this.http = new MiniHttp("booking", port, 200);
    MeterRegistry registry = http.registry();
    Timer latency =
        Timer.builder("booking_request")
            .description("Time to answer a booking")
            .publishPercentiles(0.5, 0.99)
            .distributionStatisticExpiry(WINDOW)
            .distributionStatisticBufferLength(2)
            .register(registry);
    // The same times as a cumulative histogram, for PromQL through a real Prometheus:
    // histogram_quantile(0.99, sum by (le) (rate(booking_request_duration_seconds_bucket[4s]))).
    Timer histogram =
        Timer.builder("booking_request_duration")
            .description("Time to answer a booking, in buckets")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    Counter ok = Counter.builder("booking_requests").tag("outcome", "ok").register(registry);
    Counter bypassing =
        Counter.builder("booking_requests").tag("outcome", "degraded").register(registry);
    Counter failed = Counter.builder("booking_requests").tag("outcome", "error").register(registry);
    Gauge.builder("booking_error_ratio", errors, SlidingRatio::ratio)
        .description("Share of failed bookings over the last second")
        .register(registry);
    Gauge.builder("booking_degraded_ratio", degraded, SlidingRatio::ratio)
        .description("Share of bookings confirmed with a dependency bypassed, over the last second")
        .register(registry);
    registerLeverGauges(registry);
    Gauge.builder("booking_config_ok", config, c -> c.current().ok() ? 1 : 0)
        .description("1 while booking.properties holds a usable configuration")
        .register(registry);
    http.route(
        "/book",
        exchange -> {
          long start = System.nanoTime();
          Outcome outcome = book(registry, levers.current());
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          latency.record(took);
          histogram.record(took);
          errors.record(outcome.failure() != null);
          degraded.record(outcome.degraded());
          if (outcome.failure() != null) {
            failed.increment();
            MiniHttp.send(
                exchange, 502, "application/json", "{\"error\":\"" + outcome.failure() + "\"}");
          } else {
            (outcome.degraded() ? bypassing : ok).increment();
            MiniHttp.send(exchange, 200, "application/json", confirmation(outcome));
          }
        });
    http.start();
  }

  private void registerLeverGauges(MeterRegistry registry) {
    for (PaymentInstance instance : PaymentInstance.values()) {
      Gauge.builder(
              "booking_payment_instance", levers, l -> l.current().payment() == instance ? 1 : 0)
          .description("1 for the payment instance booking pays with")
          .tag("instance", instance.label())
          .register(registry);
    }
    for (Dependency dependency : Dependency.values()) {
      Gauge.builder(
              "booking_circuit_breaker_open",
              levers,
              l -> l.current().breaker(dependency) == BreakerState.OPEN ? 1 : 0)
          .description("1 while an operator keeps the circuit breaker to the dependency open")
          .tag("dependency", dependency.label())
          .register(registry);
      Gauge.builder(
              "booking_dependency_timeout_seconds",
              levers,
              l -> l.current().timeout(dependency).toNanos() / 1e9)
          .description("How long booking waits for the dependency")
          .tag("dependency", dependency.label())
          .register(registry);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  URI metrics() {
    return url().resolve("/metrics");
  }

  MeterRegistry registry() {
    return http.registry();
  }

  private Outcome book(MeterRegistry registry, LeverState state) {
    if (!config.current().ok()) {
      // A bad booking.properties: the service cannot make any payment call (demo/bad-config).
      return Outcome.failed("config");
    }
    List<String> bypassed = new ArrayList<>(2);
    if (state.inventoryBreaker() == BreakerState.OPEN) {
      bypassed.add("seats unchecked");
    } else {
      HttpRequest.Builder seats = HttpRequest.newBuilder(inventory.resolve("/seats")).GET();
      String failure = call(registry, Dependency.INVENTORY, seats, state.inventoryTimeout());
      if (failure != null) {
        return Outcome.failed(failure);
      }
    }
    if (state.paymentBreaker() == BreakerState.OPEN) {
      bypassed.add("payment deferred");
    } else {
      HttpRequest.Builder pay =
          HttpRequest.newBuilder(payments.get(state.payment()).resolve("/pay"))
              .POST(HttpRequest.BodyPublishers.ofString("{}"));
      String failure = call(registry, Dependency.PAYMENT, pay, state.paymentTimeout());
      if (failure != null) {
        return Outcome.failed(failure);
      }
    }
    return new Outcome(null, bypassed);
  }

  private static String confirmation(Outcome outcome) {
    if (!outcome.degraded()) {
      return "{\"booking\":\"confirmed\"}";
    }
    return "{\"booking\":\"confirmed\",\"degraded\":[\""
        + String.join("\",\"", outcome.bypassed())
        + "\"]}";
  }

  /** Returns null on success, or why the call failed. */
  private String call(
      MeterRegistry registry,
      Dependency dependency,
      HttpRequest.Builder request,
      Duration timeout) {
    Timer.Sample sample = Timer.start(registry);
    String cause;
    try {
      HttpResponse<Void> response =
          client
              .get()
              .send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.discarding());
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
            .tag("dependency", dependency.label())
            .publishPercentiles(0.99)
            .distributionStatisticExpiry(WINDOW)
            .distributionStatisticBufferLength(2)
            .register(registry));
    if (cause != null) {
      registry
          .counter("booking_dependency_errors", "dependency", dependency.label(), "cause", cause)
          .increment();
      return dependency.label() + " " + cause;
    }
    return null;
  }

  @Override
  public void close() {
    http.close();
  }
}
