package org.daysofchaos.agents.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HostPortTest {
  @Test
  void parsesHostAndPortWithoutResolving() {
    InetSocketAddress address = HostPort.parse("db.internal:5432", "upstream");

    assertThat(address.isUnresolved()).isTrue();
    assertThat(address.getHostString()).isEqualTo("db.internal");
    assertThat(address.getPort()).isEqualTo(5432);
  }

  @Test
  void parsesBracketedIpv6AndAnEmptyHost() {
    assertThat(HostPort.parse("[::1]:80", "listen").getHostString()).isEqualTo("::1");
    assertThat(HostPort.parse(":8080", "listen").getAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void refusesMalformedAddresses() {
    assertThatThrownBy(() -> HostPort.parse("nohost", "listen"))
        .hasMessageContaining("missing port");
    assertThatThrownBy(() -> HostPort.parse("h:99999", "listen"))
        .hasMessageContaining("invalid port");
    assertThatThrownBy(() -> HostPort.parse("::1:80", "listen"))
        .hasMessageContaining("too many colons");
    assertThatThrownBy(() -> HostPort.parse("", "upstream"))
        .hasMessageContaining("missing required field");
  }

  @Test
  void formatsAsGoDoes() throws Exception {
    assertThat(HostPort.format(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8474)))
        .isEqualTo("127.0.0.1:8474");
    assertThat(HostPort.format(new InetSocketAddress(InetAddress.getByName("::"), 8474)))
        .isEqualTo("[::]:8474");
  }
}
