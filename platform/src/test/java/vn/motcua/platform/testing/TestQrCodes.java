package vn.motcua.platform.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads QR stamps back the way a scanner would: the first page rendered (crop box and /Rotate applied, as shown),
 * only its top-left quarter looked at, so a QR found there is also proof of where it is.
 */
public final class TestQrCodes {

    private TestQrCodes() {}

    /**
     * The QR text in the top-left quarter of the first page. 300 dpi first, 450 if that fails: resampling a 1-bit QR
     * to 300 dpi loses a module for a few patterns in a few hundred (seen on CI with the receipts), a scanner would
     * simply look closer.
     */
    public static String firstPageTopLeft(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            try {
                return topLeft(renderer.renderImageWithDPI(0, 300, ImageType.RGB));
            } catch (AssertionError resampledTooCoarsely) {
                return topLeft(renderer.renderImageWithDPI(0, 450, ImageType.RGB));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR text in the top-left quarter of an image (a rendered page or a stamped scan). */
    public static String topLeft(BufferedImage image) {
        return decode(image.getSubimage(0, 0, image.getWidth() / 2, image.getHeight() / 2))
                .getText();
    }

    /** The QR code in an image, with its finder pattern positions; AssertionError if there is none readable. */
    public static Result decode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        try {
            return new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, argb))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code in image " + w + "x" + h, e);
        }
    }
}
