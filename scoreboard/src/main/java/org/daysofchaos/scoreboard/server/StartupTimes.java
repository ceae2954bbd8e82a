package org.daysofchaos.scoreboard.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where the server's start goes (issue 16): the end of each phase, as milliseconds after the JVM
 * started, from {@code main} to the HTTP listener. Phases are marked in the order they end, from
 * {@link ChaosMain} before Quarkus boots and from the server's start-up observers after; each phase
 * lasts from the previous mark to its own. The server prints the result once, as one line the
 * start-up benchmark reads ({@link #summary}).
 */
public final class StartupTimes {
  private static final StartupTimes PROCESS =
      new StartupTimes(
          ManagementFactory.getRuntimeMXBean().getStartTime(), System::currentTimeMillis);

  private final long jvmStart;
  private final LongSupplier clock;
  private final Map<String, Long> ends = new LinkedHashMap<>();
  private long last;

  /**
   * @param jvmStart when the JVM started, in epoch milliseconds
   * @param clock the current time, in epoch milliseconds
   */
  StartupTimes(long jvmStart, LongSupplier clock) {
    this.jvmStart = jvmStart;
    this.clock = clock;
  }

  /** The times of this process's start. */
  public static StartupTimes process() {
    return PROCESS;
  }

  /**
   * The phase named ends now: it lasted since the previous mark. A phase marked twice keeps the sum
   * of its parts (a phase may be split around another one).
   */
  public synchronized void mark(String phase) {
    long at = Math.max(clock.getAsLong() - jvmStart, last);
    ends.merge(phase, at - last, Long::sum);
    last = at;
  }

  /** How long the phase lasted, if it was marked. */
  public synchronized Optional<Duration> phase(String phase) {
    return Optional.ofNullable(ends.get(phase)).map(Duration::ofMillis);
  }

  /** Milliseconds from the JVM's start to the last mark. */
  public synchronized long total() {
    return last;
  }

  /**
   * One line: the total, then each phase as {@code name=ms} in the order they ended, and the CPU
   * time the process had used by then (two cores busy with other work stretch the wall-clock times,
   * not the CPU time), e.g. {@code serving 1905 ms after the JVM started (cpu 4.1 s): jvm=310
   * early-recovery=120 ...}.
   */
  public synchronized String summary(Optional<Duration> cpu) {
    StringBuilder line =
        new StringBuilder("serving ").append(last).append(" ms after the JVM started");
    cpu.ifPresent(
        c -> line.append(String.format(Locale.ROOT, " (cpu %.1f s)", c.toMillis() / 1000.0)));
    line.append(':');
    ends.forEach((name, ms) -> line.append(' ').append(name).append('=').append(ms));
    return line.toString();
  }
}
