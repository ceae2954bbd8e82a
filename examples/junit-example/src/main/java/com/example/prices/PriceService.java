package com.example.prices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP service with one dependency: prices in euros, converted with an exchange rate asked
 * of a rates service. When the rates service is slow or down, it answers with the last rate it
 * knows (and says so in the {@code X-Rate-Source} header) rather than failing or hanging.
 *
 * <ul>
 *   <li>{@code GET /price} — the price of the article in dollars.
 *   <li>{@code GET /health} — 200 when the rates service answers in time, 503 when not.
 * </ul>
 */
public final class PriceService implements AutoCloseable {
  /** How long the service waits for the rates service: its resilience, under test. */
  public static final Duration RATES_TIMEOUT = Duration.ofMillis(500);

  private static final double PRICE_EUR = 100.0;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(RATES_TIMEOUT).build();
  private final URI rates;
  private volatile double lastKnownRate = 1.0;

  private PriceService(HttpServer server, URI rates) {
    this.server = server;
    this.rates = rates;
    server.createContext("/price", this::price);
    server.createContext("/health", this::health);
    server.setExecutor(threads);
    server.start();
  }

  /** Starts the service on a free port of 127.0.0.1, asking {@code rates} for the exchange rate. */
  public static PriceService start(URI rates) {
    try {
      return new PriceService(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), rates);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code host:port} where the service listens. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public URI uri() {
    return URI.create("http://" + address());
  }

  private void price(HttpExchange exchange) throws IOException {
    Optional<Double> fresh = askRate();
    fresh.ifPresent(rate -> lastKnownRate = rate);
    double rate = fresh.orElse(lastKnownRate);
    exchange.getResponseHeaders().add("X-Rate-Source", fresh.isPresent() ? "live" : "cached");
    answer(exchange, 200, String.format(java.util.Locale.ROOT, "%.2f", PRICE_EUR * rate));
  }

  private void health(HttpExchange exchange) throws IOException {
    boolean ok = askRate().isPresent();
    answer(exchange, ok ? 200 : 503, ok ? "ok" : "rates service not answering");
  }

  private Optional<Double> askRate() {
    HttpRequest request =
        HttpRequest.newBuilder(rates.resolve("/rate/EUR-USD")).timeout(RATES_TIMEOUT).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? Optional.of(Double.parseDouble(response.body().trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
