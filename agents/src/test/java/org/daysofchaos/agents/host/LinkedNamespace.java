package org.daysofchaos.agents.host;

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
 * A network namespace of its own, as another host: a veth pair links it to this machine ({@code .1}
 * here, {@link #address()} there). Needs root and {@code ip}. Closing it ends its processes and
 * deletes the namespace and the link.
 */
final class LinkedNamespace implements AutoCloseable {
  private final String name;
  private final String hostSide;
  private final String inside;
  private final String subnet;
  private final List<Process> processes = new ArrayList<>();

  private LinkedNamespace(String name, String hostSide, String inside, String subnet) {
    this.name = name;
    this.hostSide = hostSide;
    this.inside = inside;
    this.subnet = subnet;
  }

  /** Why this machine cannot make one (not root, no ip or socat), or empty; in CI a failure. */
  static Optional<String> unavailable() {
    String why = null;
    if (!"root".equals(System.getProperty("user.name"))) {
      why = "network namespaces need root";
    } else if (!onPath("ip") || !onPath("socat") || !onPath("nft")) {
      why = "these tests need ip (iproute2), socat and nft (nftables)";
    }
    if (why != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI needs this: " + why);
    }
    return Optional.ofNullable(why);
  }

  private static boolean onPath(String program) {
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  static LinkedNamespace create() throws IOException, InterruptedException {
    int id = ThreadLocalRandom.current().nextInt(10_000, 99_999);
    String subnet = "10.214." + ThreadLocalRandom.current().nextInt(1, 250) + ".";
    LinkedNamespace ns =
        new LinkedNamespace("chaos-net-" + id, "chaosn" + id + "h", "chaosn" + id + "n", subnet);
    try {
      ns.run("ip", "netns", "add", ns.name);
      ns.run("ip", "link", "add", ns.hostSide, "type", "veth", "peer", "name", ns.inside);
      ns.run("ip", "link", "set", ns.inside, "netns", ns.name);
      ns.run("ip", "addr", "add", subnet + "1/30", "dev", ns.hostSide);
      ns.run("ip", "link", "set", ns.hostSide, "up");
      ns.exec("ip", "addr", "add", subnet + "2/30", "dev", ns.inside);
      ns.exec("ip", "link", "set", ns.inside, "up");
      ns.exec("ip", "link", "set", "lo", "up");
    } catch (IOException | RuntimeException e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  String name() {
    return name;
  }

  /** The namespace's address on the link. */
  String address() {
    return subnet + "2";
  }

  /** The namespace's end of the link. */
  String device() {
    return inside;
  }

  /** Runs a command inside the namespace; it is ended when the namespace is closed. */
  void start(String... command) throws IOException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
    all.addAll(List.of(command));
    processes.add(new ProcessBuilder(all).redirectErrorStream(true).start());
  }

  /** Runs a command inside the namespace to its end, and returns its output. */
  String exec(String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
    all.addAll(List.of(command));
    return run(all.toArray(String[]::new));
  }

  private String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
    return out;
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
