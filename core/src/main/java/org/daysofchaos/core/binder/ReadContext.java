package org.daysofchaos.core.binder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The state of reading one source: its name, its problems, and what a language keeps for the checks
 * that need the whole file (references to names declared elsewhere in it). One per read; not shared
 * between threads.
 */
public final class ReadContext {

  /**
   * A slot of per-read state of a language, created on first use with {@code initial}. Keys are
   * compared by identity: declare each one once, as a constant.
   */
  public static final class Key<T> {
    private final Supplier<T> initial;

    private Key(Supplier<T> initial) {
      this.initial = initial;
    }

    public static <T> Key<T> of(Supplier<T> initial) {
      return new Key<>(initial);
    }
  }

  private final String source;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<Key<?>, Object> state = new HashMap<>();

  public ReadContext(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  /** This read's value of {@code key}, created on first use. */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key) {
    return (T) state.computeIfAbsent(key, k -> k.initial.get());
  }

  /** A problem at the start of {@code at} (line 1, column 1 when null). */
  public void problem(Node at, String field, String message) {
    problem(at == null ? null : at.getStartMark(), field, message);
  }

  public void problem(Mark at, String field, String message) {
    int line = at == null ? 1 : at.getLine() + 1;
    int column = at == null ? 1 : at.getColumn() + 1;
    problem(line, column, field, message);
  }

  /**
   * A problem at a 1-based position; an empty field becomes {@code yaml} (the file as a whole), and
   * control characters are escaped so that each problem prints on one line.
   */
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
                sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  public int problemCount() {
    return problems.size();
  }

  /**
   * The problems by position, each once; problems at the same position keep the order they were
   * found in.
   */
  public List<Problem> sortedProblems() {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return List.copyOf(new LinkedHashSet<>(sorted));
  }
}
