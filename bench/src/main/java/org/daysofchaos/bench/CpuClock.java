package org.daysofchaos.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The CPU time a proxy has used so far, in nanoseconds: read before and after a measurement. */
interface CpuClock {
  long cpuNanos();

  /** How the time is read, for the report. */
  String describe();

  /**
   * The threads of this JVM whose name starts with {@code prefix} (the embedded proxy's event
   * loops, {@code toxiproxy-io-*} and {@code toxiproxy-admin-*}): the load generator and the HTTP
   * server share the JVM, so the process's CPU time would count them too.
   */
  static CpuClock threadsNamed(String prefix) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return new CpuClock() {
      @Override
      public long cpuNanos() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
          if (info != null && info.getThreadName().startsWith(prefix)) {
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            total += Math.max(0, cpu);
          }
        }
        return total;
      }

      @Override
      public String describe() {
        return "thread CPU time (ThreadMXBean) of the JVM's " + prefix + "* threads";
      }
    };
  }

  /** A whole process: user + system time of {@code /proc/<pid>/stat}, in clock ticks. */
  static CpuClock process(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    long tick = 1_000_000_000L / clockTicksPerSecond();
    return new CpuClock() {
      @Override
      public long cpuNanos() {
        try {
          String line = Files.readString(stat, StandardCharsets.US_ASCII);
          // Fields after the command name, which is in parentheses and may contain spaces.
          String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
          long utime = Long.parseLong(fields[11]);
          long stime = Long.parseLong(fields[12]);
          return (utime + stime) * tick;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + stat, e);
        }
      }

      @Override
      public String describe() {
        return "utime + stime of /proc/" + pid + "/stat (the whole process)";
      }
    };
  }

  private static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      getconf.waitFor();
      return Long.parseLong(out.trim());
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  /**
   * The process that listens on TCP {@code port} (the Toxiproxy API): the socket's inode from
   * {@code /proc/net/tcp[6]}, then the process holding a descriptor to it.
   */
  static Optional<Long> pidListeningOn(int port) {
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    String inode = null;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
            inode = f[9];
          }
        }
      } catch (IOException e) {
        // No such table: try the other one.
      }
    }
    if (inode == null) {
      return Optional.empty();
    }
    String target = "socket:[" + inode + "]";
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        if (holds(proc.resolve("fd"), target)) {
          return Optional.of(Long.parseLong(proc.getFileName().toString()));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean holds(Path fds, String target) {
    try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
      for (Path fd : links) {
        try {
          if (Files.readSymbolicLink(fd).toString().equals(target)) {
            return true;
          }
        } catch (IOException e) {
          // Closed meanwhile.
        }
      }
    } catch (IOException e) {
      // Not ours to read, or gone.
    }
    return false;
  }
}
