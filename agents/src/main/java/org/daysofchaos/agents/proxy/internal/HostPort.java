package org.daysofchaos.agents.proxy.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Addresses written as Go writes them: {@code host:port}, {@code [v6]:port}, {@code :port} (all
 * interfaces).
 */
public final class HostPort {
  private HostPort() {}

  /** An unresolved address from {@code host:port}; an empty host means all interfaces. */
  public static InetSocketAddress parse(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.missingField(field);
    }
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw ApiException.badRequest(field + " " + value + ": missing port in address");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw ApiException.badRequest(field + " " + value + ": too many colons in address");
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field + " " + value + ": invalid port");
    }
    if (port < 0 || port > 65535) {
      throw ApiException.badRequest(field + " " + value + ": invalid port");
    }
    return host.isEmpty()
        ? new InetSocketAddress(port)
        : InetSocketAddress.createUnresolved(host, port);
  }

  /** {@code 127.0.0.1:8080}, {@code [::]:8080}: the shape Toxiproxy shows for a bound listener. */
  public static String format(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    String host;
    if (ip == null) {
      host = address.getHostString();
      if (host.indexOf(':') >= 0) {
        host = "[" + host + "]";
      }
    } else if (ip instanceof Inet6Address) {
      host = ip.isAnyLocalAddress() ? "[::]" : "[" + ip.getHostAddress() + "]";
    } else {
      host = ip.getHostAddress();
    }
    return host + ":" + address.getPort();
  }
}
