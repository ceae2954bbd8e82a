package org.daysofchaos.core.binder.internal;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** SnakeYAML's errors in words fit for someone editing a file by hand. */
public final class YamlErrors {
  private YamlErrors() {}

  /**
   * A limit that tripped.
   *
   * @param noun what a file holds, with its article, e.g. {@code a scenario}
   */
  public static String limitMessage(
      YAMLException e, String noun, int maxAliases, int maxDepth, int maxChars) {
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("Number of aliases")) {
      return "too many aliases (*name) to lists or maps; at most "
          + maxAliases
          + " are allowed in "
          + noun;
    }
    if (m.startsWith("Nesting Depth")) {
      return "lists and maps are nested too deep; at most " + maxDepth + " levels are allowed";
    }
    if (m.contains("exceeds the limit")) {
      return "the file is too large; " + noun + " file has at most " + maxChars + " characters";
    }
    return "cannot read the YAML: " + m;
  }

  /** True for a quoted text that runs to the end of the file. */
  public static boolean isUnclosedQuote(MarkedYAMLException e) {
    return String.valueOf(e.getContext()).contains("quoted scalar")
        && String.valueOf(e.getProblem()).contains("end of stream");
  }

  /** A syntax error, made shorter; {@code noun} is what a file holds, e.g. {@code a scenario}. */
  public static String syntaxMessage(MarkedYAMLException e, String noun) {
    String problem = String.valueOf(e.getProblem());
    String context = String.valueOf(e.getContext());
    Mark contextMark = e.getContextMark();
    String contextLine = contextMark == null ? "" : " at line " + (contextMark.getLine() + 1);
    String special = special(e, problem, context, contextLine);
    if (special != null) {
      return special;
    }
    problem = plainWords(problem);
    if (problem.equals("mapping values are not allowed here")) {
      problem = "a ':' is not allowed here; put the value in quotes or check the indentation";
    } else if (problem.startsWith("expected the end of the block")) {
      problem = "bad indentation: " + problem;
    } else if (problem.equals("could not find expected ':'")) {
      problem = "could not find the ':' after a key; check the indentation or quote the text";
    } else if (problem.equals("but found another document")) {
      return noun + " file holds one document; remove the second '---'";
    }
    if (e.getContext() != null) {
      problem = problem + " (" + e.getContext() + contextLine + ")";
    }
    return problem;
  }

  /** The errors that get a message of their own, or null. */
  private static String special(
      MarkedYAMLException e, String problem, String context, String contextLine) {
    if (problem.contains("\\t(TAB)")) {
      return "a tab cannot indent or start a value; indent with spaces";
    }
    if (isUnclosedQuote(e)) {
      return "this quoted text is never closed; add the closing quote";
    }
    if (context.startsWith("while parsing a flow mapping") && problem.startsWith("expected")) {
      return "expected ',' or '}' to close the '{'" + contextLine;
    }
    if (context.startsWith("while parsing a flow sequence") && problem.startsWith("expected")) {
      return "expected ',' or ']' to close the '['" + contextLine;
    }
    if (problem.startsWith("found undefined alias ")) {
      String name = problem.substring("found undefined alias ".length());
      return "unknown alias *" + name + ": no anchor &" + name + " before it";
    }
    return null;
  }

  /** SnakeYAML's token names in words. */
  private static String plainWords(String problem) {
    return problem
        .replaceAll("\\. \\(Do not use .* for indentation\\)$", "")
        .replace("<stream end>", "the end of the file")
        .replace("end of stream", "end of the file")
        .replace("<document end>", "the end of the document")
        .replace("'<block end>'", "the end of the block")
        .replace("<block end>", "the end of the block")
        .replace("'<block mapping start>'", "a new map")
        .replace("'<block sequence start>'", "a new list")
        .replace("'<scalar>'", "a value")
        .replace("'?'", "a new key")
        .replace("'<", "'")
        .replace(">'", "'");
  }

  /** 1-based line and column of a code point index. */
  public static int[] lineColumn(String text, int codePointIndex) {
    int line = 1;
    int column = 1;
    int i = 0;
    int seen = 0;
    while (i < text.length() && seen < codePointIndex) {
      int cp = text.codePointAt(i);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      i += Character.charCount(cp);
      seen++;
    }
    return new int[] {line, column};
  }
}
