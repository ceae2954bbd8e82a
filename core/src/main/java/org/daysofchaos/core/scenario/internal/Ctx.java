package org.daysofchaos.core.scenario.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.daysofchaos.core.KubernetesTarget;
import org.daysofchaos.core.Target;
import org.daysofchaos.core.TargetType;
import org.daysofchaos.core.scenario.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** The state of reading one source: its problems and what later checks need to know. */
public final class Ctx {
  /** A fault's reference to a target, checked once all targets are known. */
  public record TargetRef(
      String kind,
      TargetType[] allowed,
      KubernetesTarget.Resource[] kubernetes,
      String name,
      Node node,
      String field) {}

  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  /** Names of every entry of {@code targets}, valid or not; null when there is no usable map. */
  Set<String> targetNames;

  final Map<String, Target> targets = new HashMap<>();
  final List<TargetRef> targetRefs = new ArrayList<>();

  /** The scenario's id and where it is, once it is known to be valid. */
  String id;

  Node idNode;

  public Ctx(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  public void problem(Node at, String field, String message) {
    problem(at == null ? null : at.getStartMark(), field, message);
  }

  public void problem(Mark at, String field, String message) {
    int line = at == null ? 1 : at.getLine() + 1;
    int column = at == null ? 1 : at.getColumn() + 1;
    problem(line, column, field, message);
  }

  public void problem(int line, int column, String field, String message) {
    problems.add(
        new Problem(
            source,
            Math.max(1, line),
            Math.max(1, column),
            field == null || field.isEmpty() ? "yaml" : printable(field),
            printable(message)));
  }

  /** Control characters written as escapes, so that a problem prints on one clean line. */
  private static String printable(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  public int problemCount() {
    return problems.size();
  }

  /** The problems by position; problems at the same position keep the order they were found in. */
  public List<Problem> sortedProblems() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return List.copyOf(new LinkedHashSet<>(sorted));
  }

  public String id() {
    return id;
  }

  public Node idNode() {
    return idNode;
  }
}
