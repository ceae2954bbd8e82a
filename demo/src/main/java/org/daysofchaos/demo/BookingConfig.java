package org.daysofchaos.demo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The booking service's configuration file, {@code booking.properties} in the demo's own folder:
 * the one file a host-level scenario changes ({@code demo/bad-config}) and the rollback lever
 * restores. Booking re-reads it at most every {@link #RELOAD_NANOS} ns, as a real service watching
 * its file would: a bad value breaks bookings within a second, a good one heals them as fast.
 *
 * <p>Its one setting, {@code payment.pool.size}, is how many payment calls may run at once; below
 * one (or missing, or not a number) every booking fails with {@code config}.
 */
final class BookingConfig implements AutoCloseable {
  static final String FILE = "booking.properties";
  static final String POOL_SIZE = "payment.pool.size";

  /** The file as the demo writes it at start, and as the rollback lever restores it. */
  static final String GOOD =
      "# The demo's booking service re-reads this file every quarter second.\n"
          + POOL_SIZE
          + "=8\n";

  private static final long RELOAD_NANOS = 250_000_000L;

  /** What the file says now: a pool size, or why it is unusable. */
  record Reading(int poolSize, String error) {
    boolean ok() {
      return error == null;
    }
  }

  private final Path folder;
  private final Path file;
  private volatile Reading reading;
  private volatile long readAt;

  private BookingConfig(Path folder) throws IOException {
    this.folder = folder;
    this.file = folder.resolve(FILE);
    write(GOOD);
  }

  /** Creates the demo's folder (readable by its owner only) and writes the good file in it. */
  static BookingConfig create() throws IOException {
    Path folder =
        Files.createTempDirectory(
            "chaos-demo-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    return new BookingConfig(folder);
  }

  Path file() {
    return file;
  }

  /** The setting as of at most a quarter second ago. */
  Reading current() {
    long now = System.nanoTime();
    Reading last = reading;
    if (last == null || now - readAt >= RELOAD_NANOS) {
      last = reload();
    }
    return last;
  }

  /** Reads the file now. */
  Reading reload() {
    Reading fresh = read();
    reading = fresh;
    readAt = System.nanoTime();
    return fresh;
  }

  /**
   * Puts the good file back (the lever "roll the configuration back"); returns whether it differed.
   */
  boolean rollback() throws IOException {
    String now = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    boolean changed = !GOOD.equals(now);
    if (changed) {
      write(GOOD);
    }
    reload();
    return changed;
  }

  private Reading read() {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      return new Reading(0, FILE + " cannot be read: " + e.getMessage());
    }
    String value = properties.getProperty(POOL_SIZE);
    if (value == null) {
      return new Reading(0, FILE + " has no " + POOL_SIZE);
    }
    try {
      int size = Integer.parseInt(value.strip());
      return size >= 1
          ? new Reading(size, null)
          : new Reading(size, POOL_SIZE + " is " + size + ": no payment call can run");
    } catch (NumberFormatException e) {
      return new Reading(0, POOL_SIZE + " is not a number: " + value.strip());
    }
  }

  /** Writes the file whole (a copy moved in place): booking never reads half a file. */
  private void write(String content) throws IOException {
    Path next = folder.resolve(FILE + ".next");
    Files.writeString(next, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Removes the demo's folder. */
  @Override
  public void close() throws IOException {
    try (var files = Files.list(folder)) {
      for (Path path : files.toList()) {
        Files.deleteIfExists(path);
      }
    }
    Files.deleteIfExists(folder);
  }
}
