package org.daysofchaos.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A server JVM's resident memory and thread count at one moment, read from {@code /proc/PID/status}
 * (Linux), with the machine's one-minute load average.
 *
 * @param rssKb resident set size, in KiB ({@code VmRSS}); -1 when unreadable
 * @param threads live threads of the process; -1 when unreadable
 */
record ProcessSample(String label, long rssKb, int threads, double loadAverage) {
  static ProcessSample of(String label, long pid) {
    long rss = -1;
    int threads = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone, or not on Linux: reported as -1
    }
    return new ProcessSample(
        label, rss, threads, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  String cell() {
    return String.format(Locale.ROOT, "%d MiB, %d threads", rssKb / 1024, threads);
  }
}
