package org.daysofchaos.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Prometheus itself accepts {@code deploy/prometheus/rules.yml}: {@code promtool check rules}
 * parses every expression. A fast check, so a unit test; without promtool it is skipped on a
 * developer's machine and fails in CI ({@code CI=true}), where a skip would pass for the wrong
 * reason.
 */
class PromtoolRulesTest {

  @Test
  void promtoolAcceptsTheRules() throws IOException, InterruptedException {
    Path promtool = requirePromtool();
    Process process =
        new ProcessBuilder(
                promtool.toString(), "check", "rules", PreprodLibraryTest.RULES.toString())
            .redirectErrorStream(true)
            .start();
    // generous: the machine may be busy; promtool answers in well under a second
    boolean done = process.waitFor(2, TimeUnit.MINUTES);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      process.destroyForcibly();
      fail("promtool check rules did not finish: " + output);
    }

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS");
  }

  private static Path requirePromtool() {
    Optional<Path> found = onPath("promtool");
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        "promtool is not on the PATH; install with: apt-get install --no-install-recommends"
            + " prometheus";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI needs promtool: " + message);
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  private static Optional<Path> onPath(String binary) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String entry : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry, binary);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
