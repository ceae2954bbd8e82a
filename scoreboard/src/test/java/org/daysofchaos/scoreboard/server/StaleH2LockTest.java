package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleH2LockTest {
  @TempDir Path dir;

  private Path lockFile(int port) throws Exception {
    return Files.writeString(
        dir.resolve("chaos.lock.db"),
        "#FileLock\nserver=localhost\\:" + port + "\nhostName=localhost\nmethod=file\nid=x\n");
  }

  @Test
  void removesTheLockOfAnOwnerThatIsGone() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path lock = lockFile(port);

    assertThat(StaleH2Lock.clear(dir)).hasValueSatisfying(m -> assertThat(m).contains("gone"));
    assertThat(lock).doesNotExist();
  }

  @Test
  void keepsTheLockOfALiveOwner() throws Exception {
    try (ServerSocket owner = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path lock = lockFile(owner.getLocalPort());

      assertThat(StaleH2Lock.clear(dir)).isEmpty();
      assertThat(lock).exists();
    }
  }

  @Test
  void doesNothingWithoutALockFile() {
    assertThat(StaleH2Lock.clear(dir)).isEmpty();
  }
}
