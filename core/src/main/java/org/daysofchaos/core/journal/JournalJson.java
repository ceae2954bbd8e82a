package org.daysofchaos.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The journal as JSON: instants in ISO-8601 UTC, durations in ISO-8601 ({@code PT1.203S}). Version
 * 1 of the format; fields are only ever added.
 */
public final class JournalJson {
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new Jdk8Module())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private JournalJson() {}

  /** The envelope written to files: {@code {"format": 1, "run": {...}}}. */
  public record Document(int format, RunResult run) {}

  public static void write(RunResult result, OutputStream out) throws IOException {
    MAPPER.writeValue(out, new Document(FORMAT_VERSION, result));
  }

  public static void write(RunResult result, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      write(result, out);
    }
  }

  public static String toJson(RunResult result) {
    try {
      return MAPPER.writeValueAsString(new Document(FORMAT_VERSION, result));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a journal as JSON", e);
    }
  }

  public static Document read(Path file) throws IOException {
    return MAPPER.readValue(file.toFile(), Document.class);
  }
}
