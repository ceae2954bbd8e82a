package org.daysofchaos.scoreboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The JVM command line of the {@code ./chaos} launcher, for tests that start the packaged jar: the
 * same collector and heap bound for {@code serve}, the quick compiler alone for short commands, and
 * the launcher's class-data sharing archive. Tests then start what users start, and each of the
 * suite's many JVM starts costs a third to a half less CPU (docs/server.md, "Start-up"), which the
 * suite's time on a 2-core machine is mostly made of.
 *
 * <p>The archive is made once per jar, by one training start of the server as {@code ./chaos} does,
 * and kept next to the jar until the jar changes. Making it can fail (a JDK without its default
 * archive); the tests then run without it, only slower. {@code -Dchaos.test.cds=false} turns it
 * off.
 */
public final class ChaosJvm {
  private static final Map<Path, Optional<Path>> ARCHIVES = new ConcurrentHashMap<>();

  private ChaosJvm() {}

  /**
   * {@code java}, the launcher's options for this command, then {@code extraJvm} (which can
   * override them), {@code -jar jar} and the command's arguments.
   */
  public static List<String> command(Path jar, List<String> extraJvm, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    archive(jar)
        .ifPresent(
            a ->
                command.addAll(
                    List.of(
                        "-XX:SharedArchiveFile=" + a, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
    boolean serve = !args.isEmpty() && args.get(0).equals("serve");
    command.addAll(
        serve ? List.of("-XX:+UseSerialGC", "-Xmx512m") : List.of("-XX:TieredStopAtLevel=1"));
    command.addAll(extraJvm);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(args);
    return command;
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Optional<Path> archive(Path jar) {
    // The PostgreSQL build cannot make its training start without a database; few tests start it.
    if (!Boolean.parseBoolean(System.getProperty("chaos.test.cds", "true"))
        || jar.getFileName().toString().endsWith("-pg-runner.jar")) {
      return Optional.empty();
    }
    return ARCHIVES.computeIfAbsent(jar.toAbsolutePath().normalize(), ChaosJvm::makeArchive);
  }

  private static Optional<Path> makeArchive(Path jar) {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path archive = jar.resolveSibling(name + ".test.jsa");
    try {
      if (Files.exists(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
        return Optional.of(archive);
      }
      return train(jar, archive) ? Optional.of(archive) : Optional.empty();
    } catch (IOException e) {
      System.out.println("no class-data sharing archive for " + jar + ": " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * One start of the server with the demo, as {@code ./chaos} trains it, that exits once it serves,
   * on a throw-away data directory and ports of the system's choice.
   */
  private static boolean train(Path jar, Path archive) throws IOException, InterruptedException {
    Path training = Files.createTempDirectory("chaos-cds");
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    Process p =
        new ProcessBuilder(
                java(),
                "-XX:ArchiveClassesAtExit=" + partial,
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-Dchaos.startup.exit-when-serving=true",
                "-Dchaos.recovery.early=false",
                "-Dchaos.demo.proxy-port=0",
                "-Dchaos.demo.ops-port=0",
                "-jar",
                jar.toString(),
                "serve",
                "--demo",
                "--data-dir",
                training.resolve("data").toString(),
                "--port",
                "0")
            .directory(training.toFile())
            .redirectErrorStream(true)
            .redirectOutput(training.resolve("training.log").toFile())
            .start();
    boolean ended = p.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    if (ended && p.exitValue() == 0 && Files.exists(partial) && Files.size(partial) > 0) {
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
    Files.deleteIfExists(partial);
    System.out.println("no class-data sharing archive for " + jar + ": see " + training);
    return false;
  }
}
