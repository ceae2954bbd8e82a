package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.daysofchaos.agents.host.FileConfig;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.host.FileAction;
import org.daysofchaos.experiments.host.FileChange;

/**
 * {@code host/file-change}: replaces, appends to or deletes an allowed file. Its exact bytes are
 * copied into the agent's folder (after the ledger, before the change); the revert writes them back
 * in place and restores mode and owner, then drops the copy, so a revert interrupted half-way is
 * done again whole. The record keeps the digest, mode and owner to check the revert.
 */
@AutoService(HostInjector.class)
public final class FileChangeInjector implements HostInjector<FileChange> {
  private final HostContext context;

  public FileChangeInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<FileChange> faultType() {
    return FileChange.class;
  }

  @Override
  public RevertRecord plannedRecord(FileChange fault, Target target, InjectionContext injection) {
    FileConfig config =
        context.allowed(context.allow().files(), "file", fault.file(), FileChange.class);
    Path file = Path.of(config.path());
    Path copy = context.state().resolve("files").resolve(injection.injectionId());
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      if (fault.action() == FileAction.DELETE) {
        throw new IllegalStateException("file " + fault.file() + " (" + file + ") does not exist");
      }
      return Records.of(FileChange.class, "path", file.toString(), "existed", "false");
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw context.refused(FileChange.class, file + " is not a regular file");
    }
    try {
      return Records.of(
          FileChange.class,
          "path",
          file.toString(),
          "existed",
          "true",
          "copy",
          copy.toString(),
          "sha256",
          sha256(Files.readAllBytes(file)),
          "mode",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
          "uid",
          Files.getAttribute(file, "unix:uid").toString(),
          "gid",
          Files.getAttribute(file, "unix:gid").toString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
    }
  }

  @Override
  public Injection inject(FileChange fault, Target target, InjectionContext injection)
      throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    Path file = Path.of(record.data().get("path"));
    if (existed(record)) {
      Path copy = Path.of(record.data().get("copy"));
      Files.createDirectories(copy.getParent());
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      force(copy);
    }
    byte[] content = fault.content().getBytes(StandardCharsets.UTF_8);
    switch (fault.action()) {
      case REPLACE -> Files.write(file, content); // in place: inode, mode and owner stay
      case APPEND ->
          Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      case DELETE -> Files.delete(file);
    }
    return new RecordedInjection(record, this);
  }

  @Override
  public void revert(RevertRecord record) throws IOException {
    Path file = Path.of(record.data().get("path"));
    if (!existed(record)) {
      Files.deleteIfExists(file);
      return;
    }
    Path copy = Path.of(record.data().get("copy"));
    if (!Files.exists(copy)) {
      return; // never changed, or already restored: the copy goes last
    }
    Files.write(file, Files.readAllBytes(copy));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(record.data().get("mode")));
    int uid = Integer.parseInt(record.data().get("uid"));
    int gid = Integer.parseInt(record.data().get("gid"));
    if (!Files.getAttribute(file, "unix:uid").equals(uid)) {
      Files.setAttribute(file, "unix:uid", uid);
    }
    if (!Files.getAttribute(file, "unix:gid").equals(gid)) {
      Files.setAttribute(file, "unix:gid", gid);
    }
    force(file);
    Files.delete(copy);
  }

  @Override
  public Optional<String> residue(RevertRecord record) throws IOException {
    Path file = Path.of(record.data().get("path"));
    if (!existed(record)) {
      return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          ? Optional.of(file + " exists, it did not before")
          : Optional.empty();
    }
    if (!Files.exists(file)) {
      return Optional.of(file + " is missing");
    }
    if (!sha256(Files.readAllBytes(file)).equals(record.data().get("sha256"))) {
      return Optional.of(file + " does not hold its previous bytes");
    }
    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    if (!mode.equals(record.data().get("mode"))) {
      return Optional.of(file + " has mode " + mode + ", not " + record.data().get("mode"));
    }
    String owner =
        Files.getAttribute(file, "unix:uid") + ":" + Files.getAttribute(file, "unix:gid");
    String was = record.data().get("uid") + ":" + record.data().get("gid");
    return owner.equals(was)
        ? Optional.empty()
        : Optional.of(file + " is owned by " + owner + ", not " + was);
  }

  private static boolean existed(RevertRecord record) {
    return Boolean.parseBoolean(record.data().get("existed"));
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
