package org.daysofchaos.core.spec;

/**
 * Thrown by a kind record's constructor when its fields are individually fine but do not fit
 * together (e.g. neither {@code below} nor {@code above}); the reader turns it into a problem at
 * the position of {@code field}.
 */
public class SpecException extends IllegalArgumentException {
  private final String field;

  public SpecException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The YAML field the problem is about; the kind's own position is used if it is absent. */
  public String field() {
    return field;
  }
}
