package org.daysofchaos.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What a phase cost the machine, and the facts around its figures: incidents running, viewers
 * connected, and the board's cost on demand once the phase is over.
 *
 * @param idleServerCores the server's CPU before the first play, with the incidents running and the
 *     viewers connected
 * @param boardGet the board asked for 20 times in a row ({@code GET …/board}), the server otherwise
 *     idle, in microseconds
 */
record Usage(
    int incidents,
    int connected,
    int stillOpen,
    double idleServerCores,
    Cpu cpu,
    Distribution boardGet) {

  /**
   * CPU used over a span of wall time, in cores (1.0 = one core busy all along).
   *
   * @param loadAverage the machine's one-minute load average at the end, other work included
   */
  record Cpu(double seconds, double serverCores, double benchCores, double loadAverage) {}

  /** Starts counting the CPU time of the server's JVM and of this one. */
  static final class Meter {
    private final BenchServer server;
    private final long t0 = System.nanoTime();
    private final Duration server0;
    private final Duration bench0;

    private Meter(BenchServer server) {
      this.server = server;
      this.server0 = server.cpu();
      this.bench0 = benchCpu();
    }

    static Meter start(BenchServer server) {
      return new Meter(server);
    }

    Cpu stop() {
      double wall = (System.nanoTime() - t0) / 1e9;
      return new Cpu(
          wall,
          seconds(server.cpu().minus(server0)) / wall,
          seconds(benchCpu().minus(bench0)) / wall,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static Duration benchCpu() {
      return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(Duration d) {
      return d.toMillis() / 1000.0;
    }
  }
}
