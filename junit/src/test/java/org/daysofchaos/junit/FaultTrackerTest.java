package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.spi.FaultInjector;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.experiments.faults.NetworkDown;
import org.junit.jupiter.api.Test;

/** Reverts in reverse order, verified on the target; what is left is reported, never hidden. */
class FaultTrackerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

  private final List<String> calls = new ArrayList<>();

  @Test
  void faultsAreRevertedInReverseOrderAndVerified() {
    FaultTracker tracker = tracker(name -> new Recorded(name, Optional.empty(), false));
    tracker.inject("a", new NetworkDown("a"));
    tracker.inject("b", new NetworkDown("b"));

    assertThat(tracker.active())
        .containsExactly(
            "outage (connections refused) on proxy a", "outage (connections refused) on proxy b");
    assertThat(tracker.revertAll()).isEmpty();
    assertThat(calls).containsExactly("inject a", "inject b", "revert b", "revert a");
    assertThat(tracker.active()).isEmpty();
  }

  @Test
  void aFaultStillInEffectOrARevertThatThrowsIsReported() {
    FaultTracker tracker =
        tracker(
            name ->
                name.equals("stuck")
                    ? new Recorded(name, Optional.of("proxy stuck is still disabled"), false)
                    : new Recorded(name, Optional.empty(), true));
    tracker.inject("stuck", new NetworkDown("stuck"));
    tracker.inject("broken", new NetworkDown("broken"));

    assertThat(tracker.revertAll())
        .containsExactly(
            "outage (connections refused) on proxy broken could not be reverted:"
                + " java.io.IOException: revert of broken failed",
            "outage (connections refused) on proxy stuck is not reverted: proxy stuck is still"
                + " disabled");
    assertThat(calls).contains("revert stuck");
  }

  @Test
  void healingOneProxyLeavesTheOthers() {
    FaultTracker tracker = tracker(name -> new Recorded(name, Optional.empty(), false));
    tracker.inject("a", new NetworkDown("a"));
    tracker.inject("b", new NetworkDown("b"));

    assertThat(tracker.revert("a")).isEmpty();
    assertThat(tracker.active()).containsExactly("outage (connections refused) on proxy b");
  }

  @Test
  void anInjectionThatFailsSaysWhatAndWhere() {
    FaultTracker tracker =
        new FaultTracker(
            Injectors.of(
                List.of(
                    FaultInjector.of(
                        NetworkDown.class,
                        (f, t, c) -> {
                          throw new IllegalStateException("proxy is already disabled");
                        }))),
            null,
            CLOCK,
            false);

    assertThatThrownBy(() -> tracker.inject("a", new NetworkDown("a")))
        .hasMessage(
            "could not inject outage (connections refused) on proxy a: proxy is already disabled");
    assertThat(tracker.active()).isEmpty();
  }

  private FaultTracker tracker(java.util.function.Function<String, Recorded> injections) {
    FaultInjector<NetworkDown> injector =
        FaultInjector.of(
            NetworkDown.class,
            (fault, target, context) -> {
              assertThat(context.expiresAt())
                  .isEqualTo(CLOCK.instant().plus(FaultTracker.SAFETY_BOUND));
              calls.add("inject " + target.name());
              return injections.apply(target.name());
            });
    return new FaultTracker(Injectors.of(List.of(injector)), null, CLOCK, false);
  }

  private final class Recorded implements Injection {
    private final String name;
    private final Optional<String> residue;
    private final boolean fails;

    Recorded(String name, Optional<String> residue, boolean fails) {
      this.name = name;
      this.residue = residue;
      this.fails = fails;
    }

    @Override
    public void revert() throws Exception {
      calls.add("revert " + name);
      if (fails) {
        throw new java.io.IOException("revert of " + name + " failed");
      }
    }

    @Override
    public Optional<String> residue() {
      return residue;
    }
  }
}
