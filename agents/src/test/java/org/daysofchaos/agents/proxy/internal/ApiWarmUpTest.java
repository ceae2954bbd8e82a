package org.daysofchaos.agents.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiWarmUpTest {
  private final EventLoopGroup group = Transport.NIO.newGroup(1, "warm-up-test");

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  /** The warm-up must run the path real calls take (success answers), not the error path. */
  @Test
  void everyCallOfACycleSucceedsAndTheCycleLeavesNoToxic() {
    ProxyRegistry registry =
        new ProxyRegistry(Transport.NIO, group, group.next(), Clock.systemUTC());
    registry.create("warm-up", "127.0.0.1:0", "127.0.0.1:9", false);
    ApiWarmUp warmUp = new ApiWarmUp(group.next(), new ApiRouter(registry));

    for (String type : new String[] {"latency", "timeout", "latency"}) {
      assertThat(warmUp.cycle(type)).containsExactly(200, 200, 200, 204);
    }

    assertThat(registry.get("warm-up").toxics().isEmpty()).isTrue();
    assertThat(registry.get("warm-up").boundAddress()).isNull();
  }
}
