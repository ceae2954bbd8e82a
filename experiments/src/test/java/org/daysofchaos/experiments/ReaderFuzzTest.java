package org.daysofchaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.daysofchaos.core.scenario.Problem;
import org.daysofchaos.core.scenario.ReadResult;
import org.daysofchaos.core.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Mutates the shipped demo scenarios thousands of times (seeded, so a failure replays) and checks
 * that the reader never throws and that every problem it reports can be shown to a user.
 */
class ReaderFuzzTest {
  private static final Path DEMO = Path.of("..", "scenarios", "demo");
  private static final int RUNS = 6000;

  private static final String[] CHARACTERS = {
    "a", "Z", "0", "9", ":", "-", "[", "]", "{", "}", "\"", "'", "\t", " ", "#", "&", "*", "!", "|",
    ">", "%", "@", "`", ",", "?", "\n", "\u0000", "\u0007", "é", "😀", "\\", "~"
  };

  private static final String[] TOKENS = {
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
    "!!map ",
    "---\n",
    "...\n",
    "~",
    "null",
    "? ",
    "%YAML 1.1\n",
    "\n  ",
    ": :",
    "#"
  };

  private static final String[] VALUES = {
    "[1, 2]",
    "{a: b}",
    "42",
    "-1",
    "0",
    "3.5",
    "true",
    "~",
    "\"text\"",
    "''",
    "'6'",
    "999999999999999999999",
    "1e400",
    ".nan",
    ".inf",
    "0s",
    "-5m",
    "1h30m",
    "until-fixed",
    "network/latency",
    "metric/threshold",
    "*undefined",
    "&x [a]",
    "|\n  block",
    "0x1F",
    "1:30",
    "payment-link",
    "upstream",
    "http://x"
  };

  private static List<String> seeds() throws IOException {
    try (Stream<Path> files = Files.list(DEMO)) {
      List<String> seeds = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        seeds.add(Files.readString(f, StandardCharsets.UTF_8));
      }
      return seeds;
    }
  }

  @Test
  void mutatedScenariosNeverMakeTheReaderThrowAndEveryProblemIsShowable() throws IOException {
    List<String> seeds = seeds();
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(4);
    ScenarioReader reader = new ScenarioReader(Catalog.standard());
    Random random = new Random(20170613L);
    int valid = 0;
    for (int run = 0; run < RUNS; run++) {
      String text = seeds.get(random.nextInt(seeds.size()));
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        text = mutate(text, random);
      }
      String source = "fuzz-" + run + ".yaml";
      ReadResult result = null;
      try {
        result = reader.read(source, text);
      } catch (Throwable t) {
        fail("run " + run + " threw on this text:\n" + text, t);
      }
      long lines = text.chars().filter(c -> c == '\n').count() + 1;
      for (Problem p : result.problems()) {
        String where = "run " + run + ", " + p + ", text:\n" + text;
        assertThat(p.file()).as(where).isEqualTo(source);
        assertThat(p.line()).as(where).isBetween(1, (int) lines + 1);
        assertThat(p.column()).as(where).isGreaterThanOrEqualTo(1);
        assertThat(p.field()).as(where).isNotBlank();
        assertThat(p.message()).as(where).isNotBlank().doesNotContain("internal error");
      }
      if (result.ok()) {
        valid++;
        assertThat(result.scenarios()).hasSize(1);
      } else {
        assertThat(result.scenarios()).isEmpty();
      }
    }
    // the mutations are neither all harmless nor all fatal
    assertThat(valid).isBetween(RUNS / 50, RUNS - RUNS / 4);
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int i = random.nextInt(lines.size());
    int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
    switch (random.nextInt(10)) {
      case 0 -> lines.remove(i);
      case 1 -> lines.add(i, lines.get(i));
      case 2 -> {
        int j = random.nextInt(lines.size());
        String tmp = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, tmp);
      }
      case 3 -> {
        if (text.isEmpty()) {
          return text;
        }
        int c = Math.min(at, text.length() - 1);
        return text.substring(0, c) + pick(CHARACTERS, random) + text.substring(c + 1);
      }
      case 4 -> {
        return text.substring(0, at) + pick(TOKENS, random) + text.substring(at);
      }
      case 5 -> {
        return text.substring(0, at);
      }
      case 6 -> {
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        if (colon < 0) {
          return text;
        }
        lines.set(i, line.substring(0, colon + 2) + pick(VALUES, random));
      }
      case 7 -> {
        String line = lines.get(i);
        lines.set(i, random.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
      }
      case 8 -> {
        if (text.isEmpty()) {
          return text;
        }
        int c = Math.min(at, text.length() - 1);
        return text.substring(0, c) + text.substring(c + 1);
      }
      default -> {
        String line = lines.get(i);
        int colon = line.indexOf(':');
        if (colon < 1) {
          return text;
        }
        // rename a key: typos, other case, another key of the format
        String key = line.substring(0, colon).strip();
        String renamed =
            switch (random.nextInt(3)) {
              case 0 -> key.isEmpty() ? key : key.substring(1);
              case 1 -> key.toUpperCase(java.util.Locale.ROOT);
              default -> pick(new String[] {"kind", "target", "id", "signals", "foo"}, random);
            };
        lines.set(i, line.replaceFirst(java.util.regex.Pattern.quote(key), renamed));
      }
    }
    return String.join("\n", lines);
  }

  private static String pick(String[] options, Random random) {
    return options[random.nextInt(options.length)];
  }
}
