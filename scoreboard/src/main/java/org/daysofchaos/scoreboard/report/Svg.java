package org.daysofchaos.scoreboard.report;

import java.util.Locale;

/**
 * A small SVG writer, enough for the report's charts: shapes, text and groups, with every text and
 * attribute escaped. The output is one {@code <svg>} element, well-formed XML (the PDF's XHTML
 * reader needs it) with whole-number width and height (openhtmltopdf misreads "720.0") and a
 * viewBox, so that the page can scale the chart down to a narrow screen or a printed page.
 */
final class Svg {
  private final StringBuilder out = new StringBuilder(4096);
  private int depth;

  Svg(String id, int width, int height) {
    out.append("<svg xmlns='http://www.w3.org/2000/svg' id='")
        .append(escape(id))
        .append("' width='")
        .append(width)
        .append("' height='")
        .append(height)
        .append("' viewBox='0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("' font-family='sans-serif' font-size='11'>");
    rect(0, 0, width, height, "#ffffff", 1);
  }

  /** A filled rectangle; opacity below 1 lets what is behind show through. */
  Svg rect(double x, double y, double w, double h, String fill, double opacity) {
    out.append("<rect x='")
        .append(num(x))
        .append("' y='")
        .append(num(y))
        .append("' width='")
        .append(num(Math.max(0, w)))
        .append("' height='")
        .append(num(Math.max(0, h)))
        .append("' fill='")
        .append(escape(fill))
        .append('\'');
    if (opacity < 1) {
      out.append(" fill-opacity='").append(num(opacity)).append('\'');
    }
    out.append("/>");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
    out.append("<line x1='")
        .append(num(x1))
        .append("' y1='")
        .append(num(y1))
        .append("' x2='")
        .append(num(x2))
        .append("' y2='")
        .append(num(y2))
        .append("' stroke='")
        .append(escape(stroke))
        .append("' stroke-width='")
        .append(num(width))
        .append("'/>");
    return this;
  }

  /** An open line through the points, given as x0, y0, x1, y1, … */
  Svg polyline(double[] xy, String stroke, double width) {
    out.append("<polyline fill='none' stroke='")
        .append(escape(stroke))
        .append("' stroke-width='")
        .append(num(width))
        .append("' points='");
    for (int i = 0; i + 1 < xy.length; i += 2) {
      out.append(i == 0 ? "" : " ").append(num(xy[i])).append(',').append(num(xy[i + 1]));
    }
    out.append("'/>");
    return this;
  }

  Svg circle(double cx, double cy, double r, String fill) {
    out.append("<circle cx='")
        .append(num(cx))
        .append("' cy='")
        .append(num(cy))
        .append("' r='")
        .append(num(r))
        .append("' fill='")
        .append(escape(fill))
        .append("'/>");
    return this;
  }

  /** Where a text's x is: its start, its middle or its end. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  Svg text(double x, double y, Anchor anchor, double size, String text) {
    return text(x, y, anchor, size, 0, text);
  }

  /** A text whose baseline starts at (x, y), turned by {@code rotate} degrees around that point. */
  Svg text(double x, double y, Anchor anchor, double size, int rotate, String text) {
    out.append("<text x='")
        .append(num(x))
        .append("' y='")
        .append(num(y))
        .append("' text-anchor='")
        .append(anchor.name().toLowerCase(Locale.ROOT))
        .append("' font-size='")
        .append(num(size))
        .append("' fill='#333333'");
    if (rotate != 0) {
      out.append(" transform='rotate(")
          .append(rotate)
          .append(' ')
          .append(num(x))
          .append(' ')
          .append(num(y))
          .append(")'");
    }
    out.append('>').append(escape(text)).append("</text>");
    return this;
  }

  /**
   * Opens a group for one data item: {@code class='item'} with its series and index, so that a test
   * or a script can count what a chart shows.
   */
  Svg beginItem(String series, int item) {
    out.append("<g class='item' data-series='")
        .append(escape(series))
        .append("' data-item='")
        .append(item)
        .append("'>");
    depth++;
    return this;
  }

  Svg end() {
    if (depth == 0) {
      throw new IllegalStateException("no open group");
    }
    depth--;
    out.append("</g>");
    return this;
  }

  /** The finished element; every group must have been closed. */
  String done() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " group(s) left open");
    }
    return out + "</svg>";
  }

  /** Two decimals at most, a dot whatever the locale, no "-0". */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite coordinate: " + v);
    }
    long hundredths = Math.round(v * 100);
    if (hundredths == 0) {
      return "0";
    }
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    String s = String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
    return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '\'' -> b.append("&apos;");
        case '"' -> b.append("&quot;");
        default -> {
          // XML 1.0 has no place for other control characters: a name cannot break the page.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
