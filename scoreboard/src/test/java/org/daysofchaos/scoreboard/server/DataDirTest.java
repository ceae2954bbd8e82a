package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {
  @TempDir Path dir;

  @Test
  void aNewDataDirectoryIsTheServersUsersAlone() throws Exception {
    Path data = dir.resolve("a/b/data");

    assertThat(DataDir.prepare(data)).isEmpty();

    assertThat(mode(data)).isEqualTo("rwx------");
  }

  @Test
  void anExistingOneIsTightenedAndItsAutoServerLockFileRemoved() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path database = Files.writeString(data.resolve(DataDir.DATABASE), "");
    Path log = Files.createDirectories(data.resolve("transactions/ShadowNoFileLockStore"));
    Path entry = Files.writeString(log.resolve("entry"), "");
    Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
    Path lock = Files.writeString(data.resolve(DataDir.LEGACY_LOCK), "server=10.0.0.5\\:40000\n");

    assertThat(DataDir.prepare(data)).isEmpty();

    assertThat(mode(data)).isEqualTo("rwx------");
    assertThat(mode(log)).isEqualTo("rwx------");
    assertThat(mode(database)).isEqualTo("rw-------");
    assertThat(mode(entry)).isEqualTo("rw-------");
    assertThat(lock).doesNotExist();
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
