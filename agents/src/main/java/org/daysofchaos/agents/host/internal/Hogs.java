package org.daysofchaos.agents.host.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts, finds and stops {@link Hog} processes by the marker on their command line. */
final class Hogs {
  private static final String MARKER = "days-of-chaos-hog=";

  private Hogs() {}

  static String marker(String injectionId) {
    return MARKER + injectionId;
  }

  /**
   * Starts a hog and waits until its load is in place.
   *
   * @param directBytes the direct memory it may allocate (0 for a CPU hog)
   */
  static Process start(String marker, long directBytes, String... load) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx32m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:MaxDirectMemorySize=" + (directBytes + (32 << 20)));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Hog.class.getName());
    command.add(marker);
    command.addAll(List.of(load));
    Process hog = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(hog.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (!"ready".equals(line)) {
      hog.destroyForcibly();
      throw new IOException("the hog did not start: " + (line == null ? "no output" : line));
    }
    return hog;
  }

  /** Stops every hog with this marker and waits for each to be gone. */
  static void stop(String marker) throws InterruptedException {
    for (ProcessHandle hog : find(marker)) {
      hog.destroyForcibly();
      try {
        hog.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // checked by the residue
      }
    }
  }

  static List<ProcessHandle> find(String marker) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
        .toList();
  }
}
