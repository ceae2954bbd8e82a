package org.daysofchaos.agents.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends signals with the system's {@code kill} command: the JDK can terminate a process but cannot
 * stop or continue one.
 */
public final class Signals {
  private Signals() {}

  /**
   * Sends {@code signal} (a name such as {@code STOP}) to {@code pid}.
   *
   * @throws IOException when kill fails or hangs, with what it said
   */
  public static void send(String signal, long pid) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
            .redirectErrorStream(true)
            .start();
    if (!kill.waitFor(5, TimeUnit.SECONDS)) {
      kill.destroyForcibly();
      throw new IOException("kill -" + signal + " " + pid + " did not return within 5 s");
    }
    if (kill.exitValue() != 0) {
      String out = new String(kill.getInputStream().readAllBytes()).strip();
      throw new IOException("kill -" + signal + " " + pid + " failed: " + out);
    }
  }

  /** The state letter of /proc/PID/stat ('T' = stopped), or empty if the process is gone. */
  public static Optional<Character> state(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name is in parentheses and may itself contain spaces or parentheses.
      int end = stat.lastIndexOf(')');
      return Optional.of(stat.charAt(end + 2));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
