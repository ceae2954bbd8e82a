package org.daysofchaos.core.gameday;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.binder.Paths;
import org.daysofchaos.core.binder.ReadContext;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The moments of one game-day file, checked against its window once the whole file is read: the
 * window may come after the scenarios in the file, and a scenario's moment is checked even when
 * another scenario has a problem.
 */
final class Moments {
  static final ReadContext.Key<Moments> KEY = ReadContext.Key.of(Moments::new);

  private record Moment(TimePoint point, Node node, String field) {}

  private record Range(Moment from, Moment to) {}

  private final List<Moment> singles = new ArrayList<>();
  private final List<Range> ranges = new ArrayList<>();

  void at(TimePoint point, Node node, String field) {
    singles.add(new Moment(point, node, field));
  }

  void between(TimePoint from, TimePoint to, List<Node> ends, String field) {
    ranges.add(
        new Range(
            new Moment(from, ends.get(0), Paths.index(field, 0)),
            new Moment(to, ends.get(1), Paths.index(field, 1))));
  }

  /**
   * Reports moments outside {@code window} and ranges that end before they start; with a null
   * (invalid) window, which has its own problem, only the order of ranges.
   */
  void check(Window window, ReadContext ctx) {
    for (Moment moment : singles) {
      inside(moment, window, ctx);
    }
    for (Range range : ranges) {
      boolean from = inside(range.from(), window, ctx);
      boolean to = inside(range.to(), window, ctx);
      if (from && to) {
        inOrder(range, window, ctx);
      }
    }
  }

  private static void inOrder(Range range, Window window, ReadContext ctx) {
    Instant anyOpening = window == null ? Instant.EPOCH : window.opens().orElse(Instant.EPOCH);
    if (!range.to().point().resolve(anyOpening).isAfter(range.from().point().resolve(anyOpening))) {
      ctx.problem(range.to().node(), range.to().field(), "must come after " + range.from().field());
    }
  }

  /** An offset inside the window, or a date-time inside a window with a fixed opening. */
  private static boolean inside(Moment moment, Window window, ReadContext ctx) {
    if (window == null) {
      return true;
    }
    if (moment.point() instanceof TimePoint.Offset offset) {
      if (offset.offset().compareTo(window.length()) >= 0) {
        ctx.problem(
            moment.node(),
            moment.field(),
            "is not inside the window: it lasts "
                + Durations.format(window.length())
                + ", so an offset must be shorter");
        return false;
      }
      return true;
    }
    return insideFixed(moment, ((TimePoint.Absolute) moment.point()).instant(), window, ctx);
  }

  private static boolean insideFixed(
      Moment moment, Instant instant, Window window, ReadContext ctx) {
    if (window.opens().isEmpty()) {
      ctx.problem(
          moment.node(),
          moment.field(),
          "a date-time needs window.opens to be a date-time too; write an offset such as 10m");
      return false;
    }
    Instant opens = window.opens().get();
    if (instant.isBefore(opens) || !instant.isBefore(window.closesAt(opens))) {
      ctx.problem(
          moment.node(),
          moment.field(),
          "is not inside the window, from " + opens + " to " + window.closesAt(opens) + " (UTC)");
      return false;
    }
    return true;
  }
}
