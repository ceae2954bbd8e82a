package org.daysofchaos.core.report;

/**
 * Something to fix next, as the game master writes it in the report.
 *
 * @param owner who takes it; may be empty
 */
public record ActionItem(String text, String owner, boolean done) {
  public ActionItem {
    text = text == null ? "" : text.strip();
    owner = owner == null ? "" : owner.strip();
  }
}
