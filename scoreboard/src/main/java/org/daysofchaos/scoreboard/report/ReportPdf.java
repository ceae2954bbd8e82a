package org.daysofchaos.scoreboard.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The report's page as a PDF, through openhtmltopdf: the same HTML and SVG charts as on screen,
 * laid out on A4 with the page's print rules (charts and incidents kept whole, incidents from a new
 * page, page numbers).
 */
public final class ReportPdf {
  /**
   * A TrueType font with the report's symbols (±, ·, −, Σ): PDF's built-in fonts lack them.
   * Debian's fonts-dejavu-core installs it; without it the built-in fonts are used.
   */
  static final List<String> FONT_DIRS =
      List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu");

  /**
   * Kept so that its level stays set: PDFBox warns on every first use that the PDF base fonts fall
   * back to a system font, which the report does not use (it embeds DejaVu).
   */
  private static final Logger PDFBOX_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font");

  static {
    // openhtmltopdf logs each rendering step at INFO: noise on a command line's stderr.
    XRLog.setLoggingEnabled(false);
    PDFBOX_FONTS.setLevel(Level.SEVERE);
  }

  private ReportPdf() {}

  public static byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    render(xhtml, out);
    return out.toByteArray();
  }

  public static void render(String xhtml, OutputStream out) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useSVGDrawer(new BatikSVGDrawer());
    for (String dir : FONT_DIRS) {
      File regular = new File(dir, "DejaVuSans.ttf");
      if (regular.isFile()) {
        builder.useFont(regular, "DejaVu Sans");
        File bold = new File(dir, "DejaVuSans-Bold.ttf");
        if (bold.isFile()) {
          builder.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
        }
        File mono = new File(dir, "DejaVuSansMono.ttf");
        if (mono.isFile()) {
          builder.useFont(mono, "DejaVu Sans Mono");
        }
        break;
      }
    }
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report as PDF: " + e.getMessage(), e);
    }
  }
}
