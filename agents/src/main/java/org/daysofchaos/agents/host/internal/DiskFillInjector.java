package org.daysofchaos.agents.host.internal;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import org.daysofchaos.agents.host.DiskConfig;
import org.daysofchaos.agents.host.HostContext;
import org.daysofchaos.agents.host.HostInjector;
import org.daysofchaos.agents.host.RecordedInjection;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spi.Injection;
import org.daysofchaos.core.spi.InjectionContext;
import org.daysofchaos.core.spi.RevertRecord;
import org.daysofchaos.experiments.host.ByteSize;
import org.daysofchaos.experiments.host.DiskFill;

/**
 * {@code host/disk-fill}: writes a file of real bytes (not a sparse one, which would take no space)
 * in an allowed folder; refused when it would leave less than the disk's floor free, and stopped
 * (and removed) if others' writes bring the disk to the floor meanwhile. The revert deletes it.
 */
@AutoService(HostInjector.class)
public final class DiskFillInjector implements HostInjector<DiskFill> {
  private static final int CHUNK = 1 << 20;
  private static final String PREFIX = ".days-of-chaos-fill-";

  private final HostContext context;

  public DiskFillInjector(HostContext context) {
    this.context = context;
  }

  @Override
  public Class<DiskFill> faultType() {
    return DiskFill.class;
  }

  @Override
  public RevertRecord plannedRecord(DiskFill fault, Target target, InjectionContext injection) {
    DiskConfig disk = disk(fault);
    disk.max()
        .filter(max -> fault.size().compareTo(max) > 0)
        .ifPresent(
            max -> {
              throw context.refused(
                  DiskFill.class,
                  fault.size()
                      + " asked, its allow-list allows at most "
                      + max
                      + " on disk "
                      + fault.disk());
            });
    Path folder = Path.of(disk.path());
    long usable = usable(folder);
    if (usable - fault.size().bytes() < disk.floor().bytes()) {
      throw context.refused(
          DiskFill.class,
          "writing "
              + fault.size()
              + " on disk "
              + fault.disk()
              + " would leave "
              + ByteSize.ofBytes(Math.max(0, usable - fault.size().bytes()))
              + " free, below its floor of "
              + disk.floor());
    }
    return Records.of(
        DiskFill.class, "file", folder.resolve(PREFIX + injection.injectionId()).toString());
  }

  private DiskConfig disk(DiskFill fault) {
    return context.allowed(context.allow().disks(), "disk", fault.disk(), DiskFill.class);
  }

  @Override
  public Injection inject(DiskFill fault, Target target, InjectionContext injection)
      throws Exception {
    RevertRecord record = plannedRecord(fault, target, injection);
    Path file = Path.of(record.data().get("file"));
    long floor = disk(fault).floor().bytes();
    byte[] pattern = new byte[CHUNK];
    Arrays.fill(pattern, (byte) 0x5a); // not zeros: a compressing file system would store nothing
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long left = fault.size().bytes();
      while (left > 0) {
        if (usable(file.getParent()) - Math.min(CHUNK, left) < floor) {
          throw new IOException(
              "the disk reached its floor of " + ByteSize.ofBytes(floor) + " while filling");
        }
        ByteBuffer chunk = ByteBuffer.wrap(pattern, 0, (int) Math.min(CHUNK, left));
        while (chunk.hasRemaining()) {
          left -= out.write(chunk);
        }
      }
      out.force(false);
    }
    return new RecordedInjection(record, this);
  }

  @Override
  public void revert(RevertRecord record) throws IOException {
    Files.deleteIfExists(Path.of(record.data().get("file")));
  }

  @Override
  public Optional<String> residue(RevertRecord record) {
    Path file = Path.of(record.data().get("file"));
    return Files.exists(file)
        ? Optional.of("the fill file " + file + " is still there")
        : Optional.empty();
  }

  private static long usable(Path folder) {
    try {
      return Files.getFileStore(folder).getUsableSpace();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the free space of " + folder + ": " + e.getMessage());
    }
  }
}
