package org.daysofchaos.agents.host.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts, finds and stops {@link Hog} processes by the marker on their command line. */
final class Hogs {
  private static final String MARKER = "-Ddays-of-chaos-hog=";

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
    command.add(marker); // first, where ps shows it
    command.add("-Xmx32m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:MaxDirectMemorySize=" + (directBytes + (32 << 20)));
    command.add("-cp");
    command.add(codeSource());
    command.add(Hog.class.getName());
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

  /**
   * Where the hog's class was loaded from: it needs nothing else. Not java.class.path, which is the
   * launcher's jar alone when the agent runs from the server's packaged jar.
   */
  private static String codeSource() throws IOException {
    try {
      return Path.of(Hog.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      throw new IOException("cannot find where the hog's class is: " + e);
    }
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

  /**
   * The hogs with this marker, read from /proc/PID/cmdline: {@code ProcessHandle.Info} does not
   * give the arguments of a long command line (a class path).
   */
  static List<ProcessHandle> find(String marker) {
    byte[] wanted = (marker + "\0").getBytes(StandardCharsets.UTF_8);
    List<ProcessHandle> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        if (contains(cmdline(entry), wanted)) {
          ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list processes", e);
    }
    return found;
  }

  private static byte[] cmdline(Path proc) {
    try {
      return Files.readAllBytes(proc.resolve("cmdline"));
    } catch (IOException e) {
      return new byte[0]; // gone meanwhile
    }
  }

  /** Whether one of the NUL-terminated arguments equals the wanted one. */
  private static boolean contains(byte[] cmdline, byte[] wanted) {
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        if (i + 1 - start == wanted.length
            && Arrays.equals(cmdline, start, i + 1, wanted, 0, wanted.length)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }
}
