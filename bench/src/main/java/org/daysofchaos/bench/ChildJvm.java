package org.daysofchaos.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A class of the bench started in a JVM of its own, with this JVM's class path: what the bench
 * measures against, or depends on, then gets CPU of its own process instead of competing with the
 * bench's threads inside one JVM. The child prints one line (its URL) when it is ready.
 */
record ChildJvm(Process process, String firstLine) implements AutoCloseable {

  static ChildJvm start(Class<?> main, List<String> jvm) throws IOException {
    return start(main, jvm, List.of());
  }

  /** As {@link #start(Class, List)}, the command run by {@code launcher} (e.g. taskset -c 1). */
  static ChildJvm start(Class<?> main, List<String> jvm, List<String> launcher) throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(List.of("-cp", classPath(), main.getName()));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      throw new IOException(main.getSimpleName() + "'s JVM ended before it was ready");
    }
    return new ChildJvm(process, line.trim());
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
  }

  /** The class path this class was loaded from: exec:java loads it in a class loader of its own. */
  private static String classPath() {
    ClassLoader loader = ChildJvm.class.getClassLoader();
    if (loader instanceof URLClassLoader urls) {
      List<String> entries = new ArrayList<>();
      for (URL url : urls.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          entries.add(url.getPath());
        }
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }
}
