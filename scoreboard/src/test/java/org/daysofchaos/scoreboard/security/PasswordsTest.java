package org.daysofchaos.scoreboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A new password must be hard to guess, not only ten characters long (issue 13, finding 9). */
class PasswordsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "          ", // ten spaces
        "aaaaaaaaaaaa",
        "password1234",
        "qwertyuiop12",
        "1234567890",
        "gamemaster2024", // the account's name
        "daysofchaos!!", // the product's
        "correct horse battery staple"
      })
  void aPasswordThatIsLongEnoughButEasyToGuessIsRefusedSayingWhy(String password) {
    assertThatThrownBy(() -> Passwords.checkNew("newPassword", password, "gamemaster"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("newPassword: too easy to guess (about 2^")
        .hasMessageContaining("at least 2^35 needed");
  }

  @ParameterizedTest
  @CsvSource({
    "short, at least 10 characters",
    "'', at least 10 characters",
  })
  void theLengthRulesStay(String password, String message) {
    assertThatThrownBy(() -> Passwords.checkNew("newPassword", password, "ann"))
        .hasMessage("newPassword: " + message + ", please");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Correct-Horse-Battery-71", "Tr0ub4dor&3xyz", "mauve kettle orbits 1987 late"})
  void aPasswordHardToGuessIsAccepted(String password) {
    assertThatCode(() -> Passwords.checkNew("newPassword", password, "gamemaster"))
        .doesNotThrowAnyException();
  }

  @org.junit.jupiter.api.Test
  void theMessageSaysWhatIsWrongWithIt() {
    assertThatThrownBy(() -> Passwords.checkNew("newPassword", "          ", "ann"))
        .hasMessageContaining("Repeats like \"aaa\" are easy to guess.");
  }

  @Test
  void theHashAnUnknownUsernameIsCheckedAgainstCostsAsMuchAsARealOne() {
    // Otherwise a login would tell by its time whether the username exists.
    assertThat(Passwords.DECOY_HASH).startsWith("$2a$" + Passwords.COST + "$");
    assertThat(Passwords.DECOY_HASH.substring(0, 7))
        .isEqualTo(Passwords.hash("someone's password").substring(0, 7));
    assertThat(Passwords.matches("not-a-password-of-anyone", Passwords.DECOY_HASH)).isTrue();
    assertThat(Passwords.padded(Passwords.DECOY_HASH)).isFalse();
  }

  @Test
  void aOneTimePasswordIsHashedAtBcryptsLowestCostAndItsCheckIsPaddedToAFullOne() {
    String password = Passwords.oneTime();
    String hash = Passwords.hashOneTime(password);

    assertThat(Passwords.cost(hash)).isEqualTo(Passwords.ONE_TIME_COST).isEqualTo(4);
    assertThat(Passwords.matches(password, hash)).isTrue();
    assertThat(Passwords.matches(password + "x", hash)).isFalse();
    // A sign-in with it is followed by a check at full cost: its time tells nothing.
    assertThat(Passwords.padded(hash)).isTrue();
  }

  @Test
  void aChosenPasswordIsHashedAtFullCostAndCheckedOnce() {
    String hash = Passwords.hash("Correct-Horse-Battery-71");

    assertThat(Passwords.cost(hash)).isEqualTo(Passwords.COST).isEqualTo(10);
    assertThat(Passwords.matches("Correct-Horse-Battery-71", hash)).isTrue();
    assertThat(Passwords.padded(hash)).isFalse();
  }

  @Test
  void aHashThatNamesNoCostCountsAsFullCost() {
    assertThat(Passwords.cost("not a bcrypt hash")).isEqualTo(Passwords.COST);
    assertThat(Passwords.cost("$2a$xx$abc")).isEqualTo(Passwords.COST);
  }
}
