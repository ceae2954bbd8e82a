package org.daysofchaos.agents.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.daysofchaos.experiments.probes.HttpStatus;
import org.junit.jupiter.api.Test;

/**
 * An http/status probe never reaches a cloud's metadata service, and with an allow-list only the
 * hosts it names (issue 13, finding 9).
 */
class ProbeHostsTest {

  @Test
  void linkLocalAddressesAreRefusedEvenWithoutAnAllowList() {
    assertThat(ProbeHosts.anyButLinkLocal().refusal(URI.create("http://169.254.169.254/latest/")))
        .hasValueSatisfying(why -> assertThat(why).contains("link-local"));
    assertThat(ProbeHosts.anyButLinkLocal().refusal(URI.create("http://[fe80::1]:8080/")))
        .isPresent();
    assertThat(ProbeHosts.anyButLinkLocal().refusal(URI.create("http://127.0.0.1:8080/health")))
        .isEmpty();
  }

  @Test
  void anAllowListAdmitsOnlyItsHostsAndDomains() {
    ProbeHosts hosts =
        ProbeHosts.only(List.of("booking.preprod.example", "*.shop.svc", "127.0.0.1"));

    assertThat(hosts.refusal(URI.create("http://booking.preprod.example/health"))).isEmpty();
    assertThat(hosts.refusal(URI.create("http://cart.shop.svc:8080/health"))).isEmpty();
    assertThat(hosts.refusal(URI.create("http://127.0.0.1:9/"))).isEmpty();
    assertThat(hosts.refusal(URI.create("http://intranet.example/")))
        .hasValue(
            "host intranet.example is not in the environment's httpProbes.allow"
                + " (booking.preprod.example, *.shop.svc, 127.0.0.1)");
    assertThat(hosts.refusal(URI.create("http://shop.svc.evil.example/"))).isPresent();
  }

  @Test
  void aRefusedProbeIsAnErrorNotAFailedCheck() {
    HttpStatusRunner runner = HttpStatusRunner.withDefaultClient(ProbeHosts.anyButLinkLocal());
    HttpStatus metadata =
        new HttpStatus(
            "http://169.254.169.254/latest/meta-data/", 200, java.time.Duration.ofSeconds(1));

    assertThatThrownBy(() -> runner.observe(metadata))
        .hasMessageStartingWith("http/status http://169.254.169.254/latest/meta-data/ refused:");
  }
}
