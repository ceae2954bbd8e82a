package org.daysofchaos.chaostoolkit;

import java.util.List;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.ProbeSpec;
import org.daysofchaos.core.Target;

/** What a Python activity becomes here: one of our faults or probes, or the undoing of a fault. */
public sealed interface Mapped {

  /** Where the translation is not exact, in words, for the imported scenario's comments. */
  List<String> notes();

  /**
   * An action that becomes one of our faults; our revert undoes it.
   *
   * @param undoKey what a rollback that undoes it names, e.g. {@code toxic payment/latency}
   */
  record Fault(FaultSpec fault, Target target, String undoKey, List<String> notes)
      implements Mapped {}

  /** A probe that becomes one of our probes. */
  record Probe(ProbeSpec probe, List<String> notes) implements Mapped {}

  /**
   * A probe that is an HTTP request underneath (chaosprometheus' query): run natively, its output
   * as the Python function returns it.
   */
  record Native(Provider.Http call, List<String> notes) implements Mapped {}

  /** A rollback that undoes a fault; our revert does it, whatever happened to the method. */
  record Undo(String undoKey, List<String> notes) implements Mapped {}
}
