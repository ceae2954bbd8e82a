package org.daysofchaos.agents.environment;

import java.util.List;
import java.util.regex.Pattern;
import org.daysofchaos.agents.http.ProbeHosts;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.SpecException;

/** The hosts {@code http/status} probes may reach, and no others. */
public record HttpProbesConfig(
    @Doc(
            "Host names or addresses probes may reach; '*.domain' for every name under a domain."
                + " Link-local addresses (cloud metadata services) are refused whatever this says.")
        List<String> allow) {

  private static final Pattern HOST = Pattern.compile("(\\*\\.)?[A-Za-z0-9:._-]+");

  public HttpProbesConfig {
    if (allow.isEmpty()) {
      throw new SpecException("allow", "name at least one host, or leave httpProbes out");
    }
    for (String host : allow) {
      if (!HOST.matcher(host).matches()) {
        throw new SpecException(
            "allow", "'" + host + "' is not a host name, an address or *.domain");
      }
    }
    allow = List.copyOf(allow);
  }

  public ProbeHosts hosts() {
    return ProbeHosts.only(allow);
  }
}
