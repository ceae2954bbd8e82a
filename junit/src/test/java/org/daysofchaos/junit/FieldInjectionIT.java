package org.daysofchaos.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Fields and parameters are injected; a nested class shares its outer class's proxies. */
@ChaosTest
class FieldInjectionIT {
  private static final TinyHttp dependency = TinyHttp.dependency();

  static {
    System.setProperty("chaos.it.field.dependency", dependency.address());
  }

  @ChaosProxy(name = "dependency", upstream = "${chaos.it.field.dependency}")
  static FaultProxy staticProxy;

  @ChaosProxy(name = "dependency", upstream = "${chaos.it.field.dependency}")
  FaultProxy instanceProxy;

  Chaos chaos;

  @AfterAll
  static void stop() {
    dependency.close();
    System.clearProperty("chaos.it.field.dependency");
  }

  @Test
  void staticAndInstanceFieldsAreTheSameProxyOfTheInjectedChaos(
      @ChaosProxy(name = "dependency", upstream = "${chaos.it.field.dependency}")
          FaultProxy parameter)
      throws Exception {
    assertThat(instanceProxy).isSameAs(staticProxy).isSameAs(parameter);
    assertThat(chaos.proxy("dependency")).isSameAs(staticProxy);
    assertThat(staticProxy.upstream()).isEqualTo(dependency.address());
    try (Socket socket = new Socket("127.0.0.1", staticProxy.port())) {
      assertThat(socket.isConnected()).isTrue();
    }
  }

  @Nested
  class Inner {
    @Test
    void sharesTheOuterClassProxies(Chaos inner) {
      assertThat(inner).isSameAs(chaos);
      assertThat(inner.proxy("dependency")).isSameAs(staticProxy);
    }
  }
}
