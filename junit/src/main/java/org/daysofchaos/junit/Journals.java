package org.daysofchaos.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.daysofchaos.core.journal.JournalJson;
import org.daysofchaos.core.journal.RunResult;

/**
 * Journals of scenario runs, as {@code chaos run --journal-json} writes them, one file per run, so
 * that {@code chaos report --journals target/chaos-journals/*.json} reports CI runs as it reports a
 * game day.
 */
final class Journals {
  private Journals() {}

  /** Writes the journal as {@code DIR/<scenario>--<test>--<run id>.json}. */
  static Path write(RunResult result, Path directory, String testName) throws IOException {
    Files.createDirectories(directory);
    String name =
        safe(result.scenarioId()) + "--" + safe(testName) + "--" + safe(result.runId()) + ".json";
    Path file = directory.resolve(name);
    JournalJson.write(result, file);
    return file;
  }

  /** A file name from any text: letters, digits, {@code .}, {@code -} and {@code _} only. */
  static String safe(String text) {
    String cleaned = text.replaceAll("[^A-Za-z0-9._-]+", "_");
    return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
  }
}
