package org.daysofchaos.agents.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.daysofchaos.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

class LeasesTest {
  private final ManualClock clock = ManualClock.at("2027-01-01T10:00:00Z");
  private final Leases leases = new Leases(clock);

  @Test
  void aLeaseRunsOutAfterItsLength() {
    leases.grant("a", Duration.ofSeconds(5));
    clock.advance(Duration.ofMillis(4999));
    assertThat(leases.expired()).isEmpty();
    clock.advance(Duration.ofMillis(1));
    assertThat(leases.expired()).containsExactly("a");
  }

  @Test
  void aRenewalCountsFromNow() {
    leases.grant("a", Duration.ofSeconds(5));
    leases.grant("b", Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(4));
    leases.renew(List.of("a", "unknown"));
    clock.advance(Duration.ofSeconds(4));
    assertThat(leases.expired()).containsExactly("b");
    assertThat(leases.next()).contains(clock.instant().minusSeconds(3));
  }

  @Test
  void aReleasedLeaseNeverExpires() {
    leases.grant("a", Duration.ofSeconds(1));
    leases.release("a");
    clock.advance(Duration.ofHours(1));
    assertThat(leases.expired()).isEmpty();
    assertThat(leases.next()).isEmpty();
  }
}
