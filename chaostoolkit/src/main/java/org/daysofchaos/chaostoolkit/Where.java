package org.daysofchaos.chaostoolkit;

/** A place in an experiment file, as messages name it: {@code file:line:column}. */
public record Where(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
