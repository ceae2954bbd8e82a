package org.daysofchaos.agents.host.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.daysofchaos.agents.environment.ProcessConfig;
import org.daysofchaos.agents.process.LocalProcess;
import org.daysofchaos.agents.process.ProcessFinders;
import org.daysofchaos.agents.process.Signals;

/** Processes of the host: found as the allow-list says, signalled, their state read. */
final class Procs {
  private Procs() {}

  /** The process an allow-list entry finds (a pid file and a pattern are read at each call). */
  static LocalProcess find(ProcessConfig config, Path base) {
    if (config.pid().isPresent()) {
      return LocalProcess.ofPid(config.pid().get());
    }
    if (config.pidFile().isPresent()) {
      return ProcessFinders.pidFile(base.resolve(config.pidFile().get()));
    }
    return ProcessFinders.commandLine(config.commandPattern().orElseThrow());
  }

  /** Sends a signal with the system's kill: the JDK cannot stop or continue a process. */
  static void signal(String signal, long pid) throws IOException, InterruptedException {
    Signals.send(signal, pid);
  }

  /** The state letter of /proc/PID/stat ('T' stopped, 'Z' zombie), empty when it is gone. */
  static Optional<Character> state(long pid) {
    return Signals.state(pid);
  }

  /** Whether a process runs (a zombie does not). */
  static boolean alive(long pid) {
    return state(pid).filter(s -> s != 'Z' && s != 'X').isPresent();
  }

  /** The process's start time in clock ticks since boot: a pid with another is another process. */
  static Optional<String> startTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(fields[19]); // field 22 of stat, counting from the state (field 3)
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Runs a command to its end; it must exit 0 within the timeout. */
  static void run(List<String> command, long timeoutSeconds) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(command + " did not finish within " + timeoutSeconds + " s");
    }
    if (p.exitValue() != 0) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      throw new IOException(command + " exited with " + p.exitValue() + ": " + out.strip());
    }
  }
}
