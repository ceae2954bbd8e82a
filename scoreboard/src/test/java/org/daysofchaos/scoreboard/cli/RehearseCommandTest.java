package org.daysofchaos.scoreboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** chaos rehearse on the demo game day with fixed seeds, with plain picocli (no Quarkus boot). */
class RehearseCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private final List<java.time.Instant> slept = new ArrayList<>();

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int chaos(String... args) {
    RehearseCommand command = new RehearseCommand();
    command.sleeper = slept::add;
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == RehearseCommand.class
                ? type.cast(command)
                : CommandLine.defaultFactory().create(type);
          }
        };
    return new CommandLine(new ChaosCommand(), factory)
        .setExecutionExceptionHandler(
            (e, cl, parse) -> {
              System.err.println("error: " + e.getMessage());
              return e instanceof UserError || e instanceof IllegalArgumentException
                  ? ExitCodes.USAGE
                  : ExitCodes.FAILED;
            })
        .execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheDemoGameDaysTable() {
    int code = chaos("rehearse", "--demo", "--skill", "novice,expert", "--seed", "7");

    oldOut.println(out());
    assertThat(code).isZero();
  }
}
