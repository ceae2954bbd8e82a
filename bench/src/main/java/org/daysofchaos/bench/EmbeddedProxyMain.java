package org.daysofchaos.bench;

import java.io.IOException;
import org.daysofchaos.agents.proxy.EmbeddedToxiproxy;

/**
 * The embedded proxy in a JVM of its own, for {@link ProxyBench}: a real Toxiproxy is a process of
 * its own too, so both pay for their own garbage collection and JIT, and neither for the load
 * generator's. Prints the API's URL on the first line of its output; stops when its input ends (the
 * bench closes it, or dies).
 */
public final class EmbeddedProxyMain {
  private EmbeddedProxyMain() {}

  public static void main(String[] args) throws IOException {
    try (EmbeddedToxiproxy toxiproxy = EmbeddedToxiproxy.start()) {
      System.out.println(toxiproxy.apiUrl());
      System.out.flush();
      while (System.in.read() >= 0) {
        // Wait for the end of the input.
      }
    }
  }
}
