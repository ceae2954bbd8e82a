package org.daysofchaos.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
  @Test
  void aChildMapsTheArchiveItsParentWasStartedWith() {
    assertThat(
            ChildJvm.sharedArchive(
                List.of("-XX:+UseSerialGC", "-XX:SharedArchiveFile=/opt/chaos/server.jsa")))
        .containsExactly(
            "-XX:SharedArchiveFile=/opt/chaos/server.jsa",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off");
  }

  @Test
  void aParentWithoutAnArchiveGivesItsChildNone() {
    assertThat(ChildJvm.sharedArchive(List.of("-Xmx256m", "-XX:+UseSerialGC"))).isEmpty();
  }
}
