package org.daysofchaos.scoreboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.daysofchaos.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class SignInGuardTest {
  static final String ADDRESS = "192.0.2.7";
  final ManualClock clock = ManualClock.at("2025-06-01T10:00:00Z");
  final SignInGuard guard =
      new SignInGuard(
          new SignInGuard.Limits(30, 10, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), 2),
          clock);

  @Test
  void oneAddressGetsThirtyAttemptsAMinuteAndIsToldWhenToComeBack() {
    for (int i = 0; i < 30; i++) {
      guard.admitAddress(ADDRESS);
    }
    assertThatThrownBy(() -> guard.admitAddress(ADDRESS))
        .isInstanceOfSatisfying(
            SignInGuard.Refused.class,
            r -> {
              assertThat(r.status()).isEqualTo(429);
              assertThat(r.retryAfterSeconds()).isBetween(1L, 2L);
              assertThat(r.getMessage()).contains("from this address");
            });
    guard.admitAddress("192.0.2.8"); // another address is not affected

    clock.advance(Duration.ofSeconds(2));
    guard.admitAddress(ADDRESS); // a token came back
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 30; i++) {
      guard.admitAddress(ADDRESS);
    }
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAtThatAddressEvenForTheRightOneWithADoublingBackoff() {
    for (int i = 0; i < 4; i++) {
      check("gm", ADDRESS);
      assertThat(guard.failed("gm", ADDRESS)).isEmpty();
    }
    check("gm", ADDRESS);
    assertThat(guard.failed("gm", ADDRESS)).contains(Duration.ofSeconds(30));

    assertThat(refusal("gm", ADDRESS).getMessage())
        .contains("too many failed sign-ins for this account");
    assertThat(refusal("gm", ADDRESS).retryAfterSeconds()).isEqualTo(30);
    check("gm", "198.51.100.1"); // the owner at their own address is not locked out

    clock.advance(Duration.ofSeconds(30));
    check("gm", ADDRESS);
    assertThat(guard.failed("gm", ADDRESS)).contains(Duration.ofSeconds(60));
    clock.advance(Duration.ofSeconds(60));
    check("gm", ADDRESS);
    assertThat(guard.failed("gm", ADDRESS)).contains(Duration.ofSeconds(120));

    clock.advance(Duration.ofSeconds(120));
    check("gm", ADDRESS);
    guard.succeeded("gm", ADDRESS);
    check("gm", ADDRESS);
    assertThat(guard.failed("gm", ADDRESS)).as("forgiven after a success").isEmpty();
  }

  @Test
  void theBackoffStopsAtTheLongestLockout() {
    for (int i = 0; i < 30; i++) {
      guard.failed("gm", ADDRESS);
    }
    assertThat(guard.failed("gm", ADDRESS)).contains(Duration.ofMinutes(15));
  }

  @Test
  void manyAddressesTogetherGetTenAttemptsAMinuteAtOneAccount() {
    for (int i = 0; i < 10; i++) {
      check("gm", "203.0.113." + i);
    }
    assertThat(refusal("gm", "203.0.113.200").getMessage())
        .contains("too many sign-in attempts for this account");
    check("viewer", "203.0.113.200");
  }

  @Test
  void passwordChecksInFlightAreBoundedAndTheOneTooManyIsToldToRetryInASecond() {
    SignInGuard.Permit first = guard.admitAccount("a", ADDRESS);
    SignInGuard.Permit second = guard.admitAccount("b", ADDRESS);

    SignInGuard.Refused busy = refusal("c", ADDRESS);
    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.retryAfterSeconds()).isEqualTo(1);

    first.close();
    guard.admitAccount("c", ADDRESS).close();
    second.close();
  }

  @Test
  void anIpv6ClientCountsByItsSlash64() {
    assertThat(SignInGuard.addressKey("2001:db8:1:2:aaaa::1"))
        .isEqualTo(SignInGuard.addressKey("2001:db8:1:2:bbbb::9"))
        .isNotEqualTo(SignInGuard.addressKey("2001:db8:1:3::1"));
    assertThat(SignInGuard.addressKey(ADDRESS)).isEqualTo(ADDRESS);
  }

  private void check(String account, String address) {
    guard.admitAccount(account, address).close();
  }

  private SignInGuard.Refused refusal(String account, String address) {
    try {
      guard.admitAccount(account, address).close();
    } catch (SignInGuard.Refused r) {
      return r;
    }
    throw new AssertionError("not refused");
  }
}
