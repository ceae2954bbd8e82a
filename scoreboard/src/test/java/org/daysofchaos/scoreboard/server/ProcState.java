package org.daysofchaos.scoreboard.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The state letter of a Linux process ({@code T} when stopped), read from {@code /proc}. */
final class ProcState {
  private ProcState() {}

  static Optional<Character> of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).charAt(0));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static boolean stopped(long pid) {
    return of(pid).filter(s -> s == 'T' || s == 't').isPresent();
  }
}
