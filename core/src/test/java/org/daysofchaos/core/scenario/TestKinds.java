package org.daysofchaos.core.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.daysofchaos.core.Durations;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.spec.Default;
import org.daysofchaos.core.spec.Doc;
import org.daysofchaos.core.spec.Kind;
import org.daysofchaos.core.spec.KindCatalog;
import org.daysofchaos.core.spec.NotBlank;
import org.daysofchaos.core.spec.Range;
import org.daysofchaos.core.spec.SpecException;
import org.daysofchaos.core.testing.TestProxy;

/** Kinds for the reader's tests (core cannot see the real catalog of the experiments module). */
final class TestKinds {
  private TestKinds() {}

  static KindCatalog catalog() {
    return KindCatalog.of(
        TestProxy.class,
        Process.class,
        Cluster.class,
        Delay.class,
        Stop.class,
        Label.class,
        Level.class,
        WebOk.class);
  }

  /** A flat target kind with one key, {@code {process: p}}. */
  @Kind(value = "process", doc = "A process by name.")
  record Process(@NotBlank String process) implements TargetSpec {
    @Override
    public String describe() {
      return "process " + process;
    }
  }

  /**
   * A nested target kind, standing in for the experiments module's Kubernetes target: the record is
   * the value of its key, {@code {kubernetes: {namespace: n, deployment: d}}}.
   */
  @Kind(
      value = "kubernetes",
      example = "{kubernetes: {namespace: NS, deployment: NAME}}",
      doc = "A workload in a cluster.")
  record Cluster(@Doc("Its namespace.") String namespace, @Doc("Its name.") String deployment)
      implements TargetSpec {
    @Override
    public String describe() {
      return "kubernetes deployment " + deployment + " in namespace " + namespace;
    }
  }

  enum Way {
    FORWARD,
    BACKWARD_ONLY
  }

  @Kind(value = "net/delay", targets = TestProxy.class, doc = "Delays the data through a proxy.")
  record Delay(
      @Doc("The proxy to slow down.") String target,
      @Doc("How long each chunk waits.") Duration delay,
      @Doc("Random spread.") @Default("0ms") Duration spread,
      @Doc("Which way.") @Default("forward") Way way,
      @Doc("Share of connections.") @Default("1.0") @Range(min = 0, max = 1) double share)
      implements FaultSpec {
    Delay {
      if (spread.compareTo(delay) > 0) {
        throw new SpecException("spread", "must not exceed the delay");
      }
    }

    @Override
    public String describe() {
      return "delay " + Durations.format(delay);
    }
  }

  @Kind(value = "proc/stop", targets = Process.class, doc = "Stops a process.")
  record Stop(
      String target,
      @Default("3") @Range(min = 1, max = 9) int times,
      @Default("false") boolean hard,
      @Default("100") @Range(min = 0) long bytes)
      implements FaultSpec {
    @Override
    public String describe() {
      return "stop " + times + " times";
    }
  }

  /** No target type restriction: any target will do. */
  @Kind(value = "any/label", doc = "Labels anything.")
  record Label(
      String target,
      @Default("[]") List<String> labels,
      Optional<String> note,
      @Default("") Integer limit)
      implements FaultSpec {
    @Override
    public String describe() {
      return "label " + labels;
    }
  }

  @Kind(value = "gauge/level", doc = "Holds when a gauge is below and/or above a level.")
  record Level(String query, @Default("") Double below, @Default("") Double above)
      implements ProbeSpec {
    Level {
      if (below == null && above == null) {
        throw new SpecException("below", "give 'below' or 'above' (or both)");
      }
      if (below != null && above != null && above >= below) {
        throw new SpecException(null, "'above' must be less than 'below'");
      }
    }

    @Override
    public String describe() {
      return query + (below != null ? " < " + below : "") + (above != null ? " > " + above : "");
    }
  }

  @Kind(value = "web/ok", doc = "Holds when a URL answers.")
  record WebOk(String url) implements ProbeSpec {
    WebOk {
      if (!url.startsWith("http")) {
        throw new IllegalArgumentException("not a web address: " + url);
      }
    }

    @Override
    public String describe() {
      return "GET " + url;
    }
  }

  // Records that cannot be written in YAML: the reader refuses them when it is built.

  @Kind(value = "bad/type", doc = "A component type without notation.")
  record BadType(String target, java.net.URI where) implements FaultSpec {
    @Override
    public String describe() {
      return "";
    }
  }

  @Kind(value = "bad/default", doc = "A default that does not parse.")
  record BadDefault(String target, @Default("soon") Duration after) implements FaultSpec {
    @Override
    public String describe() {
      return "";
    }
  }

  @Kind(value = "bad/primitive", doc = "An absent default for a primitive.")
  record BadPrimitive(String target, @Default("") int count) implements FaultSpec {
    @Override
    public String describe() {
      return "";
    }
  }

  @Kind(value = "bad/range", doc = "A default outside its range.")
  record BadRange(String target, @Default("5") @Range(min = 0, max = 1) double share)
      implements FaultSpec {
    @Override
    public String describe() {
      return "";
    }
  }

  @Kind(value = "bad/no-target", doc = "A fault without a target component.")
  record NoTarget(String where) implements FaultSpec {
    @Override
    public String target() {
      return where;
    }

    @Override
    public String describe() {
      return "";
    }
  }
}
