package org.daysofchaos.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.daysofchaos.agents.process.LocalProcess;

/**
 * Supervises the inventory process: starts it, knows its pid, restarts it on the same port after a
 * kill, and stops it with the demo.
 */
final class InventoryProcess implements LocalProcess, AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 30;
  private static final String JBOSS_LOG_MANAGER = "org/jboss/logmanager/LogManager.class";

  private volatile Process process;
  private volatile int port;

  private InventoryProcess() {}

  static InventoryProcess start() throws IOException {
    InventoryProcess inventory = new InventoryProcess();
    inventory.launch(0);
    return inventory;
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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (ClassLoader.getSystemResource(JBOSS_LOG_MANAGER) != null) {
      // In the packaged server, the class path carries JBoss LogManager's System.Logger finder,
      // which wants its LogManager installed; the JDK's HTTP server logs through it.
      command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    }
    command.addAll(
        List.of(
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            InventoryMain.class.getName(),
            Integer.toString(onPort)));
    Process started =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      port = awaitReady(started);
    } catch (IOException e) {
      started.destroyForcibly();
      throw e;
    }
    process = started;
  }

  private static int awaitReady(Process started) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith("READY ")) {
                    return line;
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    try {
      String line = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (line == null) {
        throw new IOException(
            "the inventory process exited before it was ready (exit code "
                + started.waitFor()
                + ")");
      }
      return Integer.parseInt(line.substring("READY ".length()).strip());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the inventory process", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "the inventory process did not start within " + START_TIMEOUT_SECONDS + " s", e);
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
