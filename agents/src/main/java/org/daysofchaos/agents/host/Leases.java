package org.daysofchaos.agents.host;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead man's switch: each fault holds a lease that the server renews while its incident runs; a
 * fault whose lease has passed is due for a revert, whatever else happens. Time comes from the
 * injected clock, so tests step it rather than wait. Not thread-safe: {@link HostAgent} guards it.
 */
public final class Leases {
  private record Lease(Duration length, Instant until) {}

  private final Clock clock;
  private final Map<String, Lease> leases = new LinkedHashMap<>();

  public Leases(Clock clock) {
    this.clock = clock;
  }

  /** A new lease of {@code length} from now. */
  public void grant(String id, Duration length) {
    leases.put(id, new Lease(length, clock.instant().plus(length)));
  }

  /** Extends the leases of these faults by their length from now; unknown ids are ignored. */
  public void renew(Collection<String> ids) {
    Instant now = clock.instant();
    for (String id : ids) {
      leases.computeIfPresent(
          id, (k, lease) -> new Lease(lease.length(), now.plus(lease.length())));
    }
  }

  public void release(String id) {
    leases.remove(id);
  }

  /** The faults whose lease has passed (at or before now), oldest grant first. */
  public List<String> expired() {
    Instant now = clock.instant();
    List<String> due = new ArrayList<>();
    leases.forEach(
        (id, lease) -> {
          if (!now.isBefore(lease.until())) {
            due.add(id);
          }
        });
    return due;
  }

  /** When the first lease passes, if any is held. */
  public java.util.Optional<Instant> next() {
    return leases.values().stream().map(Lease::until).min(Instant::compareTo);
  }
}
