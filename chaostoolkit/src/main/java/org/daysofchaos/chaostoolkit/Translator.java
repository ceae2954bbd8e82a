package org.daysofchaos.chaostoolkit;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.experiments.kubernetes.KubernetesTarget;
import org.daysofchaos.experiments.probes.HttpStatus;
import org.daysofchaos.experiments.targets.ProxyTarget;

/**
 * An experiment written as our scenario YAML ({@code chaos import ctk}), with a {@code #} comment
 * wherever the translation is not exact: what our kinds do differently, and what has no equivalent
 * in a scenario (an http or process action, a tolerance that is not a status).
 */
public final class Translator {
  private Translator() {}

  /**
   * Why {@code e} cannot be a scenario, if it cannot: a scenario breaks something, so its method
   * must hold at least one action that maps to one of our fault kinds.
   */
  public static Optional<String> refusal(Experiment e, Checks.Mapping mapping) {
    boolean anyFault =
        e.method().stream().anyMatch(a -> mapping.mapped().get(a) instanceof Mapped.Fault);
    if (anyFault) {
      return Optional.empty();
    }
    return Optional.of(
        e.file()
            + ": not importable: no action of the method maps to one of our fault kinds (only"
            + " chaostoxi and chaosk8s actions do; see docs/chaos-toolkit.md); chaos run runs it"
            + " as it is");
  }

  /** The scenario YAML; call only when {@link #refusal} is empty. */
  public static String toScenarioYaml(Experiment e, Checks.Mapping mapping) {
    StringBuilder y = new StringBuilder();
    y.append("# imported from the Chaos Toolkit experiment ").append(e.file()).append('\n');
    y.append("# rollbacks: our revert undoes every fault below, also when something fails\n");
    y.append("id: ctk/").append(slug(e.title())).append('\n');
    y.append("title: ").append(quote(e.title())).append('\n');
    if (!e.description().isBlank()) {
      y.append("description: ").append(quote(e.description())).append('\n');
    }
    if (!e.tags().isEmpty()) {
      y.append("# tags: ").append(String.join(", ", e.tags())).append('\n');
    }
    y.append("mode: time-boxed\n");
    Duration pauses = Duration.ZERO;
    for (Activity a : e.method()) {
      pauses = pauses.plus(a.pauseBefore()).plus(a.pauseAfter());
    }
    Duration duration = pauses.isZero() ? Duration.ofMinutes(1) : pauses;
    y.append("duration: ").append(Durations.format(duration));
    y.append(
        pauses.isZero() ? "  # the method has no pauses: a minute\n" : "  # the method's pauses\n");
    y.append("maxDuration: ")
        .append(Durations.format(duration.plus(Duration.ofMinutes(5))))
        .append('\n');
    Map<String, Target> targets = new LinkedHashMap<>();
    List<String> faults = new ArrayList<>();
    for (Activity a : e.method()) {
      faults.add(fault(a, mapping.mapped().get(a), targets));
    }
    y.append("targets:\n");
    targets
        .values()
        .forEach(t -> y.append("  ").append(t.name()).append(": ").append(target(t)).append('\n'));
    if (targets.isEmpty()) {
      y.append("  {}\n");
    }
    y.append("faults:\n");
    faults.forEach(y::append);
    y.append("steadyState:\n");
    e.hypothesis()
        .ifPresent(h -> h.probes().forEach(p -> y.append(probe(p, mapping.mapped().get(p)))));
    for (Activity r : e.rollbacks()) {
      Mapped m = mapping.mapped().get(r);
      y.append(m instanceof Mapped.Undo ? "# rollback " : "# NOT TRANSLATED rollback ")
          .append(r.describe())
          .append(" (")
          .append(r.provider().describe())
          .append(
              m instanceof Mapped.Undo
                  ? "): done by our revert\n"
                  : "): no equivalent in a scenario\n");
    }
    return y.toString();
  }

  private static String fault(Activity a, Mapped m, Map<String, Target> targets) {
    if (m instanceof Mapped.Fault f) {
      targets.putIfAbsent(f.target().name(), f.target());
      StringBuilder s = new StringBuilder();
      f.notes().forEach(n -> s.append("  # ").append(n).append('\n'));
      s.append("  - kind: ").append(KindCatalog.kindOf(f.fault())).append('\n');
      fields(f.fault(), "    ", s);
      return s.toString();
    }
    return "  # NOT TRANSLATED "
        + a.describe()
        + " ("
        + a.provider().describe()
        + "): "
        + (a.probe()
            ? "a probe in the method has no equivalent in a scenario"
            : "no equivalent fault kind")
        + "\n";
  }

  private static String probe(Activity p, Mapped m) {
    if (m instanceof Mapped.Probe probe) {
      StringBuilder s = new StringBuilder();
      probe.notes().forEach(n -> s.append("  # ").append(n).append('\n'));
      s.append("  - kind: ").append(KindCatalog.kindOf(probe.probe())).append('\n');
      fields(probe.probe(), "    ", s);
      return s.toString();
    }
    if (p.provider() instanceof Provider.Http http
        && p.tolerance().orElse(null) instanceof Tolerance.Value v
        && v.expected() instanceof Number n
        && http.method().equals("GET")) {
      StringBuilder s = new StringBuilder();
      HttpStatus status = new HttpStatus(http.url(), n.intValue(), http.timeout());
      s.append("  - kind: ").append(KindCatalog.kindOf(status)).append('\n');
      fields(status, "    ", s);
      return s.toString();
    }
    return "  # NOT TRANSLATED "
        + p.describe()
        + " ("
        + p.provider().describe()
        + ", tolerance "
        + p.tolerance().map(Tolerance::describe).orElse("none")
        + "): no equivalent probe kind; chaos run checks it as Chaos Toolkit does\n";
  }

  private static void fields(Object r, String indent, StringBuilder s) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (v instanceof Optional<?> o) {
        v = o.orElse(null);
      }
      if (v == null) {
        continue;
      }
      s.append(indent).append(c.getName()).append(": ").append(scalar(v)).append('\n');
    }
  }

  private static String scalar(Object v) {
    if (v instanceof Duration d) {
      return Durations.format(d);
    }
    if (v instanceof Enum<?> e) {
      return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    return quote(v.toString());
  }

  private static String target(Target t) {
    if (t.spec() instanceof ProxyTarget p) {
      return "{ proxy: " + quote(p.proxy()) + " }";
    }
    KubernetesTarget k = (KubernetesTarget) t.spec();
    String ns = k.namespace().map(n -> "namespace: " + quote(n) + ", ").orElse("");
    return switch (k.resource()) {
      case PODS ->
          "{ kubernetes: { "
              + ns
              + "selector: { "
              + String.join(
                  ", ",
                  k.selector().entrySet().stream()
                      .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
                      .toList())
              + " } } }";
      case NODE -> "{ kubernetes: { node: " + quote(k.name()) + " } }";
      default ->
          "{ kubernetes: { "
              + ns
              + k.resource().name().toLowerCase(Locale.ROOT)
              + ": "
              + quote(k.name())
              + " } }";
    };
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty()
        ? "experiment"
        : s.length() > 60 ? s.substring(0, 60).replaceAll("-$", "") : s;
  }
}
