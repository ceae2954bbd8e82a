package org.daysofchaos.core.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.daysofchaos.core.Detection;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spec.YamlEnum;

/**
 * What a scenario would do, in plain text, without touching anything: the {@code validate} command
 * prints it for a valid file.
 *
 * <pre>
 * demo/payment-latency: Payments are slow (weight 6, time-boxed)
 *   inject network/latency on payment-link (proxy payment): latency 800ms ±100ms (downstream) for 30s (max 5m)
 *   steady state, all must hold:
 *     - metric/threshold: booking_request_seconds{quantile="0.99"} &lt; 0.5
 *   detected when any holds:
 *     - metric/threshold: booking_request_seconds{quantile="0.99"} &gt; 0.5
 *   detected when Alertmanager sends any of the alerts: BookingLatencyHigh
 *   recovered when the steady state holds for 5s, at most 1m after the fault ends
 *   answer key: component payment, fault latency
 *   hints: after 2m, after 5m
 * </pre>
 */
public final class DryRun {
  private DryRun() {}

  /** The dry run of several scenarios, separated by blank lines. */
  public static String describe(List<Scenario> scenarios) {
    return scenarios.stream().map(DryRun::describe).collect(Collectors.joining("\n"));
  }

  /** The dry run of one scenario; every line ends with a newline. */
  public static String describe(Scenario scenario) {
    StringBuilder sb = new StringBuilder();
    sb.append(scenario.id())
        .append(": ")
        .append(scenario.title())
        .append(" (weight ")
        .append(scenario.weight())
        .append(", ")
        .append(YamlEnum.name(scenario.mode()))
        .append(")\n");
    for (FaultSpec fault : scenario.faults()) {
      sb.append("  ").append(inject(scenario, fault)).append('\n');
    }
    sb.append("  steady state, all must hold:\n");
    probes(sb, scenario.steadyState());
    detection(sb, scenario.detection());
    recoveryAndAnswer(sb, scenario);
    guardrails(sb, scenario.guardrails());
    return sb.toString();
  }

  private static void detection(StringBuilder sb, Detection detection) {
    if (detection.isEmpty()) {
      sb.append("  detected only by the teams' claims (no monitoring signal)\n");
    }
    if (!detection.signals().isEmpty()) {
      sb.append("  detected when any holds:\n");
      probes(sb, detection.signals());
    }
    if (!detection.alerts().isEmpty()) {
      sb.append("  detected when Alertmanager sends any of the alerts: ")
          .append(String.join(", ", detection.alerts()))
          .append('\n');
    }
  }

  /** Recovery, the answer key and the hints. */
  private static void recoveryAndAnswer(StringBuilder sb, Scenario scenario) {
    sb.append("  recovered when the steady state holds for ")
        .append(Durations.format(scenario.recovery().holdFor()))
        .append(", at most ")
        .append(Durations.format(scenario.recovery().within()))
        .append(" after the fault ends\n");
    scenario
        .diagnosis()
        .ifPresent(
            d ->
                sb.append("  answer key: component ")
                    .append(d.component())
                    .append(", fault ")
                    .append(d.fault())
                    .append('\n'));
    if (!scenario.hints().isEmpty()) {
      sb.append("  hints: ")
          .append(
              scenario.hints().stream()
                  .map(h -> "after " + Durations.format(h.after()))
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
  }

  private static void guardrails(StringBuilder sb, List<Guardrail> guardrails) {
    if (guardrails.isEmpty()) {
      return;
    }
    sb.append("  aborted (faults reverted) when a guardrail fails:\n");
    for (Guardrail g : guardrails) {
      sb.append("    - ")
          .append(g.name())
          .append(": ")
          .append(KindCatalog.kindOf(g.holds()))
          .append(": ")
          .append(g.holds().describe())
          .append(g.abortAfter().isZero() ? "" : ", for " + Durations.format(g.abortAfter()))
          .append('\n');
    }
  }

  /**
   * One fault: "inject network/latency on payment-link (proxy payment): latency 800ms ±100ms
   * (downstream) for 30s (max 5m)".
   */
  public static String inject(Scenario scenario, FaultSpec fault) {
    Target target = scenario.targets().get(fault.target());
    String on =
        target == null
            ? fault.target() + " (unknown target)"
            : fault.target() + " (" + target.describe() + ")";
    return "inject "
        + KindCatalog.kindOf(fault)
        + " on "
        + on
        + ": "
        + fault.describe()
        + " "
        + timing(scenario);
  }

  private static String timing(Scenario scenario) {
    String max = Durations.format(scenario.maxDuration());
    if (scenario.mode() == Mode.UNTIL_FIXED) {
      return "until fixed (max " + max + ")";
    }
    if (scenario.duration().isEmpty()) {
      return "for " + max + " (maxDuration)";
    }
    return "for " + Durations.format(scenario.faultDeadline()) + " (max " + max + ")";
  }

  private static void probes(StringBuilder sb, List<ProbeSpec> probes) {
    for (ProbeSpec probe : probes) {
      sb.append("    - ")
          .append(KindCatalog.kindOf(probe))
          .append(": ")
          .append(probe.describe())
          .append('\n');
    }
  }
}
