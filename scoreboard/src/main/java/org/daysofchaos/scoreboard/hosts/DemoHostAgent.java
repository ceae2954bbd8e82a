package org.daysofchaos.scoreboard.hosts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.daysofchaos.agents.environment.Secret;
import org.daysofchaos.agents.host.AgentConfig;
import org.daysofchaos.agents.host.Allow;
import org.daysofchaos.agents.host.FileConfig;
import org.daysofchaos.agents.host.HostAgent;
import org.daysofchaos.agents.host.ServerConfig;
import org.daysofchaos.agents.host.link.AgentLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's own host agent, {@value #NAME}, run in the server's JVM for {@code serve --demo}
 * (docs/agent.md, "The demo's host"): a {@link HostAgent} whose allow-list holds one file, the
 * demo's {@code booking.properties} as {@value #BOOKING_CONFIG}, linked to the server's own
 * loopback listener like any agent. Its credential is issued at each start (the previous one
 * revoked) and kept in memory only: it is never logged nor written anywhere.
 */
public final class DemoHostAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoHostAgent.class);

  /** The agent's name, as scenario demo/bad-config targets it. */
  public static final String NAME = "demo-host";

  /** The allow-list's name of the demo's booking configuration file. */
  public static final String BOOKING_CONFIG = "booking-config";

  private static final String ACTOR = "server";

  private final HostAgent agent;
  private final String credential;
  private final Path bookingConfig;
  private volatile AgentLink link;
  private volatile Thread thread;

  private DemoHostAgent(HostAgent agent, String credential, Path bookingConfig) {
    this.agent = agent;
    this.credential = credential;
    this.bookingConfig = bookingConfig;
  }

  /** The one file the agent may change. */
  public Path bookingConfig() {
    return bookingConfig;
  }

  /**
   * Issues the agent's credential (revoking a live one from a previous start) and opens the agent
   * in {@code state}. The state of a previous start is dropped: it points at the file of a demo
   * that is gone, since each demo writes its file in a folder of its own.
   *
   * @param lease how long a fault outlives the server's silence
   */
  public static DemoHostAgent open(
      AgentCredentials credentials, Path bookingConfig, Path state, Duration lease)
      throws IOException {
    credentials
        .find(NAME)
        .filter(issued -> !issued.revoked())
        .ifPresent(issued -> credentials.revoke(NAME, ACTOR));
    String credential = credentials.issue(NAME, ACTOR).credential();
    deleteTree(state);
    HostAgent agent = HostAgent.open(config(bookingConfig, state, lease), Clock.systemUTC());
    agent.recover(); // an empty ledger: nothing to revert, but the agent's contract wants it first
    // Its hello names what its host can do, which the host fault kinds find out by running nft and
    // tc once: done aside now, that is not on the start's critical path once the listener is up.
    Thread probe = new Thread(agent::capabilities, "demo-host-probe");
    probe.setDaemon(true);
    probe.start();
    return new DemoHostAgent(agent, credential, bookingConfig);
  }

  static AgentConfig config(Path bookingConfig, Path state, Duration lease) {
    Allow allow =
        new Allow(
            Map.of(),
            Map.of(BOOKING_CONFIG, new FileConfig(bookingConfig.toAbsolutePath().toString())),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            List.of());
    // The link is given the server's address and the credential directly: this reference is
    // never revealed (nothing reads a variable of that name).
    ServerConfig server =
        new ServerConfig(
            "http://127.0.0.1/",
            Secret.fromEnv("CHAOS_DEMO_HOST_CREDENTIAL", "server.credential"),
            Optional.empty());
    return new AgentConfig(NAME, server, state, lease, allow, state);
  }

  /** The HTTP client its link needs. */
  public static HttpClient newClient() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Links the agent to the server at {@code server} (a loopback URL) through {@code http} ({@link
   * #newClient}) and waits until the server sees it connected, for {@code timeout} at most.
   *
   * @param connected whether the server sees the agent connected
   * @throws IllegalStateException when it did not connect in time, with the reason when known
   */
  public void connect(URI server, HttpClient http, Duration timeout, BooleanSupplier connected)
      throws InterruptedException {
    AgentLink started =
        new AgentLink(
            agent, server, credential, http, message -> LOG.info("agent {}: {}", NAME, message));
    link = started;
    Thread running = new Thread(() -> run(started), "demo-host-agent");
    running.setDaemon(true);
    thread = running;
    running.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!connected.getAsBoolean()) {
      if (!running.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the demo's host agent "
                + NAME
                + " did not connect to "
                + server
                + " within "
                + timeout.toSeconds()
                + " s (its reason is logged above): scenario demo/bad-config will be refused");
      }
      // A look in the registry's map: cheap, and the server's start waits on this.
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  private void run(AgentLink started) {
    try {
      started.run(List.of());
    } catch (AgentLink.RefusedException e) {
      LOG.error("agent {}: {}", NAME, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the link and reverts every fault the agent holds. */
  @Override
  public void close() {
    AgentLink started = link;
    if (started != null) {
      started.close();
    }
    Thread running = thread;
    if (running != null) {
      running.interrupt(); // out of a held poll
      try {
        running.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      agent.close();
    } catch (IOException e) {
      LOG.warn("agent {}: {}", NAME, e.getMessage());
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
