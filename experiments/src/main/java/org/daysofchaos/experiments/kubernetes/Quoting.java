package org.daysofchaos.experiments.kubernetes;

/** Values as dry runs and journals show them: quoted, on one line, shortened. */
final class Quoting {
  private static final int SHOWN = 60;

  private Quoting() {}

  static String shorten(String value) {
    String text = value.replace("\n", "\\n");
    if (text.length() > SHOWN) {
      text = text.substring(0, SHOWN - 3) + "...";
    }
    return "'" + text + "'";
  }
}
