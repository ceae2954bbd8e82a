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
  void printsTheFunnelTheSpreadAndTheIncidentsOfTheDemoGameDay() {
    int code = chaos("rehearse", "--demo", "--skill", "novice,expert", "--seed", "7");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out())
        .contains("Rehearsal of game day demo-day: 20 run(s) (seeds 7-26), 5 incident(s) a run")
        .contains("simulated, nothing injected")
        .containsPattern("blue +novice +100 ")
        .containsPattern("red +expert +100 ")
        .containsPattern("all teams +200 ")
        .contains("recovered: of the until-fixed incidents (60)")
        .containsPattern("demo/until-fixed/payment-primary-down +20/20 +until fixed, at most 10m")
        .containsPattern("demo/payment-latency +\\d+/20 +time-boxed, 30s")
        .contains("Overlaps (two incidents on one target at once)\n  none");
    // The same seed gives the same table.
    String first = out();
    out.reset();
    chaos("rehearse", "--demo", "--skill", "novice,expert", "--seed", "7");
    assertThat(out()).isEqualTo(first);
    assertThat(slept).isEmpty();
  }

  @Test
  void namesTheIncidentNobodyDetectsInTimeAndTheSpreadOfEachBotTeam() {
    int code = chaos("rehearse", "--demo", "--teams", "3", "--skill", "novice", "--runs", "10");

    assertThat(code).isZero();
    assertThat(out())
        .containsPattern(
            "demo/payment-latency +0/10 +time-boxed, 30s +<- NOBODY detects it in time")
        .contains("nobody detects in time: demo/payment-latency")
        .containsPattern("bot-1 +-?\\d+ +-?\\d+ +-?\\d+")
        .containsPattern("bot-3 +novice +50 ");
  }

  @Test
  void findsTwoIncidentsOnOneTargetAtOnce() throws Exception {
    Path day = dir.resolve("day.yaml");
    Files.writeString(
        day,
        """
        id: clash
        name: Clash
        window: { lasts: 20m }
        teams: [blue]
        scenarios:
          - { scenario: demo/payment-latency, at: 1m }
          - { scenario: demo/until-fixed/payment-primary-down, at: 70s }
        """);

    int code = chaos("rehearse", day.toString(), "--runs", "3", "--speed", "600");

    assertThat(code).isZero();
    assertThat(out())
        .contains(
            "demo/payment-latency and demo/until-fixed/payment-primary-down on proxy payment,"
                + " in 3/3 run(s)")
        .contains("[1m] demo/payment-latency fires");
    assertThat(slept).isNotEmpty(); // the timeline was paced through the injected sleeper
  }

  @Test
  void aBadGameDayFileIsNamedWithItsLineAndFieldAndExitsWithOne() throws Exception {
    Path day = dir.resolve("bad.yaml");
    Files.writeString(
        day,
        """
        id: bad
        name: Bad
        window: { lasts: 20m }
        teams: [blue]
        scenarios:
          - { scenario: demo/no-such-scenario, at: 1m }
        """);

    int code = chaos("rehearse", day.toString());

    assertThat(code).isEqualTo(ExitCodes.PROBLEMS);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bad.yaml:6:")
        .contains("demo/no-such-scenario")
        .contains("nothing rehearsed")
        .doesNotContain("Exception");
    assertThat(out()).doesNotContain("Funnel");
  }

  @Test
  void anUnknownSkillIsAUsageError() {
    int code = chaos("rehearse", "--demo", "--skill", "wizard");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown skill 'wizard'");
  }
}
