package org.daysofchaos.scoreboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where the demo's host agent connects: the server's own listener, over loopback only. */
class DemoHostTest {
  @Test
  void aServerOnEveryInterfaceOrOnLoopbackIsReachedOverLoopback() {
    assertThat(DemoHost.loopback("0.0.0.0", 8080)).contains(URI.create("http://127.0.0.1:8080/"));
    assertThat(DemoHost.loopback("127.0.0.1", 8080)).contains(URI.create("http://127.0.0.1:8080/"));
    assertThat(DemoHost.loopback("localhost", 8080)).contains(URI.create("http://127.0.0.1:8080/"));
    assertThat(DemoHost.loopback("::1", 8080)).contains(URI.create("http://[::1]:8080/"));
  }

  @Test
  void aServerOnAnotherAddressOnlyIsNotReached() {
    assertThat(DemoHost.loopback("10.0.0.5", 8080)).isEmpty();
    assertThat(DemoHost.loopback("chaos.example.org", 8080)).isEmpty();
  }
}
