package org.daysofchaos.agents.host.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's network tools (nft, tc), in the network namespace the allow-list names if it
 * names one ({@code ip netns exec NAME ...}): the faults and their reverts go through here.
 */
final class NetCommands {
  private static final long TIMEOUT_SECONDS = 10;

  /** A command's exit status and its output (standard output and error together). */
  record Result(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }

    /** The first line of the output, for a reason a person reads. */
    String firstLine() {
      String out = output.strip();
      int nl = out.indexOf('\n');
      return nl < 0 ? out : out.substring(0, nl);
    }
  }

  private final Optional<String> namespace;

  NetCommands(Optional<String> namespace) {
    this.namespace = namespace;
  }

  /** In the namespace a revert record names ({@code ""} for the agent's own). */
  static NetCommands in(String namespace) {
    return new NetCommands(
        namespace == null || namespace.isEmpty() ? Optional.empty() : Optional.of(namespace));
  }

  String namespaceName() {
    return namespace.orElse("");
  }

  /** Runs a command to its end, with {@code stdin} as its input; never throws on a failure. */
  Result run(String stdin, String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>();
    namespace.ifPresent(ns -> all.addAll(List.of(program("ip"), "netns", "exec", ns)));
    all.add(program(command[0]));
    all.addAll(List.of(command).subList(1, command.length));
    Process p = new ProcessBuilder(all).redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(
          String.join(" ", all) + " did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Runs a command that must succeed. */
  Result require(String stdin, String... command) throws IOException, InterruptedException {
    Result result = run(stdin, command);
    if (!result.ok()) {
      throw new IOException(
          String.join(" ", command) + " exited with " + result.exit() + ": " + result.firstLine());
    }
    return result;
  }

  /** Why a program cannot be run: not on the PATH (nor in /usr/sbin, /sbin), or empty. */
  static Optional<String> missing(String program, String packageName) {
    return locate(program).isPresent()
        ? Optional.empty()
        : Optional.of(program + " is not installed (package " + packageName + ")");
  }

  /** The program's path: the sbin folders count even when a service's PATH leaves them out. */
  private static Optional<Path> locate(String program) {
    List<String> dirs =
        new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/sbin", "/sbin"));
    for (String dir : dirs) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return Optional.of(Path.of(dir, program));
      }
    }
    return Optional.empty();
  }

  private static String program(String name) {
    return locate(name).map(Path::toString).orElse(name);
  }

  /** The first of the programs that is missing, with why, or empty. */
  Optional<String> missingTools(String program, String packageName) {
    Optional<String> tool = missing(program, packageName);
    if (tool.isEmpty() && namespace.isPresent()) {
      return missing("ip", "iproute2");
    }
    return tool;
  }
}
