package org.daysofchaos.core;

import java.util.List;

/**
 * How monitoring notices the failure: the first of its signals to hold after the injection, or the
 * first of its alerts to arrive at the scoreboard's Alertmanager webhook, is the moment of
 * detection.
 *
 * @param signals probes the run loop polls; the first one to hold counts
 * @param alerts Prometheus alert names ({@code alertname} label) that count when Alertmanager
 *     pushes one of them as firing while the incident runs
 * @param services the services where the failure shows; a team's detection claim must name one of
 *     them or the answer key's component
 */
public record Detection(List<ProbeSpec> signals, List<String> alerts, List<String> services) {
  public Detection {
    signals = List.copyOf(signals);
    alerts = List.copyOf(alerts);
    services = List.copyOf(services);
  }

  /** Detection by probes and alerts, with no service named for the teams' claims. */
  public Detection(List<ProbeSpec> signals, List<String> alerts) {
    this(signals, alerts, List.of());
  }

  /** Detection by probes only, as before alerts existed. */
  public Detection(List<ProbeSpec> signals) {
    this(signals, List.of(), List.of());
  }

  public static Detection none() {
    return new Detection(List.of(), List.of(), List.of());
  }

  /** True when no monitoring signal or alert can detect the failure: only team claims can. */
  public boolean isEmpty() {
    return signals.isEmpty() && alerts.isEmpty();
  }
}
