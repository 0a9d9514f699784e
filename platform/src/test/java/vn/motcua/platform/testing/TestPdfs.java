package vn.motcua.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs for document tests: A4 pages with one line of text each, written uncompressed so bytes can be found. */
public final class TestPdfs {

    /** Printed on every page ("MotCua fixture page 1", ...), in plain text in the file. */
    public static final String MARKER = "MotCua fixture page";

    private TestPdfs() {}

    public static Path write(Path target, int pages) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content =
                        new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    content.beginText();
                    content.setFont(font, 14);
                    content.newLineAtOffset(150, 700);
                    content.showText(MARKER + " " + i);
                    content.endText();
                    // a filled box in the middle, so a rendering of the page is not blank
                    content.addRect(200, 300, 200, 150);
                    content.fill();
                }
            }
            document.getDocumentInformation().setTitle("MotCua test document");
            document.save(target.toFile(), CompressParameters.NO_COMPRESSION);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
