package org.daysofchaos.core.scenario.internal;

import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML text to a tree of nodes that know their position, with limits that hostile input cannot get
 * past: a scenario is small, flat and has no reason for many aliases.
 */
public final class YamlSource {
  /** The largest scenario file, in characters (a real one is a few kilobytes). */
  public static final int MAX_CHARS = 1_000_000;

  /** Aliases to collections per file: enough to share a probe list, not for a billion laughs. */
  static final int MAX_ALIASES = 20;

  /** Nesting of collections; a scenario needs five levels. */
  static final int MAX_DEPTH = 20;

  private YamlSource() {}

  static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CHARS);
    options.setProcessComments(false);
    options.setMergeOnCompose(false);
    return options;
  }

  /**
   * The single document of {@code text}, or null: then either the document is empty (and no problem
   * was reported) or a problem with field {@code yaml} was reported.
   */
  public static Node compose(String text, Ctx ctx) {
    if (text.length() > MAX_CHARS) {
      ctx.problem(
          1,
          1,
          "yaml",
          "the file is too large ("
              + text.length()
              + " characters); a scenario file has at most "
              + MAX_CHARS);
      return null;
    }
    String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
    LoaderOptions options = options();
    Parser parser = new ParserImpl(new StreamReader(yaml), options);
    try {
      return new Composer(parser, new Resolver(), options).getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      if (isUnclosedQuote(e) && e.getContextMark() != null) {
        at = e.getContextMark();
      }
      ctx.problem(at, "yaml", syntaxMessage(e));
    } catch (ReaderException e) {
      int[] lineColumn = lineColumn(yaml, e.getPosition());
      ctx.problem(
          lineColumn[0],
          lineColumn[1],
          "yaml",
          String.format(
              Locale.ROOT,
              "the character U+%04X is not allowed in YAML; remove it or write it as an escape"
                  + " in double quotes",
              e.getCodePoint()));
    } catch (YAMLException e) {
      ctx.problem(peekMark(parser), "yaml", limitMessage(e));
    }
    return null;
  }

  /** Composes a short, trusted text (a {@code @Default}); null for an empty one. */
  static Node composeTrusted(String text) {
    if (text.isEmpty()) {
      return null;
    }
    LoaderOptions options = options();
    return new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options)
        .getSingleNode();
  }

  private static Mark peekMark(Parser parser) {
    try {
      return parser.peekEvent().getStartMark();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String limitMessage(YAMLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("Number of aliases")) {
      return "too many aliases (*name) to lists or maps; at most "
          + MAX_ALIASES
          + " are allowed in a scenario";
    }
    if (m.startsWith("Nesting Depth")) {
      return "lists and maps are nested too deep; at most " + MAX_DEPTH + " levels are allowed";
    }
    if (m.contains("exceeds the limit")) {
      return "the file is too large; a scenario file has at most " + MAX_CHARS + " characters";
    }
    return "cannot read the YAML: " + m;
  }

  private static boolean isUnclosedQuote(MarkedYAMLException e) {
    return String.valueOf(e.getContext()).contains("quoted scalar")
        && String.valueOf(e.getProblem()).contains("end of stream");
  }

  /** SnakeYAML's words, made shorter and fit for a preparer. */
  static String syntaxMessage(MarkedYAMLException e) {
    String problem = String.valueOf(e.getProblem());
    String context = String.valueOf(e.getContext());
    Mark contextMark = e.getContextMark();
    String contextLine = contextMark == null ? "" : " at line " + (contextMark.getLine() + 1);
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
    problem =
        problem
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
    if (problem.equals("mapping values are not allowed here")) {
      problem = "a ':' is not allowed here; put the value in quotes or check the indentation";
    } else if (problem.startsWith("expected the end of the block")) {
      problem = "bad indentation: " + problem;
    } else if (problem.equals("could not find expected ':'")) {
      problem = "could not find the ':' after a key; check the indentation or quote the text";
    } else if (problem.equals("but found another document")) {
      problem = "a scenario file holds one document; remove the second '---'";
      return problem;
    }
    if (e.getContext() != null) {
      problem = problem + " (" + e.getContext() + contextLine + ")";
    }
    return problem;
  }

  /** 1-based line and column of a code point index. */
  static int[] lineColumn(String text, int codePointIndex) {
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
