package org.daysofchaos.agents.testing;

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
 * A network namespace of its own, as another host: a veth pair links it to this machine ({@link
 * #hostAddress()} here, {@link #address()} there). Needs root and {@code ip}, and whatever the test
 * runs inside. Closing it ends its processes and deletes the namespace and the link.
 */
public final class NetNamespace implements AutoCloseable {
  private final String name;
  private final String hostSide;
  private final String inside;
  private final String subnet;
  private final List<Process> processes = new ArrayList<>();

  private NetNamespace(String name, String hostSide, String inside, String subnet) {
    this.name = name;
    this.hostSide = hostSide;
    this.inside = inside;
    this.subnet = subnet;
  }

  /**
   * Why this machine cannot make one (not root, no {@code ip} or one of {@code programs}), or
   * empty. In CI a missing requirement fails the test instead.
   */
  public static Optional<String> unavailable(String... programs) {
    List<String> needed = new ArrayList<>(List.of("ip"));
    needed.addAll(List.of(programs));
    String why = null;
    if (!"root".equals(System.getProperty("user.name"))) {
      why = "network namespaces need root";
    } else if (!needed.stream().allMatch(NetNamespace::onPath)) {
      why = "these tests need " + String.join(", ", needed);
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

  public static NetNamespace create() throws IOException, InterruptedException {
    int id = ThreadLocalRandom.current().nextInt(10_000, 99_999);
    // Random /30 subnets: two tests (or a test and a demo) never share one.
    String subnet =
        "10."
            + ThreadLocalRandom.current().nextInt(200, 250)
            + "."
            + ThreadLocalRandom.current().nextInt(1, 250)
            + ".";
    NetNamespace ns =
        new NetNamespace("chaos-net-" + id, "chaosn" + id + "h", "chaosn" + id + "n", subnet);
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

  public String name() {
    return name;
  }

  /** The namespace's address on the link. */
  public String address() {
    return subnet + "2";
  }

  /** This machine's address on the link. */
  public String hostAddress() {
    return subnet + "1";
  }

  /** The namespace's end of the link. */
  public String device() {
    return inside;
  }

  /**
   * Carries {@code 127.0.0.1:port} inside the namespace to {@code address:to} here (with {@code
   * socat}): a process inside that may only speak to loopback reaches a server on this machine.
   */
  public void forward(int port, String address, int to) throws IOException {
    start(
        List.of(
            "socat",
            "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr",
            "TCP:" + address + ":" + to));
  }

  /** Runs a command inside the namespace; it is ended when the namespace is closed. */
  public Process start(List<String> command) throws IOException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
    all.addAll(command);
    Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
    processes.add(p);
    return p;
  }

  /** Runs a command inside the namespace to its end, and returns its output. */
  public String exec(String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
    all.addAll(List.of(command));
    return run(all.toArray(String[]::new));
  }

  /** Takes the link down on this machine's side: the namespace is cut off. */
  public void cut() throws IOException, InterruptedException {
    run("ip", "link", "set", hostSide, "down");
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
