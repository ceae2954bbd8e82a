package org.daysofchaos.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A test's own customer: books one after another and remembers how each booking went. */
final class Customer implements AutoCloseable {
  record Booking(Instant start, Duration took, int status) {
    boolean ok() {
      return status == 200;
    }
  }

  private final List<Booking> bookings = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  Customer(URI booking) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(booking.resolve("/book")).timeout(Duration.ofSeconds(5)).build();
    thread =
        new Thread(
            () -> {
              while (running) {
                Instant start = Instant.now();
                int status;
                try {
                  status =
                      client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                  status = -1;
                } catch (InterruptedException e) {
                  return;
                }
                synchronized (bookings) {
                  bookings.add(new Booking(start, Duration.between(start, Instant.now()), status));
                }
              }
            },
            "test-customer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Bookings that started and ended inside [from, until]. */
  List<Booking> between(Instant from, Instant until) {
    synchronized (bookings) {
      return bookings.stream()
          .filter(b -> !b.start().isBefore(from) && !b.start().plus(b.took()).isAfter(until))
          .toList();
    }
  }

  List<Booking> all() {
    synchronized (bookings) {
      return new ArrayList<>(bookings);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(10_000);
  }
}
