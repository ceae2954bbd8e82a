package org.daysofchaos.scoreboard.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of its own, as a separate host: a veth pair links it to this machine ({@link
 * #hostAddress()} here, {@code .2} there). Needs root, {@code ip} and {@code socat} (which carries
 * a loopback port inside the namespace to the server, since the agent speaks plain http only to
 * loopback). Closing it ends its processes and deletes the namespace and the link.
 */
final class NetNamespace implements AutoCloseable {
  private final String name;
  private final String hostSide;
  private final String subnet;
  private final List<Process> processes = new ArrayList<>();

  private NetNamespace(String name, String hostSide, String subnet) {
    this.name = name;
    this.hostSide = hostSide;
    this.subnet = subnet;
  }

  /**
   * Why this machine cannot make one (not root, no {@code ip} or {@code socat}), or empty. On CI a
   * missing requirement fails the test.
   */
  static Optional<String> unavailable() {
    String why = null;
    if (!"root".equals(System.getProperty("user.name"))) {
      why = "network namespaces need root";
    } else if (!onPath("ip") || !onPath("socat")) {
      why = "network namespaces need ip (iproute2) and socat";
    }
    if (why != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI needs this: " + why);
    }
    return Optional.ofNullable(why);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", program));
  }

  static NetNamespace create() throws IOException, InterruptedException {
    int id = ThreadLocalRandom.current().nextInt(10_000, 99_999);
    String subnet = "10.213." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
    NetNamespace ns = new NetNamespace("chaos-it-" + id, "chaos" + id + "h", subnet);
    String peer = "chaos" + id + "n";
    try {
      ns.run("ip", "netns", "add", ns.name);
      ns.run("ip", "link", "add", ns.hostSide, "type", "veth", "peer", "name", peer);
      ns.run("ip", "link", "set", peer, "netns", ns.name);
      ns.run("ip", "addr", "add", subnet + "1/30", "dev", ns.hostSide);
      ns.run("ip", "link", "set", ns.hostSide, "up");
      ns.run("ip", "netns", "exec", ns.name, "ip", "addr", "add", subnet + "2/30", "dev", peer);
      ns.run("ip", "netns", "exec", ns.name, "ip", "link", "set", peer, "up");
      ns.run("ip", "netns", "exec", ns.name, "ip", "link", "set", "lo", "up");
    } catch (IOException | RuntimeException e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  /** This machine's address on the link. */
  String hostAddress() {
    return subnet + "1";
  }

  /** Carries {@code 127.0.0.1:port} inside the namespace to {@code address:port} here. */
  void forward(int port, String address, int to) throws IOException {
    start(
        List.of(
            "socat",
            "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr",
            "TCP:" + address + ":" + to));
  }

  /** Runs a command inside the namespace; it is ended when the namespace is closed. */
  Process start(List<String> command) throws IOException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
    all.addAll(command);
    Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
    processes.add(p);
    return p;
  }

  /** Takes the link down on this machine's side: the namespace is cut off. */
  void cut() throws IOException, InterruptedException {
    run("ip", "link", "set", hostSide, "down");
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    for (String[] command :
        List.of(
            new String[] {"ip", "netns", "del", name},
            new String[] {"ip", "link", "del", hostSide})) {
      try {
        new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
      } catch (IOException e) {
        // Already gone.
      }
    }
  }
}
