package org.daysofchaos.core.binder;

import java.util.Locale;
import org.daysofchaos.core.binder.internal.YamlErrors;
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
 * past: the files we read are small, flat and have no reason for many aliases. Syntax errors and
 * tripped limits become problems, never exceptions. No Java object is built from YAML tags.
 */
public final class YamlSource {
  /** The largest file, in characters (a real one is a few kilobytes). */
  public static final int MAX_CHARS = 1_000_000;

  /** Aliases to collections per file: enough to share a probe list, not for a billion laughs. */
  public static final int MAX_ALIASES = 20;

  /** Nesting of collections; a scenario needs five levels. */
  public static final int MAX_DEPTH = 20;

  private final String noun;

  /**
   * A source of files that each hold one {@code noun}, with its article, as messages name it: "a
   * scenario" gives "a scenario file holds one document".
   */
  public YamlSource(String noun) {
    this.noun = noun;
  }

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
  public Node compose(String text, ReadContext ctx) {
    if (text.length() > MAX_CHARS) {
      ctx.problem(
          1,
          1,
          "yaml",
          "the file is too large ("
              + text.length()
              + " characters); "
              + noun
              + " file has at most "
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
      if (YamlErrors.isUnclosedQuote(e) && e.getContextMark() != null) {
        at = e.getContextMark();
      }
      ctx.problem(at, "yaml", YamlErrors.syntaxMessage(e, noun));
    } catch (ReaderException e) {
      badCharacter(yaml, e, ctx);
    } catch (YAMLException e) {
      ctx.problem(
          peekMark(parser),
          "yaml",
          YamlErrors.limitMessage(e, noun, MAX_ALIASES, MAX_DEPTH, MAX_CHARS));
    }
    return null;
  }

  private static void badCharacter(String yaml, ReaderException e, ReadContext ctx) {
    int[] lineColumn = YamlErrors.lineColumn(yaml, e.getPosition());
    ctx.problem(
        lineColumn[0],
        lineColumn[1],
        "yaml",
        String.format(
            Locale.ROOT,
            "the character U+%04X is not allowed in YAML; remove it or write it as an escape"
                + " in double quotes",
            e.getCodePoint()));
  }

  /** Composes a short, trusted text (a default written in the code); null for an empty one. */
  public static Node composeTrusted(String text) {
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
}
