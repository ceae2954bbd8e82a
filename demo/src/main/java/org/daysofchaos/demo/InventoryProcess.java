package org.daysofchaos.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.agents.process.LocalProcess;

/**
 * Supervises the inventory process: starts it, knows its pid, restarts it on the same port after a
 * kill, and stops it with the demo.
 */
final class InventoryProcess implements LocalProcess, AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 30;

  private volatile Process process;
  private volatile int port;

  private InventoryProcess() {}

  /**
   * Starts the inventory process without waiting for it: its JVM boots while the caller starts the
   * demo's other parts. {@link #awaitReady} then waits until it listens.
   */
  static InventoryProcess spawn() throws IOException {
    InventoryProcess inventory = new InventoryProcess();
    inventory.process = child(0);
    return inventory;
  }

  /** Waits until the process {@link #spawn} started listens; stops it if it does not. */
  InventoryProcess awaitReady() throws IOException {
    port = awaitPort(process);
    return this;
  }

  int port() {
    return port;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean canRestart() {
    return true;
  }

  @Override
  public synchronized void restart() throws IOException, InterruptedException {
    Process old = process;
    old.destroyForcibly();
    old.waitFor(5, TimeUnit.SECONDS);
    launch(port);
  }

  private synchronized void launch(int onPort) throws IOException {
    Process started = child(onPort);
    port = awaitPort(started);
    process = started;
  }

  private static Process child(int onPort) throws IOException {
    return ChildJvm.start(
        InventoryMain.class,
        List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        List.of(Integer.toString(onPort)));
  }

  private static int awaitPort(Process started) throws IOException {
    try {
      String ready =
          ChildJvm.awaitLine(
              started,
              ChildJvm.output(started),
              line -> line.startsWith("READY "),
              Duration.ofSeconds(START_TIMEOUT_SECONDS),
              "the inventory process");
      return Integer.parseInt(ready.substring("READY ".length()).strip());
    } catch (IOException e) {
      started.destroyForcibly();
      throw e;
    }
  }

  @Override
  public void close() {
    Process p = process;
    if (p != null) {
      // SIGCONT first: a paused process cannot act on SIGKILL's cousins, and must not stay frozen.
      ProcessHandle.of(p.pid())
          .ifPresent(
              h -> {
                try {
                  new ProcessBuilder("kill", "-CONT", Long.toString(h.pid()))
                      .start()
                      .waitFor(2, TimeUnit.SECONDS);
                } catch (IOException e) {
                  // Best effort; the process is killed below either way.
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      p.destroyForcibly();
    }
  }
}
