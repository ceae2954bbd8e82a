package org.daysofchaos.agents.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts an {@code http/status} probe may reach. A probe is a GET that a scenario author
 * chooses; on a shared network it must not become a way to read a cloud's metadata service or to
 * scan the network. Link-local addresses (169.254.0.0/16, fe80::/10, which hold the instance
 * metadata services) are refused always, after name resolution, so a DNS name cannot lead there.
 * With an allow-list (the environment file's {@code httpProbes.allow}), only hosts it names: exact
 * names or addresses, or {@code *.suffix} for every name under a domain.
 */
public final class ProbeHosts {
  private final Optional<List<String>> allowed;

  private ProbeHosts(Optional<List<String>> allowed) {
    this.allowed = allowed.map(list -> list.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
  }

  /** Any host but link-local ones: the default without an environment's allow-list. */
  public static ProbeHosts anyButLinkLocal() {
    return new ProbeHosts(Optional.empty());
  }

  /** Only these hosts ({@code name}, {@code address}, {@code *.domain}), never link-local ones. */
  public static ProbeHosts only(List<String> hosts) {
    return new ProbeHosts(Optional.of(List.copyOf(hosts)));
  }

  /** Why a URL may not be probed, or empty when it may. */
  public Optional<String> refusal(URI url) {
    String host = url.getHost();
    if (host == null) {
      return Optional.of("the URL " + url + " has no host");
    }
    String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
    if (allowed.isPresent() && allowed.get().stream().noneMatch(a -> matches(a, name))) {
      return Optional.of(
          "host "
              + name
              + " is not in the environment's httpProbes.allow ("
              + String.join(", ", allowed.get())
              + ")");
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(name)) {
        if (address.isLinkLocalAddress()) {
          return Optional.of(
              "host "
                  + name
                  + " is a link-local address ("
                  + address.getHostAddress()
                  + "), where cloud metadata services answer; probes never go there");
        }
      }
    } catch (UnknownHostException e) {
      return Optional.empty(); // the probe itself says it cannot connect
    }
    return Optional.empty();
  }

  private static boolean matches(String allowed, String host) {
    return allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : allowed.equals(host);
  }
}
