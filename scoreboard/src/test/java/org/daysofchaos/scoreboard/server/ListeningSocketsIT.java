package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security suite's network half (issue 13): a running {@code chaos serve --demo} listens on
 * loopback only, unless told otherwise: the server, the demo's fault proxy and its proxies, the ops
 * console and every service of the demo, in the server's JVM and in its child processes. The
 * sockets are read from {@code /proc/net/tcp} and {@code /proc/net/tcp6}, matched to the processes
 * by their inodes. The same server, once read, is then killed with SIGKILL: the demo runs in a
 * child JVM of its own (ADR 0022) and must not outlive it, nor must the demo's inventory process
 * (one server start for both checks keeps the suite short).
 */
class ListeningSocketsIT {
  @TempDir Path dir;

  /** A listening socket: its local address as /proc shows it, e.g. 0100007F:1F90. */
  record Listener(String address, boolean v6) {
    boolean loopback() {
      String host = address.substring(0, address.indexOf(':'));
      if (!v6) {
        return host.endsWith("7F"); // 127.x.x.x, little-endian
      }
      return host.equals("00000000000000000000000001000000") // ::1
          || (host.startsWith("0000000000000000FFFF0000") && host.endsWith("7F")); // ::ffff:127.x
    }
  }

  @Test
  void aServerWithTheDemoListensOnLoopbackOnly() throws Exception {
    ServerProcess.Server serve =
        ServerProcess.Server.of(
            ServerProcess.JAR,
            List.of("-Dchaos.demo.proxy-port=0", "-Dchaos.demo.ops-port=0"),
            List.of("--demo"));
    try (ServerProcess server = serve.start(dir)) {
      server.awaitApi(Duration.ofSeconds(60));
      List<Long> pids = new ArrayList<>(List.of(server.process.pid()));
      server.process.descendants().forEach(p -> pids.add(p.pid()));
      List<Listener> listening = listeners(pids);

      // The server, the Toxiproxy API, three proxies, the ops console, booking, payment twice and
      // inventory: at least eight listeners, not one of them on another interface.
      assertThat(listening).as("listening sockets of " + pids).hasSizeGreaterThanOrEqualTo(8);
      assertThat(listening).allMatch(Listener::loopback, "on a loopback address");

      List<ProcessHandle> demo = server.process.descendants().toList();
      assertThat(demo)
          .as("the demo's own JVM among the server's children")
          .anyMatch(
              p -> p.info().arguments().map(a -> List.of(a).contains(DEMO_MAIN)).orElse(false));
      server.kill();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> assertThat(demo).as("the demo's processes").allMatch(ListeningSocketsIT::gone));
    }
  }

  private static final String DEMO_MAIN = "org.daysofchaos.demo.DemoMain";

  /** Exited: no such process, or a zombie its new parent has not reaped yet. */
  private static boolean gone(ProcessHandle process) {
    if (!process.isAlive()) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }

  private static List<Listener> listeners(List<Long> pids) throws IOException {
    Set<String> inodes = new HashSet<>();
    for (long pid : pids) {
      try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
        fds.forEach(
            fd -> {
              try {
                String link = Files.readSymbolicLink(fd).toString();
                if (link.startsWith("socket:[")) {
                  inodes.add(link.substring(8, link.length() - 1));
                }
              } catch (IOException e) {
                // The descriptor closed while being read.
              }
            });
      }
    }
    List<Listener> found = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      List<String> lines = Files.readAllLines(Path.of("/proc/net", table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        boolean listen = f[3].equals("0A");
        if (listen && inodes.contains(f[9])) {
          found.add(new Listener(f[1], table.equals("tcp6")));
        }
      }
    }
    return found;
  }
}
