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

/**
 * A ledger in a file of JSON lines, one line per state change, forced to disk before each call
 * returns. Reading it back replays the lines; a torn last line (a crash mid-write) is ignored.
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
        restore(MAPPER.readValue(line, LedgerEntry.class));
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
  public synchronized void activate(String injectionId, Map<String, String> record, Instant at) {
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
      byte[] line = (MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
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
}
