package org.daysofchaos.scoreboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.testing.ManualClock;
import org.daysofchaos.scoreboard.persistence.AuditLog;
import org.daysofchaos.scoreboard.persistence.Db;
import org.daysofchaos.scoreboard.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts of a first start, made aside on a thread of their own while the start goes on: each
 * gets its own one-time password, written to the private file only, and what fails there fails the
 * start where it waits for them.
 */
class FirstAccountsTest {
  final ManualClock clock = ManualClock.at("2026-12-04T10:00:00Z");
  final TestDatabases.TestDatabase database = TestDatabases.h2();
  final Db db = new Db(database.dataSource());
  final AccountStore store = new AccountStore(db);
  final Accounts accounts =
      new Accounts(
          store,
          new AuditLog(db, clock, "node"),
          clock,
          Duration.ofHours(12),
          Duration.ofDays(30),
          team -> true,
          new SignInGuard(
              new SignInGuard.Limits(30, 10, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), 2),
              clock));
  final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  @TempDir Path dir;

  @AfterEach
  void close() {
    database.close();
  }

  private FirstAccounts first() {
    return new FirstAccounts(
        accounts,
        dir.resolve(FirstAccounts.FILE),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  /** The one-time password the file gives for this account. */
  private String passwordInFile(String username) throws Exception {
    return Files.readAllLines(dir.resolve(FirstAccounts.FILE)).stream()
        .map(line -> line.split("\\s+"))
        .filter(words -> words[0].equals(username))
        .map(words -> words[1])
        .findFirst()
        .orElseThrow();
  }

  private boolean opens(String username, String password) {
    return Passwords.matches(password, store.find(username).orElseThrow().passwordHash());
  }

  @Test
  void theFirstGameMasterMadeAsideHasTheOneTimePasswordOfTheFileOnly() throws Exception {
    FirstAccounts first = first();
    first.gameMasterAside("gamemaster", Optional.empty());
    first.await();

    String password = passwordInFile("gamemaster");
    assertThat(opens("gamemaster", password)).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("gamemaster")
        .doesNotContain(password);
  }

  @Test
  void aWeakConfiguredPasswordFailsTheStartWhereItWaitsForTheAccounts() {
    FirstAccounts first = first();
    first.gameMasterAside("gamemaster", Optional.of("gamemaster1"));

    assertThatThrownBy(first::await)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("chaos.security.admin.password: ");
    assertThat(store.find("gamemaster")).isEmpty();
  }

  @Test
  void theDemosAccountsMadeAsideComeAfterTheGameMasterEachWithItsOwnPassword() throws Exception {
    accounts.create("viewer", Role.VIEWER, null, null, "test");
    FirstAccounts first = first();
    first.gameMasterAside("gamemaster", Optional.empty());
    first.demoAside("demo-day", List.of("Blue", "red"));
    first.await();

    List<String> inFile = Files.readAllLines(dir.resolve(FirstAccounts.FILE));
    assertThat(inFile.stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\\s+")[0]))
        .containsExactly("gamemaster", "blue-player", "red-player");
    String blue = passwordInFile("blue-player");
    String red = passwordInFile("red-player");
    assertThat(blue).isNotEqualTo(red);
    assertThat(opens("blue-player", blue)).isTrue();
    assertThat(opens("red-player", red)).isTrue();
    assertThat(store.find("red-player").orElseThrow().account().team()).isEqualTo("red");
  }

  @Test
  void aStartThatFailedStillWaitsForTheAccountsAsideWithoutThrowing() throws Exception {
    FirstAccounts first = first();
    first.gameMasterAside("gamemaster", Optional.of("gamemaster1"));
    first.settle();

    FirstAccounts again = first();
    again.gameMasterAside("gamemaster", Optional.empty());
    again.settle();
    assertThat(opens("gamemaster", passwordInFile("gamemaster"))).isTrue();
  }

  private int storedCost(String username) {
    return Passwords.cost(store.find(username).orElseThrow().passwordHash());
  }

  @Test
  void aOneTimePasswordIsStoredAtBcryptsLowestCostAndTheOneChosenForItAtFullCost()
      throws Exception {
    first().gameMaster("gamemaster", Optional.empty());
    first().demo("demo-day", List.of("blue"));
    assertThat(storedCost("gamemaster")).isEqualTo(Passwords.ONE_TIME_COST);
    assertThat(storedCost("blue-player")).isEqualTo(Passwords.ONE_TIME_COST);

    accounts.changePassword("gamemaster", passwordInFile("gamemaster"), "Correct-Horse-Battery-71");

    assertThat(storedCost("gamemaster")).isEqualTo(Passwords.COST);
    assertThat(opens("gamemaster", "Correct-Horse-Battery-71")).isTrue();
  }

  @Test
  void aConfiguredPasswordIsAPersonsChoiceAndStoredAtFullCost() {
    first().gameMaster("gamemaster", Optional.of("Correct-Horse-Battery-71"));

    assertThat(storedCost("gamemaster")).isEqualTo(Passwords.COST);
  }
}
