package org.daysofchaos.scoreboard.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * What stands between a sign-in and its password check (docs/security.md, "Sign-in and tokens"):
 *
 * <ul>
 *   <li>a token bucket per client address, so that one address cannot try passwords fast;
 *   <li>a token bucket per account, so that many addresses together cannot either;
 *   <li>a lockout per account and address after consecutive failures, doubling with each further
 *       failure: the right password is refused too while it lasts, so guessing gains nothing; it is
 *       per address so that an attacker cannot lock the owner out from the owner's own address;
 *   <li>a bound on the password checks in flight: bcrypt is slow on purpose, and a flood of checks
 *       would take every core from the other requests. Over the bound the answer is quick: busy,
 *       try again in a second.
 * </ul>
 *
 * Time comes from the given clock, so tests move it instead of sleeping. The tables are bounded:
 * idle entries go, and past {@link #MAX_ENTRIES} new addresses share one bucket.
 */
public final class SignInGuard {
  static final int MAX_ENTRIES = 50_000;
  private static final String OVERFLOW = "(too many addresses)";

  /** The limits; see docs/security.md for the defaults and why. */
  public record Limits(
      int perAddressPerMinute,
      int perAccountPerMinute,
      int lockoutAfter,
      Duration lockout,
      Duration maxLockout,
      int concurrentChecks) {
    public Limits {
      if (perAddressPerMinute < 1 || perAccountPerMinute < 1 || lockoutAfter < 1) {
        throw new IllegalArgumentException("sign-in limits must be at least 1");
      }
      if (concurrentChecks < 1) {
        concurrentChecks = Math.max(1, Runtime.getRuntime().availableProcessors());
      }
    }
  }

  /** Refused before any password check: 429 (too many) or 503 (busy), and when to try again. */
  public static final class Refused extends RuntimeException {
    private final int status;
    private final Duration retryAfter;

    Refused(int status, Duration retryAfter, String message) {
      super(message + "; try again in " + seconds(retryAfter) + " s");
      this.status = status;
      this.retryAfter = retryAfter;
    }

    public int status() {
      return status;
    }

    /** Whole seconds, at least 1, for the Retry-After header. */
    public long retryAfterSeconds() {
      return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
      return Math.max(1, (d.toMillis() + 999) / 1000);
    }
  }

  /** A password check in flight; closing it frees its place. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final class Failures {
    int consecutive;
    Instant lockedUntil = Instant.MIN;
    Instant last = Instant.MIN;
  }

  private final Limits limits;
  private final Clock clock;
  private final TimeMeter meter;
  private final Semaphore checks;
  private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
  private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public SignInGuard(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.meter =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
    this.checks = new Semaphore(limits.concurrentChecks());
  }

  public Limits limits() {
    return limits;
  }

  /** The first gate, before the account is even looked up: this address's rate. */
  public void admitAddress(String address) {
    String key = addressKey(address);
    Bucket bucket = bucket(addresses, key, limits.perAddressPerMinute());
    take(bucket, "too many sign-in attempts from this address");
  }

  /**
   * The second gate: the account's rate, its lockout at this address, and a place among the checks
   * in flight. {@code account} is the account's name, or one name that stands for every unknown
   * one.
   */
  public Permit admitAccount(String account, String address) {
    Failures f = failures.get(failureKey(account, address));
    if (f != null) {
      Duration left;
      synchronized (f) {
        left = Duration.between(clock.instant(), f.lockedUntil);
      }
      if (!left.isNegative() && !left.isZero()) {
        throw new Refused(429, left, "too many failed sign-ins for this account from this address");
      }
    }
    take(
        bucket(accounts, account, limits.perAccountPerMinute()),
        "too many sign-in attempts for this account");
    if (!checks.tryAcquire()) {
      throw new Refused(503, Duration.ofSeconds(1), "the server is busy checking passwords");
    }
    return checks::release;
  }

  /** A wrong password: counts towards the lockout; the lockout that starts now, if any. */
  public Optional<Duration> failed(String account, String address) {
    Failures f = failures.computeIfAbsent(failureKey(account, address), k -> new Failures());
    synchronized (f) {
      Instant now = clock.instant();
      f.consecutive++;
      f.last = now;
      int over = f.consecutive - limits.lockoutAfter();
      if (over < 0) {
        return Optional.empty();
      }
      Duration lock = limits.lockout().multipliedBy(1L << Math.min(over, 20));
      if (lock.compareTo(limits.maxLockout()) > 0) {
        lock = limits.maxLockout();
      }
      f.lockedUntil = now.plus(lock);
      return Optional.of(lock);
    }
  }

  /** The right password: the account's failures at this address are forgiven. */
  public void succeeded(String account, String address) {
    failures.remove(failureKey(account, address));
  }

  private void take(Bucket bucket, String what) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new Refused(429, Duration.ofNanos(probe.getNanosToWaitForRefill()), what);
    }
  }

  private Bucket bucket(Map<String, Bucket> table, String key, int perMinute) {
    Bucket existing = table.get(key);
    if (existing != null) {
      return existing;
    }
    if (table.size() >= MAX_ENTRIES) {
      forgetIdle();
    }
    String k = table.size() >= MAX_ENTRIES ? OVERFLOW : key;
    return table.computeIfAbsent(
        k,
        x ->
            Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .withCustomTimePrecision(meter)
                .build());
  }

  /** Drops buckets that have refilled (idle for a minute) and failures that no longer count. */
  private synchronized void forgetIdle() {
    addresses.values().removeIf(b -> b.getAvailableTokens() >= limits.perAddressPerMinute());
    accounts.values().removeIf(b -> b.getAvailableTokens() >= limits.perAccountPerMinute());
    Instant forgotten = clock.instant().minus(limits.maxLockout().multipliedBy(2));
    failures.values().removeIf(f -> f.last.isBefore(forgotten));
  }

  private static String failureKey(String account, String address) {
    return account + " " + addressKey(address);
  }

  /**
   * An IPv4 address as it is; an IPv6 address by its /64, since one host usually owns a whole /64
   * and could otherwise use a new address for every attempt.
   */
  static String addressKey(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return String.valueOf(address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        s.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
      }
      return s.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
