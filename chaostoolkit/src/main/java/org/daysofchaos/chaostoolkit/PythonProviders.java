package org.daysofchaos.chaostoolkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.experiments.faults.Direction;
import org.daysofchaos.experiments.faults.NetworkBandwidth;
import org.daysofchaos.experiments.faults.NetworkDown;
import org.daysofchaos.experiments.faults.NetworkLatency;
import org.daysofchaos.experiments.faults.NetworkLimitData;
import org.daysofchaos.experiments.faults.NetworkSlicer;
import org.daysofchaos.experiments.faults.NetworkSlowClose;
import org.daysofchaos.experiments.faults.NetworkTimeout;
import org.daysofchaos.experiments.kubernetes.AvailableReplicas;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.kubernetes.NodeCordon;
import org.daysofchaos.experiments.kubernetes.Partition;
import org.daysofchaos.experiments.kubernetes.PodKill;
import org.daysofchaos.experiments.kubernetes.PodSelection;
import org.daysofchaos.experiments.kubernetes.PodsReady;
import org.daysofchaos.experiments.kubernetes.RolloutRestart;
import org.daysofchaos.experiments.kubernetes.Scale;
import org.daysofchaos.experiments.kubernetes.Traffic;
import org.daysofchaos.experiments.probes.ProxyState;
import org.daysofchaos.experiments.targets.ProxyTarget;

/**
 * The Python functions that run here with no Python, each mapped to our own kinds: {@code
 * chaostoxi} toxics and proxies, the common {@code chaosk8s} actions and probes, and {@code
 * chaosprometheus.probes.query}. Any other function is refused before anything runs.
 */
public final class PythonProviders {
  /** The blast radius an imported Kubernetes fault gets: Chaos Toolkit has no such bound. */
  public static final int DEFAULT_MAX_PODS = 10;

  private static final Map<String, BiFunction<Args, Configuration, Mapped>> FUNCTIONS =
      new TreeMap<>();

  /** The experiment's resolved configuration, for the functions that read it. */
  public record Configuration(Map<String, Object> values) {}

  static {
    String toxic = "chaostoxi.toxic.actions.";
    FUNCTIONS.put(toxic + "create_latency_toxic", (a, c) -> latency(a));
    FUNCTIONS.put(toxic + "create_bandwith_degradation_toxic", (a, c) -> bandwidth(a));
    FUNCTIONS.put(toxic + "create_slow_connection_close_toxic", (a, c) -> slowClose(a));
    FUNCTIONS.put(toxic + "create_timeout_toxic", (a, c) -> timeout(a));
    FUNCTIONS.put(toxic + "create_slicer_toxic", (a, c) -> slicer(a));
    FUNCTIONS.put(toxic + "create_limiter_toxic", (a, c) -> limiter(a));
    FUNCTIONS.put(toxic + "delete_toxic", (a, c) -> undoToxic(a));
    String proxy = "chaostoxi.proxy.actions.";
    FUNCTIONS.put(proxy + "disable_proxy", (a, c) -> disable(a));
    FUNCTIONS.put(
        proxy + "enable_proxy",
        (a, c) -> new Mapped.Undo("proxy " + a.text("proxy_name"), List.of()));
    FUNCTIONS.put("chaostoxi.proxy.probes.proxy_exist", (a, c) -> proxyExists(a));
    String pod = "chaosk8s.pod.actions.";
    FUNCTIONS.put(pod + "terminate_pods", (a, c) -> terminatePods(a));
    String deployment = "chaosk8s.deployment.actions.";
    FUNCTIONS.put(deployment + "scale_deployment", (a, c) -> scale(a));
    FUNCTIONS.put(deployment + "rollout_deployment", (a, c) -> rollout(a));
    String node = "chaosk8s.node.actions.";
    FUNCTIONS.put(node + "cordon_node", (a, c) -> cordon(a, false));
    FUNCTIONS.put(node + "drain_nodes", (a, c) -> cordon(a, true));
    FUNCTIONS.put(
        node + "uncordon_node", (a, c) -> new Mapped.Undo("node " + a.text("name"), List.of()));
    String net = "chaosk8s.networking.actions.";
    FUNCTIONS.put(net + "deny_all_ingress", (a, c) -> deny(a, Traffic.INGRESS));
    FUNCTIONS.put(net + "deny_all_egress", (a, c) -> deny(a, Traffic.EGRESS));
    FUNCTIONS.put(
        net + "remove_deny_all_ingress",
        (a, c) -> new Mapped.Undo("deny " + a.ns() + " ingress", List.of()));
    FUNCTIONS.put(
        net + "remove_deny_all_egress",
        (a, c) -> new Mapped.Undo("deny " + a.ns() + " egress", List.of()));
    FUNCTIONS.put("chaosk8s.pod.probes.pods_in_phase", (a, c) -> podsReady(a));
    FUNCTIONS.put("chaosk8s.probes.microservice_available_and_healthy", (a, c) -> available(a));
    FUNCTIONS.put(
        "chaosk8s.deployment.probes.deployment_available_and_healthy", (a, c) -> available(a));
    FUNCTIONS.put("chaosprometheus.probes.query", PythonProviders::promQuery);
  }

