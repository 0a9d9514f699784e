package vn.motcua.platform.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans regular and bold for every PDF the services render (forms, receipts), shipped in the jar under {@code fonts/} (licence in
 * {@code fonts/LICENSE-DejaVu.txt}) so rendering never depends on fonts installed on the host.
 * The standard PDF fonts cannot show Vietnamese; DejaVu covers the full Vietnamese range.
 *
 * <p>The TTF bytes are read once. A fresh {@link BaseFont} is built per document because
 * OpenPDF's TrueType font object reads the font file through a shared cursor when it writes
 * the subset, which is not safe across concurrently rendered documents.
 */
public final class PdfFonts {

    private static final byte[] REGULAR_TTF = load("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD_TTF = load("fonts/DejaVuSans-Bold.ttf");

    public final BaseFont regular;
    public final BaseFont bold;

    private PdfFonts(BaseFont regular, BaseFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    public static PdfFonts create() {
        try {
            // IDENTITY_H + EMBEDDED: glyph ids with a ToUnicode map and an embedded subset, so
            // the PDF renders and extracts identically everywhere.
            return new PdfFonts(
                    BaseFont.createFont(
                            "DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, REGULAR_TTF, null),
                    BaseFont.createFont(
                            "DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, BOLD_TTF, null));
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot load bundled DejaVu fonts", e);
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font resource " + resource, e);
        }
    }
}
