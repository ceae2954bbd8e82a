package org.daysofchaos.agents.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataWarmUpTest {
  private final Transport transport = Transport.best();
  private final EventLoopGroup group = transport.newGroup(2, "data-warm-up-test");
  private final EventLoopGroup adminGroup = transport.newGroup(1, "data-warm-up-admin");
  private final EventLoop admin = adminGroup.next();
  private final ProxyRegistry registry =
      new ProxyRegistry(transport, group, admin, Clock.systemUTC());
  private final DataWarmUp warmUp =
      new DataWarmUp(
          transport, group, admin, registry, new ApiWarmUp(admin, new ApiRouter(registry)));

  @AfterEach
  void stop() {
    adminGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * A cycle throws unless each toxic did what it says on a real connection: the held echo arrives
   * only after the removal, reset_peer and timeout end their connections.
   */
  @Test
  void eachCycleRunsTheToxicsOnRealConnectionsAndLeavesNoToxic() throws Exception {
    Channel echo = warmUp.bindEcho();
    int port = warmUp.openProxy((InetSocketAddress) echo.localAddress());

    for (int i = 0; i < 3; i++) {
      warmUp.cycle(port);
    }

    assertThat(admin.submit(() -> registry.get("warm-up-data").toxics().isEmpty()).get()).isTrue();
    echo.close().syncUninterruptibly();
  }

  @Test
  void itsProxyIsGoneWhenItEnds() throws Exception {
    Channel echo = warmUp.bindEcho();
    warmUp.openProxy((InetSocketAddress) echo.localAddress());

    warmUp.closeProxy();

    assertThat(admin.submit(() -> registry.all().size()).get()).isZero();
    echo.close().syncUninterruptibly();
  }
}
