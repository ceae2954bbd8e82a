package org.daysofchaos.scoreboard.server;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.scoreboard.hosts.AgentCredentials;
import org.daysofchaos.scoreboard.hosts.AgentRegistry;
import org.daysofchaos.scoreboard.hosts.DemoHostAgent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the demo's own host agent for {@code serve --demo} ({@link DemoHostAgent}): its
 * credential and agent when the server starts, its link once the HTTP listener is up (the agent
 * connects to it over loopback, as any agent would), and its end after the runs were reverted.
 */
@Singleton
public class DemoHost {
  private static final Logger LOG = LoggerFactory.getLogger(DemoHost.class);

  @Inject AgentCredentials credentials;
  @Inject AgentRegistry registry;
  @Inject StartupMarks marks;

  /** The lease of the server's faults on agents; the demo's agent holds them no longer. */
  @ConfigProperty(name = "chaos.agents.lease", defaultValue = "5s")
  Duration lease;

  /** How long the server waits at start for its demo agent to connect. */
  @ConfigProperty(name = "chaos.demo.agent-timeout", defaultValue = "30s")
  Duration timeout;

  @ConfigProperty(name = "chaos.data-dir", defaultValue = ".chaos")
  String dataDir;

  private final CompletableFuture<URI> listening = new CompletableFuture<>();
  private volatile CompletableFuture<HttpClient> client;
  private volatile DemoHostAgent agent;

  /**
   * Makes the agent's HTTP client aside, while the demo's JVM starts and this one mostly waits for
   * it: a JVM's first HttpClient sets up the JDK's TLS context (about 0.1 s), which would otherwise
   * delay the agent's connection once the listener is up, and serving with it.
   */
  void prepare() {
    client = CompletableFuture.supplyAsync(DemoHostAgent::newClient, DemoHost::daemon);
  }

  private static void daemon(Runnable task) {
    Thread t = new Thread(task, "demo-host-client");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Issues the agent's credential and opens it; it connects once the server listens. Then, with the
   * server serving (or the agent given up), runs {@code whenServing}: the demo's traffic.
   */
  void open(Path bookingConfig, Runnable whenServing) throws IOException {
    DemoHostAgent opened =
        DemoHostAgent.open(
            credentials, bookingConfig, Path.of(dataDir).resolve(DemoHostAgent.NAME), lease);
    agent = opened;
    marks.expectDemoHost();
    // Bounded too: a server without a plain-HTTP listener (HTTPS only) never says it listens.
    CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () ->
                listening.completeExceptionally(
                    new IllegalStateException(
                        "the server's HTTP listener did not open within "
                            + timeout.toSeconds()
                            + " s")));
    listening.whenCompleteAsync(
        (server, problem) -> {
          try {
            if (problem == null) {
              connect(opened, server);
            } else {
              LOG.error(
                  "the demo's host agent {} cannot connect: {}",
                  DemoHostAgent.NAME,
                  problem.getMessage());
            }
          } finally {
            marks.demoHostDone();
            runQuietly(whenServing);
          }
        },
        task -> {
          Thread t = new Thread(task, "demo-host-connect");
          t.setDaemon(true);
          t.start();
        });
  }

  private static void runQuietly(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // The demo stopped with a start that failed, or with the server.
      LOG.warn("the demo's traffic did not start: {}", e.getMessage());
    }
  }

  void listening(@ObservesAsync HttpServerStart event) {
    String host = event.options().getHost();
    loopback(host, Listening.port(event.options().getPort()))
        .ifPresentOrElse(
            listening::complete,
            () ->
                listening.completeExceptionally(
                    new IllegalStateException(
                        "it connects over loopback, and the server listens on "
                            + host
                            + " only (listen on 0.0.0.0 or 127.0.0.1)")));
  }

  /** The server's loopback URL, if it listens on loopback (or on every interface). */
  static Optional<URI> loopback(String host, int port) {
    return switch (host) {
      case "0.0.0.0", "localhost", "::", "[::]" ->
          Optional.of(URI.create("http://127.0.0.1:" + port + "/"));
      case "::1", "[::1]" -> Optional.of(URI.create("http://[::1]:" + port + "/"));
      default ->
          host.startsWith("127.")
              ? Optional.of(URI.create("http://" + host + ":" + port + "/"))
              : Optional.empty();
    };
  }

  private void connect(DemoHostAgent opened, URI server) {
    long t0 = System.nanoTime();
    try {
      CompletableFuture<HttpClient> made = client;
      opened.connect(
          server, made == null ? DemoHostAgent.newClient() : made.join(), timeout, this::connected);
      LOG.info(
          "the demo's host agent {} connected in {} ms (it may change {} only, as {})",
          DemoHostAgent.NAME,
          (System.nanoTime() - t0) / 1_000_000,
          opened.bookingConfig(),
          DemoHostAgent.BOOKING_CONFIG);
    } catch (IllegalStateException e) {
      LOG.error(e.getMessage());
    } catch (CompletionException e) {
      // The client made aside by prepare() failed; join() wraps why.
      LOG.error(
          "the demo's host agent {} cannot connect: its HTTP client failed: {}",
          DemoHostAgent.NAME,
          String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean connected() {
    return registry.find(DemoHostAgent.NAME).map(AgentRegistry.AgentView::connected).orElse(false);
  }

  /** Ends the link and reverts what the agent holds; call it after the runs were reverted. */
  void close() {
    DemoHostAgent opened = agent;
    agent = null;
    if (opened != null) {
      opened.close();
    }
  }
}
