package vn.tthc.monitor.kpi.evaluation;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The evaluation report's page as an A4 PDF with openhtmltopdf (PDFBox), DejaVu Sans regular and bold embedded
 * from this jar (fonts/LICENSE.txt), so that Vietnamese diacritics read the same in any PDF reader. Nothing is
 * fetched at run time: the page has no external resource.
 */
public final class EvaluationPdf {

    private static final String FONTS = "/vn/tthc/monitor/kpi/evaluation/fonts/";

    static {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfRendererLog());
    }

    private EvaluationPdf() {
    }

    /** The PDF of the XHTML page {@code html} (as {@link EvaluationHtml#render} writes it). */
    public static byte[] render(final String html) {
        final ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            final PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), EvaluationHtml.FONT_FAMILY, 400,
                PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), EvaluationHtml.FONT_FAMILY, 700,
                PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (final IOException e) {
            throw new UncheckedIOException("rendering the evaluation PDF failed", e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font(final String name) {
        final InputStream font = EvaluationPdf.class.getResourceAsStream(FONTS + name);
        if (font == null) {
            throw new IllegalStateException("font " + name + " missing from the jar");
        }
        return font;
    }
}
