package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server on its H2 file database (issue 13, finding 1): the database has no TCP port
 * of its own (the HTTP port is the only one the process listens on), the data directory is the
 * server's user's alone, and a second server on the same directory stops with a clear error.
 */
class PrivateDatabaseIT {
  @TempDir Path dir;

  @Test
  void theServerListensOnItsHttpPortOnlyAndKeepsItsDataDirectoryPrivate() throws Exception {
    Path data = dir.resolve("data");
    ServerProcess.Server serve =
        ServerProcess.Server.of(
            ServerProcess.JAR, List.of(), List.of("--data-dir", data.toString()));
    try (ServerProcess server = serve.start(dir)) {
      server.awaitApi(Duration.ofSeconds(60));

      assertThat(listeningPorts(server.process.pid()))
          .as("TCP ports the server process listens on")
          .containsExactly(serve.port());
      assertThat(data.resolve(DataDir.LEGACY_LOCK)).doesNotExist();
      assertThat(mode(data)).isEqualTo("rwx------");
      try (Stream<Path> files = Files.walk(data)) {
        assertThat(files.filter(Files::isRegularFile).toList())
            .isNotEmpty()
            .allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
      }

      ServerProcess second =
          ServerProcess.start(
              dir,
              ServerProcess.JAR,
              List.of(),
              List.of(
                  "serve",
                  "--port",
                  Integer.toString(ServerProcess.freePort()),
                  "--data-dir",
                  data.toString()));
      assertThat(second.exitCode()).as(second.output()).isEqualTo(1);
      assertThat(second.output())
          .contains("error: the data directory " + data + " is in use")
          .doesNotContain("Exception");
    }
  }

  private static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The ports of the process's listening TCP sockets, from its file descriptors and /proc/net. */
  static Set<Integer> listeningPorts(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // A descriptor that closed while we listed them is not a listening socket.
        }
      }
    }
    Set<Integer> ports = new HashSet<>();
    for (String table : List.of("tcp", "tcp6")) {
      Path file = Path.of("/proc", Long.toString(pid), "net", table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        boolean listening = f[3].equals("0A");
        if (listening && inodes.contains(f[9])) {
          String local = f[1];
          ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}
