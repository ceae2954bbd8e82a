package org.daysofchaos.scoreboard.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

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
