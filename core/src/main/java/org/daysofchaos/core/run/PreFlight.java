package org.daysofchaos.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Guardrail;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Scenario;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spi.AlertWatch;
import org.daysofchaos.core.spi.FiringAlert;
import org.daysofchaos.core.spi.Injectors;
import org.daysofchaos.core.spi.Observation;
import org.daysofchaos.core.spi.ProbeRunner;
import org.daysofchaos.core.spi.ProbeRunners;

/**
 * The live pre-flight of a scenario, before the day: every target exists, is allowed and is in its
 * normal state (its injector's dry run); every steady-state probe and guardrail answers and holds
 * now; every detection signal answers and does not hold yet (a signal that already holds would
 * detect the incident before it starts). Nothing is changed. Each check is one item of a checklist
 * a game master reads.
 */
public final class PreFlight {
  /** One line of the checklist. */
  public record Item(String scenario, String what, boolean ok, String detail) {
    public String describe() {
      return (ok ? "[ok]   " : "[FAIL] ") + scenario + ": " + what + ": " + detail;
    }
  }

  private PreFlight() {}

  /** Every item of one scenario, targets first, then its probes in the order of the file. */
  public static List<Item> check(Scenario scenario, Injectors injectors, ProbeRunners probes) {
    return check(scenario, injectors, probes, List.of());
  }

  /**
   * Every item of one scenario, targets first, then its probes in the order of the file, then its
   * {@code detection.alerts} on each alert source: it answers, and none of them fires already (an
   * alert active before the injection never counts, so it could not detect the incident).
   */
  public static List<Item> check(
      Scenario scenario, Injectors injectors, ProbeRunners probes, List<AlertWatch> alerts) {
    List<Item> items = checkTargetsAndProbes(scenario, injectors, probes);
    List<String> names = scenario.detection().alerts();
    if (!names.isEmpty()) {
      for (AlertWatch watch : alerts) {
        items.add(alerts(scenario.id(), names, watch));
      }
    }
    return items;
  }

  private static Item alerts(String id, List<String> names, AlertWatch watch) {
    String what = "detection alerts " + String.join(", ", names) + " on " + watch.describe();
    List<FiringAlert> firing;
    try {
      firing = watch.firing(names);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Item(id, what, false, "interrupted");
    } catch (Exception e) {
      return new Item(id, what, false, "does not answer: " + message(e));
    }
    if (firing.isEmpty()) {
      return new Item(id, what, true, "answers, none fires now");
    }
    return new Item(
        id,
        what,
        false,
        String.join(", ", firing.stream().map(FiringAlert::alertname).distinct().toList())
            + " fires already (active since "
            + firing.get(0).activeAt()
            + "); an alert active before the injection does not count, so it could not detect"
            + " the incident");
  }

  private static List<Item> checkTargetsAndProbes(
      Scenario scenario, Injectors injectors, ProbeRunners probes) {
    List<Item> items = new ArrayList<>();
    String id = scenario.id();
    for (TargetCheck.State state : TargetCheck.check(scenario, injectors)) {
      items.add(
          new Item(
              id,
              "target " + state.target().name(),
              state.ok(),
              state.ok() ? state.text() : "refused: " + state.text()));
    }
    for (ProbeSpec probe : scenario.steadyState()) {
      items.add(expect(id, "steady state " + describe(probe), probe, probes, true));
    }
    for (Guardrail guardrail : scenario.guardrails()) {
      items.add(expect(id, "guardrail " + guardrail.name(), guardrail.holds(), probes, true));
    }
    for (ProbeSpec signal : scenario.detection().signals()) {
      items.add(expect(id, "detection signal " + describe(signal), signal, probes, false));
    }
    return items;
  }

  private static String describe(ProbeSpec probe) {
    return KindCatalog.kindOf(probe) + " " + probe.describe();
  }

  private static <P extends ProbeSpec> Item expect(
      String id, String what, P probe, ProbeRunners probes, boolean shouldHold) {
    Optional<ProbeRunner<P>> runner = probes.forProbe(probe);
    if (runner.isEmpty()) {
      return new Item(id, what, false, "no runner is configured for " + KindCatalog.kindOf(probe));
    }
    Observation seen;
    try {
      seen = runner.get().observe(probe);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Item(id, what, false, "interrupted");
    } catch (Exception e) {
      return new Item(id, what, false, "does not answer: " + message(e));
    }
    if (seen.holds() == shouldHold) {
      return new Item(
          id, what, true, (shouldHold ? "holds now" : "answers, not raised now") + detail(seen));
    }
    return new Item(
        id,
        what,
        false,
        (shouldHold
                ? "does not hold now, so the incident would abort at its gate"
                : "already holds before any fault, so detection would be immediate")
            + detail(seen));
  }

  private static String detail(Observation seen) {
    return seen.detail() == null || seen.detail().isBlank() ? "" : " (" + seen.detail() + ")";
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
