package org.daysofchaos.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo pre-production as its own OS process, started by {@link DemoProcess}: the game-day
 * server's load (or death) then cannot take the demo's steady state with it. It prints one {@code
 * READY} line with its addresses once everything listens, then answers its parent's commands on
 * standard input ({@code pid}, {@code restart}: the inventory process; {@code traffic}: start the
 * background traffic if it waits to be asked). It stops the demo and exits when its standard input
 * closes or its parent process is gone, so that a server killed with SIGKILL leaves no demo behind.
 *
 * <p>Arguments: {@code TRAFFIC PROXY-API-PORT OPS-PORT BOOKING-PORT [AT_ONCE|WHEN_ASKED]} (0: a
 * free port; the traffic starts at once unless told otherwise).
 */
public final class DemoMain {
  static final String READY = "READY";
  static final String REPLY = "REPLY ";
  private static final long PARENT_POLL_MILLIS = 500;

  private DemoMain() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    DemoSystem demo;
    try {
      demo =
          DemoSystem.start(
              Integer.parseInt(args[0]),
              Integer.parseInt(args[1]),
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              args.length > 4 ? TrafficStart.valueOf(args[4]) : TrafficStart.AT_ONCE);
    } catch (IOException | RuntimeException e) {
      // The parent reads this line as the reason the demo did not start.
      out.println("FAILED " + e.getMessage());
      out.flush();
      System.exit(2);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-stop"));
    watchParent(demo);
    synchronized (out) {
      out.println(readyLine(demo));
      out.flush();
    }
    serve(demo, out);
    demo.close();
    System.exit(0);
  }

  static String readyLine(RunningDemo demo) {
    return String.join(
        " ",
        READY,
        "booking=" + demo.bookingUrl(),
        "metrics=" + demo.metricsUrl(),
        "proxy=" + demo.toxiproxyUrl(),
        "ops=" + demo.opsUrl(),
        "token=" + demo.opsToken(),
        "inventory=" + demo.inventoryPid(),
        "config=" + demo.bookingConfig());
  }

  /** Answers the parent's commands until its end of the pipe closes. */
  private static void serve(DemoSystem demo, PrintStream out) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String answer = answer(demo, line.strip());
      synchronized (out) {
        out.println(REPLY + answer);
        out.flush();
      }
    }
  }

  private static String answer(DemoSystem demo, String command) {
    try {
      return switch (command) {
        case "pid" -> "PID " + demo.inventoryPid();
        case "traffic" -> {
          demo.startTraffic();
          yield "OK";
        }
        case "restart" -> {
          demo.restartInventory();
          yield "PID " + demo.inventoryPid();
        }
        default -> "ERROR unknown command '" + command + "'";
      };
    } catch (IOException | RuntimeException e) {
      return "ERROR " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "ERROR interrupted";
    }
  }

  /**
   * The second watch, for a parent whose pipe stays open without it (a pipe inherited by another
   * process): the demo stops once the parent process is gone.
   */
  private static void watchParent(DemoSystem demo) {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    Thread watch =
        new Thread(
            () -> {
              while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  TimeUnit.MILLISECONDS.sleep(PARENT_POLL_MILLIS); // polling a pid: no event
                } catch (InterruptedException e) {
                  return;
                }
              }
              demo.close();
              Runtime.getRuntime().halt(0);
            },
            "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
