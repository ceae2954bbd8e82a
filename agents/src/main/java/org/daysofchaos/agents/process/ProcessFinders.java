package org.daysofchaos.agents.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The ways an environment file finds a local process besides its pid: a pid file, read at each use
 * so that a restarted process is found again, or a pattern its command line matches (exactly one
 * process must match, or the injection is refused: breaking the wrong process is worse than
 * breaking none). And a process that a configured command restarts after a kill.
 */
public final class ProcessFinders {
  private static final Path PROC = Path.of("/proc");

  private ProcessFinders() {}

  /** The process whose pid a file holds. */
  public static LocalProcess pidFile(Path file) {
    return () -> {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (java.nio.file.NoSuchFileException e) {
        throw new IllegalStateException("cannot read the pid file " + file + ": no such file");
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the pid file " + file + ": " + e.getMessage());
      }
      try {
        long pid = Long.parseLong(text);
        if (pid <= 0) {
          throw new NumberFormatException();
        }
        return pid;
      } catch (NumberFormatException e) {
        throw new IllegalStateException("the pid file " + file + " does not hold a process id");
      }
    };
  }

  /** The one process whose command line (arguments joined by spaces) the pattern finds. */
  public static LocalProcess commandLine(Pattern pattern) {
    return () -> {
      List<Long> found = matching(pattern);
      if (found.size() != 1) {
        throw new IllegalStateException(
            (found.isEmpty() ? "no process" : found.size() + " processes " + found)
                + " match the command pattern "
                + pattern
                + "; exactly one must");
      }
      return found.get(0);
    };
  }

  /** The pids of the processes (not this one) whose command line the pattern finds. */
  static List<Long> matching(Pattern pattern) {
    long self = ProcessHandle.current().pid();
    List<Long> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path entry : entries) {
        long pid = Long.parseLong(entry.getFileName().toString());
        if (pid != self && pattern.matcher(commandLine(entry)).find()) {
          found.add(pid);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list processes: " + e);
    }
    found.sort(null);
    return found;
  }

  private static String commandLine(Path proc) {
    try {
      byte[] raw = Files.readAllBytes(proc.resolve("cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
    } catch (IOException | RuntimeException e) {
      return ""; // gone meanwhile, or not ours to read
    }
  }

  /**
   * The same process, restarted after a kill by running {@code command} (which must exit 0 within
   * {@code timeout}).
   */
  public static LocalProcess restartedBy(
      LocalProcess process, List<String> command, Duration timeout) {
    List<String> argv = List.copyOf(command);
    return new LocalProcess() {
      @Override
      public long pid() {
        return process.pid();
      }

      @Override
      public boolean canRestart() {
        return true;
      }

      @Override
      public void restart() throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(
              "the restart command " + argv + " did not finish within " + timeout);
        }
        if (p.exitValue() != 0) {
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          throw new IllegalStateException(
              "the restart command " + argv + " exited with " + p.exitValue() + ": " + out.strip());
        }
      }
    };
  }
}
