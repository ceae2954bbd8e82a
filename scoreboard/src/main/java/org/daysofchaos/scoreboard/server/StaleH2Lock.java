package org.daysofchaos.scoreboard.server;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Removes the lock file of an H2 database whose owner is gone. After a SIGKILL, H2 finds the lock
 * file of the dead process and waits several seconds until the file looks old before it takes the
 * database over; that wait would delay crash recovery. With {@code AUTO_SERVER=TRUE} the lock file
 * names the TCP port of the process that owns the database: if nothing answers there, the owner is
 * dead and the file can go.
 */
final class StaleH2Lock {
  private StaleH2Lock() {}

  /** Deletes {@code <dataDir>/chaos.lock.db} if its owner is gone; says so when it did. */
  static Optional<String> clear(Path dataDir) {
    Path lock = dataDir.resolve("chaos.lock.db");
    if (!Files.isRegularFile(lock)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(lock, StandardCharsets.ISO_8859_1)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String server = properties.getProperty("server");
    if (server == null || !server.contains(":")) {
      return Optional.empty();
    }
    String host = server.substring(0, server.lastIndexOf(':'));
    int port;
    try {
      port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return Optional.empty(); // A live process owns the database.
    } catch (IOException e) {
      try {
        Files.deleteIfExists(lock);
        return Optional.of(
            "removed the H2 lock file of a process that is gone (it owned " + server + ")");
      } catch (IOException deleteFailed) {
        return Optional.empty();
      }
    }
  }
}
