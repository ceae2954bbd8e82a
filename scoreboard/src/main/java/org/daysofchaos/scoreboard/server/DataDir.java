package org.daysofchaos.scoreboard.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The server's data directory ({@code chaos.data-dir}): its H2 database, the transaction log and
 * the first accounts' one-time passwords. It is private to the server's user (0700, files 0600),
 * and one server at a time opens it: the embedded database has no TCP server (no {@code
 * AUTO_SERVER}), so H2 holds an operating-system lock on {@code chaos.mv.db} that the kernel drops
 * when the process dies, even by SIGKILL. A restarted server therefore takes the database over at
 * once, with no lock file to wait for.
 */
final class DataDir {
  static final String DATABASE = "chaos.mv.db";

  /** The lock file H2 wrote with AUTO_SERVER (before 0.1.0): it named the port and its secret. */
  static final String LEGACY_LOCK = "chaos.lock.db";

  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private DataDir() {}

  /**
   * Makes the directory ready before the server opens it: created or tightened to 0700, its files
   * to 0600, a lock file of the AUTO_SERVER days removed. An error text when it cannot be used:
   * another server holds its database, or it cannot be created.
   */
  static Optional<String> prepare(Path dir) {
    try {
      Files.createDirectories(dir);
      if (inUse(dir)) {
        return Optional.of(
            "the data directory "
                + dir
                + " is in use: another chaos server has its database open. Stop that server, or"
                + " give this one its own --data-dir (every node of a cluster needs PostgreSQL,"
                + " docs/server.md)");
      }
      Files.deleteIfExists(dir.resolve(LEGACY_LOCK));
      tighten(dir);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot prepare the data directory " + dir + ": " + e);
    }
  }

  /** True when another process holds the lock H2 takes on the database file. */
  static boolean inUse(Path dir) throws IOException {
    Path database = dir.resolve(DATABASE);
    if (!Files.isRegularFile(database)) {
      return false;
    }
    try (FileChannel channel =
        FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    }
  }

  /**
   * Gives the directory and everything in it to the server's user alone. Run again once the server
   * has started, since H2 creates its files with the process's umask.
   */
  static void tighten(Path dir) throws IOException {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        || !Files.isDirectory(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.toList();
    }
    for (Path p : all) {
      Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
    }
  }
}
