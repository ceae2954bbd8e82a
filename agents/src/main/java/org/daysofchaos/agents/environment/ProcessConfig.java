package org.daysofchaos.agents.environment;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.SpecException;

/**
 * A process on the server's own host that scenarios may pause or kill, found by one of: its pid, a
 * pid file (read at each injection, so a restarted process is still found), or a pattern its
 * command line matches (exactly one process must match).
 */
public record ProcessConfig(
    @Doc("Its process id.") Optional<Long> pid,
    @Doc("A file that holds its process id, e.g. /run/inventory.pid.") Optional<String> pidFile,
    @Doc(
            "A regular expression its command line matches (arguments joined by spaces); exactly"
                + " one process must match.")
        Optional<String> command,
    @Default("")
        @Doc(
            "The command that starts it again after a kill (program and arguments); without it, a"
                + " killed process stays down until the team restarts it.")
        List<String> restart) {

  public ProcessConfig {
    if (pid.isPresent() && pid.get() <= 0) {
      throw new SpecException("pid", "must be a positive process id, got " + pid.get());
    }
    command.ifPresent(ProcessConfig::compile);
    if (!restart.isEmpty() && restart.get(0).isBlank()) {
      throw new SpecException("restart", "must start with the program to run");
    }
    restart = List.copyOf(restart);
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new SpecException("command", "is not a regular expression: " + e.getDescription());
    }
  }

  /** The command-line pattern, if the process is found by one. */
  public Optional<Pattern> commandPattern() {
    return command.map(ProcessConfig::compile);
  }
}
