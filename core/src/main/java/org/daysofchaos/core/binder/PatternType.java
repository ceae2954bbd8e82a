package org.daysofchaos.core.binder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A text that matches a regular expression, which the schema repeats as its {@code pattern}. */
public final class PatternType extends ScalarType {
  private final String regex;
  private final Pattern pattern;
  private final String expected;
  private final String invalid;
  private final boolean blankIsEmpty;

  PatternType(String regex, String expected, String invalid, boolean blankIsEmpty) {
    this.regex = regex;
    this.pattern = Pattern.compile(regex);
    this.expected = expected;
    this.invalid = invalid;
    this.blankIsEmpty = blankIsEmpty;
  }

  /** The same type, saying "must not be empty" for a blank text rather than "not a valid ...". */
  public PatternType nonBlank() {
    return new PatternType(regex, expected, invalid, true);
  }

  @Override
  protected Object convert(ScalarNode scalar) {
    String text = scalar.getValue();
    if (blankIsEmpty && text.isBlank()) {
      throw new IllegalArgumentException("must not be empty");
    }
    if (!pattern.matcher(text).matches()) {
      throw new IllegalArgumentException(Nodes.quote(text) + " is not a valid " + invalid);
    }
    return text;
  }

  @Override
  public String expected() {
    return expected;
  }

  @Override
  public ObjectNode schema() {
    return JSON.objectNode().put("type", "string").put("pattern", regex);
  }
}
