package org.daysofchaos.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The truth a test compares measurements with: a condition sampled far more often than the run's
 * probes (every few milliseconds), on its own thread, with the instant of each sample.
 */
final class Timeline implements AutoCloseable {
  record Point(Instant at, boolean holds) {}

  private final List<Point> points = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  Timeline(String name, BooleanSupplier condition, Duration every) {
    sampler =
        new Thread(
            () -> {
              while (running) {
                Instant at = Instant.now();
                boolean holds = condition.getAsBoolean();
                synchronized (points) {
                  points.add(new Point(at, holds));
                }
                try {
                  Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "timeline-" + name);
    sampler.setDaemon(true);
    sampler.start();
  }

  List<Point> points() {
    synchronized (points) {
      return List.copyOf(points);
    }
  }

  /** The first sample at or after {@code from} where the condition held. */
  Optional<Instant> firstHolding(Instant from) {
    return points().stream()
        .filter(p -> !p.at().isBefore(from) && p.holds())
        .map(Point::at)
        .findFirst();
  }

  /**
   * The first instant after {@code from} from which the condition held in every sample for {@code
   * holdFor}, after having failed at least once: recovery, as DESIGN.md defines it.
   */
  Optional<Instant> firstStretch(Instant from, Duration holdFor) {
    List<Point> all = points().stream().filter(p -> !p.at().isBefore(from)).toList();
    boolean failed = false;
    Instant since = null;
    for (Point p : all) {
      if (!p.holds()) {
        failed = true;
        since = null;
      } else if (failed) {
        if (since == null) {
          since = p.at();
        }
        if (!p.at().isBefore(since.plus(holdFor))) {
          return Optional.of(since);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
  }
}
