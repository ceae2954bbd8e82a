package org.daysofchaos.core.gameday;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When each one-off scenario of a game day fires, decided once when the game day starts: fixed
 * moments are resolved against the window's opening and random ones ({@code between}) are drawn, to
 * the millisecond, uniformly in {@code [from, to)}. Cron slots fire as often as their expression
 * matches inside the window, so they are left to the scheduler.
 *
 * @param opensAt when the window opens
 * @param closesAt when it closes; nothing fires at or after it
 * @param incidents the one-off incidents in firing order (slot order for equal instants)
 * @param cronSlots the recurring slots
 */
public record GameDayPlan(
    Instant opensAt, Instant closesAt, List<Planned> incidents, List<Slot> cronSlots) {

  /** A one-off incident and when it fires. */
  public record Planned(Slot slot, Instant at) {}

  public GameDayPlan {
    incidents = List.copyOf(incidents);
    cronSlots = List.copyOf(cronSlots);
  }

  /** The plan of {@code day} started at {@code startedAt}, drawing with {@code random}. */
  public static GameDayPlan of(GameDay day, Instant startedAt, RandomGenerator random) {
    Instant opens = day.window().opensAt(startedAt);
    List<Planned> incidents = new ArrayList<>();
    List<Slot> cron = new ArrayList<>();
    for (Slot slot : day.slots()) {
      if (slot.timing() instanceof Timing.At at) {
        incidents.add(new Planned(slot, at.at().resolve(opens)));
      } else if (slot.timing() instanceof Timing.Between between) {
        Instant from = between.from().resolve(opens);
        long span = Duration.between(from, between.to().resolve(opens)).toMillis();
        incidents.add(new Planned(slot, from.plusMillis(span <= 0 ? 0 : random.nextLong(span))));
      } else {
        cron.add(slot);
      }
    }
    incidents.sort(Comparator.comparing(Planned::at).thenComparingInt(p -> p.slot().index()));
    return new GameDayPlan(opens, day.window().closesAt(startedAt), incidents, cron);
  }
}
