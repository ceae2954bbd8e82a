package org.daysofchaos.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GameDayPlanTest {
  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

  private static TimePoint offset(int minutes) {
    return new TimePoint.Offset(Duration.ofMinutes(minutes));
  }

  private static GameDay day(Window window, Slot... slots) {
    return new GameDay("d", "D", "", window, List.of(new Team("blue")), List.of(slots));
  }

  @Test
  void resolvesFixedMomentsAgainstTheStartAndOrdersIncidentsByTime() {
    Slot late = new Slot(0, "a", new Timing.At(offset(5)));
    Slot early = new Slot(1, "b", new Timing.At(offset(1)));
    Slot cron = new Slot(2, "c", new Timing.Cron("0 * * * * ?"));

    GameDayPlan plan =
        GameDayPlan.of(
            day(new Window(Optional.empty(), Duration.ofMinutes(10)), late, early, cron),
            START,
            new Random(1));

    assertThat(plan.opensAt()).isEqualTo(START);
    assertThat(plan.closesAt()).isEqualTo(START.plusSeconds(600));
    assertThat(plan.incidents())
        .containsExactly(
            new GameDayPlan.Planned(early, START.plusSeconds(60)),
            new GameDayPlan.Planned(late, START.plusSeconds(300)));
    assertThat(plan.cronSlots()).containsExactly(cron);
  }

  @Test
  void aFixedOpeningWinsOverTheStartingInstant() {
    Instant opens = Instant.parse("2026-12-01T10:00:00Z");
    Slot slot = new Slot(0, "a", new Timing.At(offset(2)));

    GameDayPlan plan =
        GameDayPlan.of(
            day(new Window(Optional.of(opens), Duration.ofHours(1)), slot), START, new Random(1));

    assertThat(plan.incidents())
        .extracting(GameDayPlan.Planned::at)
        .containsExactly(opens.plusSeconds(120));
    assertThat(plan.closesAt()).isEqualTo(opens.plusSeconds(3600));
  }

  @Test
  void drawsRandomMomentsUniformlyInsideTheRange() {
    Slot slot = new Slot(0, "a", new Timing.Between(offset(3), offset(6)));
    GameDay day = day(new Window(Optional.empty(), Duration.ofMinutes(10)), slot);
    Random random = new Random(42);
    int[] thirds = new int[3];

    for (int i = 0; i < 3000; i++) {
      Instant at = GameDayPlan.of(day, START, random).incidents().get(0).at();
      assertThat(at).isBetween(START.plusSeconds(180), START.plusSeconds(360).minusMillis(1));
      thirds[(int) ((at.toEpochMilli() - START.plusSeconds(180).toEpochMilli()) / 60_000)]++;
    }

    assertThat(java.util.Arrays.stream(thirds).boxed().toList())
        .allSatisfy(n -> assertThat(n).isBetween(900, 1100));
  }
}
