package org.daysofchaos.scoreboard.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.daysofchaos.agents.host.link.Wire;
import org.daysofchaos.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The server's side of the link with the agent played by the test: orders reach the held poll,
 * answers reach whoever waits, leases are renewed only for what is wanted.
 */
class AgentRegistryTest {
  static final Duration LONG = Duration.ofSeconds(30);

  final ManualClock clock = ManualClock.at("2026-12-01T10:00:00Z");
  final AgentRegistry registry = new AgentRegistry(clock, LONG);

  void hello(List<String> active) {
    registry.hello(
        "web-1",
        new Wire.Hello(
            "web-1",
            "host-a",
            "1.0",
            Map.of("host/file-change", "", "host/cpu-burn", "no /proc/stat"),
            List.of(),
            active));
  }

  static Wire.Apply apply(String id) {
    return new Wire.Apply(id, "run", null, "web", JsonNodeFactory.instance.objectNode(), 5000);
  }

  @Test
  void anOrderReachesTheHeldPollAndItsResultReachesTheInjector() throws Exception {
    hello(List.of());
    CompletableFuture<Wire.Result> applied =
        CompletableFuture.supplyAsync(() -> applyQuietly(apply("i-1")));

    Wire.Orders orders = registry.poll("web-1", new Wire.Poll(List.of(), List.of()));
    assertThat(orders.apply()).extracting(Wire.Apply::injectionId).containsExactly("i-1");
    assertThat(orders.renew()).containsExactly("i-1");

    Wire.Result result = new Wire.Result("i-1", "APPLIED", "file replaced");
    CompletableFuture<Wire.Orders> next =
        CompletableFuture.supplyAsync(
            () -> pollQuietly(new Wire.Poll(List.of(result), List.of("i-1"))));
    assertThat(applied.get(30, TimeUnit.SECONDS)).isEqualTo(result);

    CompletableFuture<Optional<Wire.Result>> reverted =
        CompletableFuture.supplyAsync(() -> revertQuietly("i-1"));
    Wire.Orders revert = next.get(30, TimeUnit.SECONDS);
    assertThat(revert.revert()).containsExactly("i-1");
    assertThat(revert.renew()).isEmpty();
    CompletableFuture<Wire.Orders> idle =
        CompletableFuture.supplyAsync(
            () ->
                pollQuietly(
                    new Wire.Poll(List.of(new Wire.Result("i-1", "REVERTED", "ok")), List.of())));
    assertThat(reverted.get(30, TimeUnit.SECONDS)).map(Wire.Result::status).contains("REVERTED");
    registry.forget("web-1"); // ends the idle poll at once
    assertThat(idle.get(30, TimeUnit.SECONDS).apply()).isEmpty();
  }

  @Test
  void faultsTheAgentHoldsThatNobodyWantsAreRevertedAtOnce() throws Exception {
    hello(List.of("left-by-a-restarted-server"));
    Wire.Orders orders = registry.poll("web-1", new Wire.Poll(List.of(), List.of("old")));
    assertThat(orders.revert()).containsExactly("old");
    assertThat(orders.renew()).isEmpty();
  }

  @Test
  void haltAllReachesTheAgentAndStopsEveryRenewal() throws Exception {
    hello(List.of());
    registry.haltAll();
    Wire.Orders orders = registry.poll("web-1", new Wire.Poll(List.of(), List.of()));
    assertThat(orders.haltAll()).isTrue();
    assertThat(orders.renew()).isEmpty();
  }

  @Test
  void capabilitiesAndConnectionDecideWhatCanBeApplied() {
    assertThat(registry.unavailable("web-1", "host/file-change"))
        .contains("agent web-1 is not connected");
    hello(List.of());
    assertThat(registry.unavailable("web-1", "host/file-change")).isEmpty();
    assertThat(registry.unavailable("web-1", "host/cpu-burn"))
        .contains("agent web-1 cannot apply host/cpu-burn on its host: no /proc/stat");
    assertThat(registry.unavailable("web-1", "host/net-drop"))
        .contains("agent web-1 does not know fault kind host/net-drop");
    assertThat(registry.find("web-1"))
        .hasValueSatisfying(
            v -> {
              assertThat(v.host()).isEqualTo("host-a");
              assertThat(v.connected()).isTrue();
              assertThat(v.lastContact()).isEqualTo(clock.instant());
            });

    clock.advance(LONG.plusSeconds(3));
    assertThat(registry.unavailable("web-1", "host/file-change"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("agent web-1 is not connected (last"));
    assertThatThrownBy(() -> registry.apply("web-1", apply("i-2"), LONG))
        .hasMessage("agent web-1 is not connected");
    assertThat(registry.find("web-1")).hasValueSatisfying(v -> assertThat(v.connected()).isFalse());
  }

  @Test
  void anUnansweredOrderIsWithdrawn() throws Exception {
    hello(List.of());
    assertThatThrownBy(() -> registry.apply("web-1", apply("i-3"), Duration.ofMillis(1)))
        .isInstanceOf(TimeoutException.class);
    registry.haltAll(); // so that the poll answers at once
    Wire.Orders orders = registry.poll("web-1", new Wire.Poll(List.of(), List.of()));
    assertThat(orders.apply()).isEmpty();
    assertThat(orders.renew()).isEmpty();
  }

  @Test
  void aRevokedAgentIsForgottenAndItsWaitersReleased() throws Exception {
    hello(List.of());
    CompletableFuture<Wire.Result> applied =
        CompletableFuture.supplyAsync(() -> applyQuietly(apply("i-4")));
    registry.poll("web-1", new Wire.Poll(List.of(), List.of()));
    registry.forget("web-1");
    assertThat(applied)
        .failsWithin(Duration.ofSeconds(30))
        .withThrowableThat()
        .withMessageContaining("link ended");
    assertThat(registry.find("web-1")).isEmpty();
  }

  private Wire.Result applyQuietly(Wire.Apply apply) {
    try {
      return registry.apply("web-1", apply, LONG);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private Optional<Wire.Result> revertQuietly(String id) {
    try {
      return registry.revert("web-1", id, LONG);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Wire.Orders pollQuietly(Wire.Poll poll) {
    try {
      return registry.poll("web-1", poll);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
