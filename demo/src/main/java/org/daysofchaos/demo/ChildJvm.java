package org.daysofchaos.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A part of the demo in a JVM of its own (the demo itself, its inventory service): same java and
 * class path as this JVM. The child says it is ready with one line on its standard output.
 */
final class ChildJvm {
  private static final String JBOSS_LOG_MANAGER = "org/jboss/logmanager/LogManager.class";

  private ChildJvm() {}

  /** Starts {@code main} with the JVM options {@code jvm} and the arguments {@code args}. */
  static Process start(Class<?> main, List<String> jvm, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (ClassLoader.getSystemResource(JBOSS_LOG_MANAGER) != null) {
      // In the packaged server, the class path carries JBoss LogManager's System.Logger finder,
      // which wants its LogManager installed; the JDK's HTTP server logs through it.
      command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    }
    command.addAll(sharedArchive());
    command.addAll(jvm);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /**
   * This JVM's class-data sharing archive, if it was started with one ({@code ./chaos} makes one
   * per build): the child runs on the same class path, so the archive maps there too and spares it
   * parsing and verifying the classes both load, most of a JVM start's CPU. An archive that does
   * not map is ignored by the JVM, silently with these log options.
   */
  static List<String> sharedArchive() {
    return sharedArchive(ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** As {@link #sharedArchive()}, for a parent started with these JVM options. */
  static List<String> sharedArchive(List<String> parentJvm) {
    for (String arg : parentJvm) {
      if (arg.startsWith("-XX:SharedArchiveFile=")) {
        return List.of(arg, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
      }
    }
    return List.of();
  }

  /**
   * The first line of {@code out} that {@code ready} accepts, within {@code timeout}; the lines
   * before it are printed. Fails with {@code what} in its message if the child ends or stays
   * silent.
   */
  static String awaitLine(
      Process child, BufferedReader out, Predicate<String> ready, Duration timeout, String what)
      throws IOException {
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (ready.test(line)) {
                    return line;
                  }
                  System.out.println(line); // the child's own output before it is ready
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    try {
      String line = first.get(timeout.toSeconds(), TimeUnit.SECONDS);
      if (line == null) {
        throw new IOException(
            what + " exited before it was ready (exit code " + child.waitFor() + ")");
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting " + what, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(what + " was not ready within " + timeout.toSeconds() + " s", e);
    }
  }

  static BufferedReader output(Process child) {
    return new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }
}
