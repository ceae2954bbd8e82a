package org.daysofchaos.agents.toxiproxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import org.daysofchaos.core.spi.MetricSample;
import org.daysofchaos.core.spi.MetricSource;

/**
 * A small client service for tests: calls "payments" through a proxy in a loop, like a checkout
 * would, and serves what it sees over the last second as metrics: {@code
 * checkout_payments_error_ratio} and {@code checkout_payments_seconds{quantile="0.99"}}.
 */
final class Checkout implements MetricSource, AutoCloseable {
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private record Call(long endedNanos, long tookNanos, boolean ok) {}

  private final Deque<Call> calls = new ArrayDeque<>();
  private final Thread loop;
  private volatile boolean running = true;

  Checkout(URI payments) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest request = HttpRequest.newBuilder(payments).timeout(Duration.ofSeconds(1)).build();
    loop =
        new Thread(
            () -> {
              while (running) {
                long start = System.nanoTime();
                boolean ok;
                try {
                  ok =
                      client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode()
                          == 200;
                } catch (IOException e) {
                  ok = false;
                } catch (InterruptedException e) {
                  return;
                }
                long end = System.nanoTime();
                synchronized (calls) {
                  calls.addLast(new Call(end, end - start, ok));
                }
              }
            },
            "checkout");
    loop.setDaemon(true);
    loop.start();
  }

  private List<Call> recent() {
    long since = System.nanoTime() - WINDOW.toNanos();
    synchronized (calls) {
      while (!calls.isEmpty() && calls.peekFirst().endedNanos() < since) {
        calls.removeFirst();
      }
      return List.copyOf(calls);
    }
  }

  @Override
  public List<MetricSample> samples(String query) {
    OptionalDouble value = value(query);
    return value.isPresent() ? List.of(MetricSample.of(value.getAsDouble())) : List.of();
  }

  OptionalDouble value(String query) {
    List<Call> recent = recent();
    if (recent.isEmpty()) {
      // No call ended within the window: every call hangs. As slow as the window, as a timer would
      // say.
      return query.startsWith("checkout_payments_seconds")
          ? OptionalDouble.of(WINDOW.toSeconds())
          : OptionalDouble.of(1.0);
    }
    return switch (query) {
      case "checkout_payments_error_ratio" ->
          OptionalDouble.of(recent.stream().filter(c -> !c.ok()).count() / (double) recent.size());
      case "checkout_payments_seconds{quantile=\"0.99\"}" -> {
        long[] took = recent.stream().mapToLong(Call::tookNanos).sorted().toArray();
        yield OptionalDouble.of(took[(int) Math.ceil(0.99 * took.length) - 1] / 1e9);
      }
      default -> OptionalDouble.empty();
    };
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    loop.interrupt();
    loop.join(5_000);
  }
}