  private PythonProviders() {}

  /** The functions that are supported, by module.func, in order. */
  public static List<String> supported() {
    return List.copyOf(FUNCTIONS.keySet());
  }

  /**
   * What {@code python} becomes here.
   *
   * @throws Unsupported with the function and the list of what is supported, or what is wrong with
   *     its arguments
   */
  public static Mapped map(Provider.Python python, Map<String, Object> configuration) {
    BiFunction<Args, Configuration, Mapped> f = FUNCTIONS.get(python.function());
    if (f == null) {
      throw new Unsupported(
          "the Python function "
              + python.function()
              + " has no equivalent here (supported: "
              + String.join(", ", supported())
              + ")");
    }
    try {
      return f.apply(
          new Args(python.function(), python.arguments()), new Configuration(configuration));
    } catch (RuntimeException e) {
      throw new Unsupported(python.function() + ": " + e.getMessage());
    }
  }

  /** A Python function that cannot run here, or not with these arguments. */
  public static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message);
    }
  }

  /** The arguments of one call, with the messages that name what is missing. */
  record Args(String function, Map<String, Object> values) {
    String text(String name) {
      Object v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException("the argument " + name + " is required");
      }
      return String.valueOf(v);
    }

    Optional<String> optional(String name) {
      return Optional.ofNullable(values.get(name)).map(String::valueOf);
    }

    long number(String name, long absent) {
      Object v = values.get(name);
      if (v == null) {
        return absent;
      }
      if (v instanceof Number n) {
        return n.longValue();
      }
      try {
        return Long.parseLong(v.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the argument " + name + " must be a number, not '" + v + "'");
      }
    }

    String ns() {
      return optional("ns").orElse("default");
    }

    Map<String, String> selector(String name) {
      Map<String, String> out = new LinkedHashMap<>();
      Object v = values.get(name);
      if (v == null) {
        return out;
      }
      for (String pair : v.toString().split(",")) {
        String[] kv = pair.split("=", 2);
        if (kv.length != 2 || kv[0].isBlank()) {
          throw new IllegalArgumentException(
              "the argument " + name + " '" + v + "' is not an equality selector (key=value,...)");
        }
        out.put(kv[0].trim().replaceAll("!$", ""), kv[1].trim());
      }
      return out;
    }
  }

  private static Target proxy(Args a) {
    String name = a.text("for_proxy");
    return new Target(name, new ProxyTarget(name));
  }

  private static List<String> toxicNotes(Args a) {
    return List.of(
        "the toxic is named after the run's injection, not '"
            + a.optional("toxic_name").orElse("")
            + "'; our revert removes it, so the rollback delete_toxic is not needed");
  }

  private static String toxicKey(Args a) {
    return "toxic " + a.text("for_proxy") + "/" + a.text("toxic_name");
  }

  /** A chaostoxi toxic: our fault of that kind on the named proxy, undone by our revert. */
  private static Mapped toxic(Args a, Function<String, FaultSpec> fault) {
    Target t = proxy(a);
    return new Mapped.Fault(fault.apply(t.name()), t, toxicKey(a), toxicNotes(a));
  }

  private static Mapped latency(Args a) {
    return toxic(
        a,
        proxy ->
            new NetworkLatency(
                proxy,
                Duration.ofMillis(a.number("latency", 0)),
                Duration.ofMillis(a.number("jitter", 0)),
                Direction.DOWNSTREAM,
                1.0));
  }

  private static Mapped bandwidth(Args a) {
    return toxic(
        a, proxy -> new NetworkBandwidth(proxy, a.number("rate", 1), Direction.DOWNSTREAM, 1.0));
  }

  private static Mapped slowClose(Args a) {
    return toxic(
        a,
        proxy ->
            new NetworkSlowClose(
                proxy, Duration.ofMillis(a.number("delay", 0)), Direction.DOWNSTREAM, 1.0));
  }

  private static Mapped timeout(Args a) {
    return toxic(
        a,
        proxy ->
            new NetworkTimeout(
                proxy, Duration.ofMillis(a.number("timeout", 0)), Direction.DOWNSTREAM, 1.0));
  }

  private static Mapped slicer(Args a) {
    return toxic(
        a,
        proxy ->
            new NetworkSlicer(
                proxy,
                a.number("average_size", 1),
                a.number("size_variation", 0),
                Duration.ofMillis(a.number("delay", 0)),
                Direction.DOWNSTREAM,
                1.0));
  }

  private static Mapped limiter(Args a) {
    return toxic(
        a,
        proxy ->
            new NetworkLimitData(proxy, a.number("bytes_limit", 1), Direction.DOWNSTREAM, 1.0));
  }

  private static Mapped undoToxic(Args a) {
    return new Mapped.Undo(toxicKey(a), List.of());
  }

  private static Mapped disable(Args a) {
    String name = a.text("proxy_name");
    return new Mapped.Fault(
        new NetworkDown(name), new Target(name, new ProxyTarget(name)), "proxy " + name, List.of());
  }

  private static Mapped proxyExists(Args a) {
    return new Mapped.Probe(
        new ProxyState(a.text("proxy_name"), "default", ProxyState.Expect.ENABLED),
        List.of("checks the proxy is there and enabled; the tolerance is not read"));
  }

  private static Mapped terminatePods(Args a) {
    Map<String, String> selector = a.selector("label_selector");
    if (selector.isEmpty()) {
      throw new IllegalArgumentException(
          "needs label_selector (name_pattern alone is not supported)");
    }
    KubernetesTarget target = KubernetesTarget.pods(a.ns(), selector);
    boolean all = Boolean.TRUE.equals(a.values().get("all"));
    long qty = a.number("qty", 1);
    int max = (int) Math.max(DEFAULT_MAX_PODS, qty);
    PodKill kill =
        all
            ? new PodKill("pods", max, PodSelection.ALL, null, null, grace(a))
            : qty == 1
                ? new PodKill("pods", max, PodSelection.ONE, null, null, grace(a))
                : new PodKill("pods", max, PodSelection.COUNT, (int) qty, null, grace(a));
    return new Mapped.Fault(
        kill,
        new Target("pods", target),
        "",
        List.of("at most " + max + " pods (maxPods): Chaos Toolkit sets no such bound"));
  }

  private static Optional<Duration> grace(Args a) {
    return a.values().containsKey("grace_period") && a.number("grace_period", -1) >= 0
        ? Optional.of(Duration.ofSeconds(a.number("grace_period", 0)))
        : Optional.empty();
  }

  private static Mapped scale(Args a) {
    String name = a.text("name");
    return new Mapped.Fault(
        new Scale(name, (int) a.number("replicas", 0), DEFAULT_MAX_PODS),
        new Target(name, KubernetesTarget.deployment(a.ns(), name)),
        "scale " + a.ns() + "/" + name,
        List.of(
            "scales down only, at most "
                + DEFAULT_MAX_PODS
                + " pods; our revert restores the replicas it found, so the rollback that scales"
                + " back is not needed"));
  }

  private static Mapped rollout(Args a) {
    String name = a.text("name");
    return new Mapped.Fault(
        new RolloutRestart(name, DEFAULT_MAX_PODS),
        new Target(name, KubernetesTarget.deployment(a.ns(), name)),
        "",
        List.of("a rollout restart of at most " + DEFAULT_MAX_PODS + " pods"));
  }

  private static Mapped cordon(Args a, boolean drain) {
    String name =
        a.optional("name")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "needs name (label_selector alone is not supported)"));
    return new Mapped.Fault(
        new NodeCordon(name, drain, drain ? DEFAULT_MAX_PODS : null),
        new Target(name, KubernetesTarget.node(name)),
        "node " + name,
        drain ? List.of("evicts at most " + DEFAULT_MAX_PODS + " pods") : List.of());
  }

  private static Mapped deny(Args a, Traffic traffic) {
    Map<String, String> selector = a.selector("label_selectors");
    return new Mapped.Fault(
        new Partition("pods", traffic, DEFAULT_MAX_PODS),
        new Target("pods", KubernetesTarget.pods(a.ns(), selector)),
        "deny " + a.ns() + " " + traffic.name().toLowerCase(java.util.Locale.ROOT),
        List.of(
            "a network policy on "
                + (selector.isEmpty() ? "every pod" : "the selected pods")
                + " of "
                + a.ns()
                + ", at most "
                + DEFAULT_MAX_PODS
                + " pods"));
  }

  private static Mapped podsReady(Args a) {
    Map<String, String> selector = a.selector("label_selector");
    String phase = a.optional("phase").orElse("Running");
    String text =
        String.join(
            ",", selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    return new Mapped.Probe(
        new PodsReady(a.ns(), text, null, Optional.empty()),
        List.of(
            "holds when every matching pod is ready (Chaos Toolkit checks the phase "
                + phase
                + ")"));
  }

  private static Mapped available(Args a) {
    return new Mapped.Probe(
        new AvailableReplicas(a.ns(), a.text("name"), null, Optional.empty()),
        List.of("holds when the deployment has its desired replicas available"));
  }

  private static Mapped promQuery(Args a, Configuration c) {
    Object base = c.values().get("prometheus_base_url");
    if (base == null) {
      throw new IllegalArgumentException("needs prometheus_base_url in the configuration");
    }
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("query", a.text("query"));
    a.optional("when").ifPresent(w -> args.put("time", w));
    String url = base.toString().replaceAll("/+$", "") + "/api/v1/query";
    return new Mapped.Native(
        new Provider.Http(
            url,
            "GET",
            Map.of(),
            args,
            Duration.ofSeconds(a.number("timeout", 30)),
            true,
            Optional.of(200)),
        List.of("asks Prometheus's HTTP API directly; 'when' must be a time Prometheus reads"));
  }
}
