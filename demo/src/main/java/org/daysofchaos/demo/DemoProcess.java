package org.daysofchaos.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.agents.process.LocalProcesses;

/**
 * The demo pre-production in a child JVM ({@link DemoMain}), same java and class path as this one,
 * as {@code chaos serve --demo} runs it (ADR 0022): a busy or dying server cannot break the demo's
 * steady state, and the demo cannot outlive the server (its standard input is this JVM's pipe). The
 * fault proxy lives with the demo; the server reaches it through its Toxiproxy HTTP API. The
 * inventory process's pid and restarts go through the child, its supervisor.
 */
public final class DemoProcess implements RunningDemo {
  private static final long START_TIMEOUT_SECONDS = 120;
  private static final long ANSWER_TIMEOUT_SECONDS = 60;
  private static final long STOP_TIMEOUT_SECONDS = 15;

  private final Process process;
  private final Writer commands;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final Map<String, String> ready;

  private DemoProcess(Process process, Map<String, String> ready) {
    this.process = process;
    this.ready = ready;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * Starts the demo in its own JVM and waits until it is ready.
   *
   * @param proxyApiPort the fault proxy's API port, fixed so that the ledger's revert records still
   *     point at it after a restart (0: a free one); likewise the ops console and booking ports
   */
  public static DemoProcess start(
      int trafficPerSecond, int proxyApiPort, int opsPort, int bookingPort) throws IOException {
    return start(trafficPerSecond, proxyApiPort, opsPort, bookingPort, TrafficStart.AT_ONCE);
  }

  /** As above, with the traffic started at once or only when asked ({@link #startTraffic()}). */
  public static DemoProcess start(
      int trafficPerSecond, int proxyApiPort, int opsPort, int bookingPort, TrafficStart traffic)
      throws IOException {
    Process child =
        ChildJvm.start(
            DemoMain.class,
            // The quick compiler alone: the demo's light traffic needs no C2, its start then
            // takes less of the CPU the server's own start needs, and its fault proxy's rarely run
            // paths (a toxic added, a connection reset) are compiled sooner (docs/benchmarks.md,
            // "The demo's JVM on the quick compiler").
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            List.of(
                Integer.toString(trafficPerSecond),
                Integer.toString(proxyApiPort),
                Integer.toString(opsPort),
                Integer.toString(bookingPort),
                traffic.name()));
    try {
      BufferedReader out = ChildJvm.output(child);
      String ready =
          ChildJvm.awaitLine(
              child,
              out,
              line -> line.startsWith(DemoMain.READY + " ") || line.startsWith("FAILED "),
              Duration.ofSeconds(START_TIMEOUT_SECONDS),
              "the demo process");
      if (ready.startsWith("FAILED ")) {
        throw new IOException("the demo process did not start: " + ready.substring(7));
      }
      DemoProcess demo = new DemoProcess(child, parse(ready));
      demo.pump(out);
      return demo;
    } catch (IOException | RuntimeException e) {
      child.destroyForcibly();
      throw e;
    }
  }

  static Map<String, String> parse(String readyLine) {
    Map<String, String> fields = new HashMap<>();
    for (String part : readyLine.substring(DemoMain.READY.length()).strip().split(" ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    for (String key :
        List.of("booking", "metrics", "proxy", "ops", "token", "inventory", "config")) {
      if (!fields.containsKey(key)) {
        throw new IllegalStateException("the demo process's READY line lacks " + key);
      }
    }
    return Map.copyOf(fields);
  }

  /** Replies to commands go to the queue; anything else the demo prints goes to this JVM's log. */
  private void pump(BufferedReader out) {
    PrintStream log = System.out;
    Thread pump =
        new Thread(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith(DemoMain.REPLY)) {
                    replies.add(line.substring(DemoMain.REPLY.length()));
                  } else {
                    log.println(line);
                  }
                }
              } catch (IOException e) {
                // The demo is gone: commands fail on their own.
              }
            },
            "demo-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Sends a command to the demo process and waits for its answer. */
  private synchronized String ask(String command) throws IOException {
    if (!process.isAlive()) {
      throw new IOException("the demo process has exited (" + process.exitValue() + ")");
    }
    replies.clear();
    commands.write(command + "\n");
    commands.flush();
    try {
      String reply = replies.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (reply == null) {
        throw new IOException("the demo process did not answer '" + command + "'");
      }
      if (reply.startsWith("ERROR ")) {
        throw new IOException("the demo process: " + reply.substring(6));
      }
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking the demo process", e);
    }
  }

  private long askPid(String command) throws IOException {
    String reply = ask(command);
    if (!reply.startsWith("PID ")) {
      throw new IOException("the demo process answered '" + reply + "' to '" + command + "'");
    }
    return Long.parseLong(reply.substring(4).strip());
  }

  /** The child JVM's pid. */
  public long pid() {
    return process.pid();
  }

  @Override
  public URI bookingUrl() {
    return URI.create(ready.get("booking"));
  }

  @Override
  public URI metricsUrl() {
    return URI.create(ready.get("metrics"));
  }

  @Override
  public URI opsUrl() {
    return URI.create(ready.get("ops"));
  }

  @Override
  public String opsToken() {
    return ready.get("token");
  }

  @Override
  public Path bookingConfig() {
    return Path.of(ready.get("config"));
  }

  @Override
  public URI toxiproxyUrl() {
    return URI.create(ready.get("proxy"));
  }

  @Override
  public LocalProcesses processes() {
    return new LocalProcesses().register("inventory", new Inventory());
  }

  @Override
  public void startTraffic() {
    try {
      String reply = ask("traffic");
      if (!reply.equals("OK")) {
        throw new IOException("the demo process answered '" + reply + "' to 'traffic'");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public long inventoryPid() {
    try {
      return askPid("pid");
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The inventory process as the demo process supervises it. */
  private final class Inventory implements LocalProcess {
    @Override
    public long pid() {
      return inventoryPid();
    }

    @Override
    public boolean canRestart() {
      return true;
    }

    @Override
    public void restart() throws IOException {
      askPid("restart");
    }
  }

  /** Closes the demo's standard input: it stops its parts and exits; killed if it does not. */
  @Override
  public void close() {
    try {
      commands.close();
    } catch (IOException e) {
      // Already closed, or the demo is gone.
    }
    try {
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
