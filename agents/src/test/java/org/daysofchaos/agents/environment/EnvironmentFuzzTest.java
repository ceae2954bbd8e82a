package org.daysofchaos.agents.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.daysofchaos.core.scenario.Problem;
import org.junit.jupiter.api.Test;

/**
 * Mutates the shipped example environment thousands of times (seeded, so a failure replays) and
 * checks that the reader never throws, never reports an internal error, and that every problem can
 * be shown to a user: a position inside the file, a field, a message.
 */
class EnvironmentFuzzTest {
  private static final int RUNS = 3000;
  private static final String[] INSERTS = {
    ": ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "- ",
    "&a ",
    "*a",
    "<<: ",
    "!!int ",
    "---\n",
    "~",
    "null",
    "? ",
    "\n  ",
    "#",
    "0s",
    "-5m",
    "1e400",
    ".nan",
    "{fromEnv: X}",
    "{fromFile: /x}",
    "http://",
    "[a, a]",
    "\u0000",
    "é",
    "😀",
    "pid: 0",
    "inCluster: true"
  };

  @Test
  void readerNeverThrowsAndEveryProblemCanBeShown() throws IOException {
    String example = Files.readString(EnvironmentReaderTest.EXAMPLE, StandardCharsets.UTF_8);
    EnvironmentReader reader = new EnvironmentReader();
    Random random = new Random(20261202);
    for (int run = 0; run < RUNS; run++) {
      String text = mutate(example, random);
      EnvironmentReader.Result result;
      try {
        result = reader.read("env.yaml", text, Path.of("/tmp"));
      } catch (RuntimeException e) {
        fail("run " + run + " threw on:\n" + text, e);
        return;
      }
      long lines = text.lines().count() + 1;
      for (Problem p : result.problems()) {
        assertThat(p.message()).as("run %d", run).doesNotContain("internal error").isNotBlank();
        assertThat(p.line()).as("run %d: %s", run, p).isBetween(1, (int) lines);
        assertThat(p.field()).as("run %d: %s", run, p).isNotBlank();
      }
      assertThat(result.environment().isPresent()).isEqualTo(result.problems().isEmpty());
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(sb.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> sb.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(12)));
        default -> {
          int from = random.nextInt(sb.length());
          int to = Math.min(sb.length(), from + 1 + random.nextInt(30));
          sb.insert(at, sb.substring(from, to));
        }
      }
    }
    return sb.toString();
  }
}
