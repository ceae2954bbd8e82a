package org.daysofchaos.scoreboard.notify.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.daysofchaos.scoreboard.metrics.ChaosMetrics;
import org.daysofchaos.scoreboard.notify.NotifySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages from a bounded queue on a thread of its own, retrying with backoff (Failsafe) what
 * failed for a reason that may pass: no connection, a timeout, HTTP 429 or 5xx. Whoever offers a
 * message never waits: when the queue is full the message is dropped, counted and logged. Logs name
 * the channel, never its URL or token.
 */
public final class Dispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private record Message(Channel channel, String body) {}

  private final BlockingQueue<Message> queue;
  private final NotifySettings settings;
  private final ChaosMetrics metrics;
  private final Secrets secrets;
  // Made by the worker thread, the only one using it, at the first message: a new client
  // initialises the JDK's TLS context, ~100 ms of every server start if made here.
  private HttpClient client;
  private final Thread worker;
  private final AtomicLong dropped = new AtomicLong();

  public Dispatcher(NotifySettings settings, ChaosMetrics metrics, Secrets secrets) {
    this.settings = settings;
    this.metrics = metrics;
    this.secrets = secrets;
    this.queue = new ArrayBlockingQueue<>(settings.queue());
    this.worker = new Thread(this::work, "chaos-notify");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues a message; false (dropped, counted, logged) when the queue is full. Never blocks. */
  public boolean offer(Channel channel, String body) {
    if (queue.offer(new Message(channel, body))) {
      return true;
    }
    long n = dropped.incrementAndGet();
    metrics.notification(channel.name(), "dropped");
    if (n == 1 || n % 100 == 0) {
      LOG.warn(
          "notification to channel {} dropped: {} messages are waiting already ({} dropped so far)",
          channel.name(),
          settings.queue(),
          n);
    }
    return false;
  }

  private void work() {
    while (!Thread.currentThread().isInterrupted()) {
      Message message;
      try {
        message = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        deliver(message);
      } catch (RuntimeException e) {
        // A bug here must not stop every later notification.
        LOG.warn("notification to channel {} failed: {}", message.channel().name(), e.toString());
        metrics.notification(message.channel().name(), "failed");
      }
    }
  }

  private void deliver(Message message) {
    Channel channel = message.channel();
    HttpRequest request;
    try {
      request = request(channel, message.body());
    } catch (Secrets.Unavailable | IllegalArgumentException e) {
      // Not retried: a missing variable or file stays missing. IllegalArgument: a malformed URL,
      // whose text is not repeated here.
      String why = e instanceof Secrets.Unavailable ? e.getMessage() : "its URL is not valid";
      LOG.warn("notification to channel {} not sent: {}", channel.name(), why);
      metrics.notification(channel.name(), "failed");
      return;
    }
    RetryPolicy<Integer> retry =
        RetryPolicy.<Integer>builder()
            .handle(IOException.class)
            .handleResultIf(status -> status == 429 || status >= 500)
            .withBackoff(settings.delay(), max(settings.delay(), settings.maxDelay()))
            .withMaxAttempts(settings.attempts())
            .onRetry(e -> metrics.notificationRetried(channel.name()))
            .build();
    String outcome;
    try {
      int status = Failsafe.with(retry).get(() -> send(request));
      outcome = status / 100 == 2 ? "sent" : "HTTP " + status;
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      outcome = e.getCause() == null ? e.toString() : e.getCause().getClass().getSimpleName();
    }
    if (outcome.equals("sent")) {
      metrics.notification(channel.name(), "sent");
    } else {
      LOG.warn(
          "notification to channel {} failed after at most {} attempt(s): {}",
          channel.name(),
          settings.attempts(),
          outcome);
      metrics.notification(channel.name(), "failed");
    }
  }

  private int send(HttpRequest request) throws IOException, InterruptedException {
    if (client == null) {
      // No redirects: a token must not follow a Location header to another host.
      client =
          HttpClient.newBuilder()
              .connectTimeout(settings.timeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest request(Channel channel, String body) {
    String url = channel.url().map(secrets::read).orElseGet(() -> channel.fixedUrl().orElseThrow());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    channel.token().ifPresent(t -> builder.header("Authorization", "Bearer " + secrets.read(t)));
    return builder.build();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a.plusMillis(1) : b;
  }

  /** Messages waiting now. */
  public int waiting() {
    return queue.size();
  }

  @Override
  public void close() {
    worker.interrupt();
  }
}
