package org.daysofchaos.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Detection;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Mode;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Recovery;
import org.daysofchaos.core.Scenario;

/** Builds scenarios in tests without YAML. */
public final class Scenarios {
  private Scenarios() {}

  public static Scenario timeBoxed(
      Duration duration,
      Duration holdFor,
      List<FaultSpec> faults,
      List<ProbeSpec> steadyState,
      List<ProbeSpec> signals) {
    return scenario(
        Mode.TIME_BOXED,
        Optional.of(duration),
        Duration.ofMinutes(20),
        holdFor,
        faults,
        steadyState,
        signals);
  }

  public static Scenario scenario(
      Mode mode,
      Optional<Duration> duration,
      Duration maxDuration,
      Duration holdFor,
      List<FaultSpec> faults,
      List<ProbeSpec> steadyState,
      List<ProbeSpec> signals) {
    return new Scenario(
        "test/scenario",
        "A test scenario",
        "",
        5,
        mode,
        duration,
        maxDuration,
        Map.of("db", TestProxy.target("db", "db"), "cache", TestProxy.target("cache", "cache")),
        faults,
        steadyState,
        new Detection(signals),
        new Recovery(holdFor, Duration.ofMinutes(2)),
        Optional.empty(),
        List.of());
  }

  /** The scenario, with these alert names under {@code detection.alerts}. */
  public static Scenario withAlerts(Scenario s, List<String> alerts) {
    return new Scenario(
        s.id(),
        s.title(),
        s.description(),
        s.weight(),
        s.mode(),
        s.duration(),
        s.maxDuration(),
        s.targets(),
        s.faults(),
        s.steadyState(),
        new Detection(s.detection().signals(), alerts),
        s.recovery(),
        s.diagnosis(),
        s.hints(),
        s.guardrails());
  }
}
