package org.daysofchaos.core.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.daysofchaos.core.spi.RevertRecord;

/**
 * A ledger in a file of JSON lines, one line per state change, forced to disk before each call
 * returns. Reading it back replays the lines; a torn last line (a crash mid-write) is ignored.
 *
 * <p>A line holds the entry's fields, with the revert record's data as the flat map {@code
 * revertRecord} and its backend beside it as {@code backend}. Files written before the backend was
 * recorded lack that field; {@link #legacyBackend} derives it once, when such a line is read.
 */
public final class FileLedger extends InMemoryLedger implements AutoCloseable {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final FileChannel channel;

  private FileLedger(Path file) throws IOException {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (Files.exists(file)) {
      replay(Files.readAllLines(file, StandardCharsets.UTF_8));
    }
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Opens (or creates) the ledger file and replays what it holds. */
  public static FileLedger open(Path file) throws IOException {
    return new FileLedger(file);
  }

  public Path file() {
    return file;
  }

  private void replay(List<String> lines) {
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        restore(MAPPER.readValue(line, Line.class).entry());
      } catch (IOException e) {
        // Only the last line can be torn by a crash; earlier lines were forced to disk whole.
      }
    }
  }

  @Override
  public synchronized void intend(LedgerEntry entry) {
    super.intend(entry);
    persist(entry.injectionId());
  }

  @Override
  public synchronized void activate(String injectionId, RevertRecord record, Instant at) {
    super.activate(injectionId, record, at);
    persist(injectionId);
  }

  @Override
  public synchronized void close(String injectionId, LedgerEntry.State finalState, Instant at) {
    super.close(injectionId, finalState, at);
    persist(injectionId);
  }

  private void persist(String injectionId) {
    LedgerEntry entry =
        all().stream().filter(e -> e.injectionId().equals(injectionId)).findFirst().orElseThrow();
    try {
      byte[] line =
          (MAPPER.writeValueAsString(Line.of(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the injection ledger " + file, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  /**
   * The backend of a revert record written before records named their backend: the one place that
   * still tells the backends apart by their keys, for old files only. The three backends of that
   * time each wrote one key the others did not.
   */
  static String legacyBackend(Map<String, String> data) {
    if (data.isEmpty()) {
      return "";
    }
    if (data.containsKey("kubernetes")) {
      return "kubernetes";
    }
    if (data.containsKey("proxy")) {
      return "toxiproxy";
    }
    if (data.containsKey("pid")) {
      return "process";
    }
    // No reverter has this name: reverting the entry then fails with the record, as it did before.
    return "unknown";
  }

  /** One line of the file. */
  record Line(
      String injectionId,
      String runId,
      String scenarioId,
      String kind,
      String target,
      String description,
      LedgerEntry.State state,
      String backend,
      Map<String, String> revertRecord,
      Instant expiresAt,
      Instant updatedAt) {

    static Line of(LedgerEntry e) {
      return new Line(
          e.injectionId(),
          e.runId(),
          e.scenarioId(),
          e.kind(),
          e.target(),
          e.description(),
          e.state(),
          e.backend(),
          e.revertRecord().data(),
          e.expiresAt(),
          e.updatedAt());
    }

    LedgerEntry entry() {
      Map<String, String> data = revertRecord == null ? Map.of() : revertRecord;
      return new LedgerEntry(
          injectionId,
          runId,
          scenarioId,
          kind,
          target,
          description,
          state,
          new RevertRecord(backend == null ? legacyBackend(data) : backend, data),
          expiresAt,
          updatedAt);
    }
  }
}
