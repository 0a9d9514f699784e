package vn.motcua.digitization.stamp;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Stamps a PDF: the QR goes on the first page, at the top left as the page is shown (its crop box and /Rotate taken
 * into account) and upright there. The file is read from disk and spooled to temp files, never whole in the heap.
 */
final class PdfQrStamp {

    /** 2.2 cm: the size a printed QR needs to scan from a phone held over the page. */
    static final float SIZE_PT = 22f / 25.4f * 72f;

    /** 0.5 cm from the crop box's corner, clear of the edge a printer cannot reach. */
    static final float MARGIN_PT = 5f / 25.4f * 72f;

    private PdfQrStamp() {}

    static void stamp(Path source, String text, Path target) throws IOException {
        try (PDDocument document = Loader.loadPDF(
                new RandomAccessReadBufferedFile(source.toFile()), IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() == 0) {
                throw new IOException("PDF has no page to stamp");
            }
            PDPage page = document.getPage(0);
            // 1-bit DeviceGray, deflated: a few hundred bytes on the page
            PDImageXObject qr = LosslessFactory.createFromImage(document, QrBitmap.of(text));
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.drawImage(qr, placement(page.getCropBox(), page.getRotation()));
            }
            document.save(target.toFile());
        }
    }

    /**
     * Where the unit square of the image goes in the page's user space. /Rotate turns the page clockwise for display,
     * so the corner shown at the top left, and the directions shown as right and down, depend on it; the image is
     * turned the other way so it reads upright.
     */
    static Matrix placement(PDRectangle crop, int rotation) {
        float llx = crop.getLowerLeftX();
        float lly = crop.getLowerLeftY();
        float urx = crop.getUpperRightX();
        float ury = crop.getUpperRightY();
        float m = MARGIN_PT;
        // a small crop box still gets a whole QR, at most half its shorter side
        float s = Math.max(1f, Math.min(SIZE_PT, Math.min(crop.getWidth(), crop.getHeight()) / 2f - m));
        return switch (Math.floorMod(rotation, 360)) {
            // shown top left = user (llx, ury); right = +x, down = -y
            case 0 -> new Matrix(s, 0, 0, s, llx + m, ury - m - s);
            // shown top left = user (llx, lly); right = +y, down = +x
            case 90 -> new Matrix(0, s, -s, 0, llx + m + s, lly + m);
            // shown top left = user (urx, lly); right = -x, down = +y
            case 180 -> new Matrix(-s, 0, 0, -s, urx - m, lly + m + s);
            // shown top left = user (urx, ury); right = -y, down = -x
            case 270 -> new Matrix(0, -s, s, 0, urx - m - s, ury - m);
            // not a multiple of 90: readers ignore such a /Rotate, so do we
            default -> new Matrix(s, 0, 0, s, llx + m, ury - m - s);
        };
    }
}
