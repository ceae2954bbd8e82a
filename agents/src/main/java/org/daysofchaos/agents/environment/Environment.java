package org.daysofchaos.agents.environment;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.agents.http.ProbeHosts;

/**
 * What a game day may touch and read, each by name: the allow-list of a pre-production; {@code
 * agents} names the host agents its scenarios may target (each host's own allow-list says what the
 * agent may touch there). Maps keep the order of the file. {@code base} is the folder that relative
 * paths (kubeconfigs, secret files, CA files) are resolved against. {@code parameters} are the
 * values this pre-production gives to the {@code parameters:} of scenarios (its namespace, service
 * names, labels).
 */
public record Environment(
    Path base,
    Map<String, ToxiproxyConfig> toxiproxy,
    Map<String, KubernetesClusterConfig> kubernetes,
    Map<String, PrometheusConfig> prometheus,
    Map<String, AlertmanagerConfig> alertmanager,
    Map<String, ProcessConfig> processes,
    List<URI> metrics,
    Optional<HttpProbesConfig> httpProbes,
    List<String> agents,
    Map<String, String> parameters) {

  public Environment {
    toxiproxy = copy(toxiproxy);
    kubernetes = copy(kubernetes);
    prometheus = copy(prometheus);
    alertmanager = copy(alertmanager);
    processes = copy(processes);
    metrics = List.copyOf(metrics);
    httpProbes = httpProbes == null ? Optional.empty() : httpProbes;
    agents = agents == null ? List.of() : List.copyOf(agents);
    parameters = copy(parameters);
  }

  /** An environment with nothing in it: only what command-line flags and the demo add. */
  public static Environment empty(Path base) {
    return new Environment(
        base,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        Optional.empty(),
        List.of(),
        Map.of());
  }

  /** Whether the file names nothing at all. */
  public boolean isEmpty() {
    return toxiproxy.isEmpty()
        && kubernetes.isEmpty()
        && prometheus.isEmpty()
        && alertmanager.isEmpty()
        && processes.isEmpty()
        && metrics.isEmpty()
        && agents.isEmpty();
  }

  /** The hosts http/status probes may reach: the allow-list, or any host but link-local ones. */
  public ProbeHosts probeHosts() {
    return httpProbes.map(HttpProbesConfig::hosts).orElse(ProbeHosts.anyButLinkLocal());
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
