package org.daysofchaos.core.scenario.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daysofchaos.core.FaultSpec;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetSpec;
import org.daysofchaos.core.binder.ReadContext;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What one read of a scenario remembers for the checks that need the whole file: the targets and
 * the faults' references to them, and the scenario's id for the check of duplicate ids across
 * files.
 */
public final class ScenarioRefs {
  static final ReadContext.Key<ScenarioRefs> KEY = ReadContext.Key.of(ScenarioRefs::new);

  /**
   * A fault's reference to a target, checked once all targets are known.
   *
   * @param allowed the target kinds the fault accepts; empty for any
   */
  record TargetRef(
      String kind,
      Class<? extends FaultSpec> faultType,
      List<Class<? extends TargetSpec>> allowed,
      String name,
      Node node,
      String field) {}

  /** Names of every entry of {@code targets}, valid or not; null when there is no usable map. */
  Set<String> targetNames;

  final Map<String, Target> targets = new HashMap<>();
  final List<TargetRef> targetRefs = new ArrayList<>();

  /** The scenario's id and where it is, once it is known to be valid. */
  private String id;

  private Node idNode;

  /** The references of the read {@code ctx}. */
  public static ScenarioRefs of(ReadContext ctx) {
    return ctx.get(KEY);
  }

  void id(String id, Node node) {
    this.id = id;
    this.idNode = node;
  }

  /** The scenario's id, or null when it is missing or invalid. */
  public String id() {
    return id;
  }

  public Node idNode() {
    return idNode;
  }
}
