package org.daysofchaos.core.scenario.internal;

import java.util.List;
import org.daysofchaos.core.Guardrail;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code guardrails} key of the scenario language, for other files that declare guardrails in
 * the same words: game days. It is the scenario's own field, so both always read alike and report
 * the same problems.
 */
public final class GuardrailsKey {
  private final ValueType type;

  public GuardrailsKey(ScenarioLanguage language) {
    this.type =
        language.scenario.fields().stream()
            .filter(f -> f.name().equals("guardrails"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the scenario language has no guardrails"))
            .type();
  }

  /**
   * Binds the value of a guardrails key (present and not null); its problems go to {@code ctx}
   * under {@code field}, and the result is null if there were any.
   */
  @SuppressWarnings("unchecked")
  public List<Guardrail> bind(Node node, String field, Ctx ctx) {
    Object value = type.bind(node, field, ctx);
    return value == ValueType.INVALID ? null : (List<Guardrail>) value;
  }
}
