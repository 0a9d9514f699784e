package vn.motcua.payment.receipt.service;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDFBox and zxing helpers for reading rendered receipts back in tests. */
public final class Pdfs {

    private Pdfs() {}

    public static PDDocument load(byte[] pdf) {
        try {
            return Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All text, whitespace runs collapsed to one space so line wrapping does not matter. */
    public static String text(byte[] pdf) {
        return text(pdf, 1, Integer.MAX_VALUE);
    }

    public static String text(byte[] pdf, int fromPage, int toPage) {
        try (PDDocument doc = load(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(fromPage);
            s.setEndPage(toPage);
            return s.getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pageCount(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First page as displayed (media box after /Rotate), in points: {width, height}. */
    public static float[] pageSize(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            PDPage p = doc.getPage(0);
            float w = p.getMediaBox().getWidth();
            float h = p.getMediaBox().getHeight();
            return p.getRotation() % 180 == 0 ? new float[] {w, h} : new float[] {h, w};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders the first page as a scanner would see it and decodes the QR on it. 300 dpi: at 200 the 1-bit QR bitmap
     * is resampled to under 7 pixels a module and a few codes in a hundred did not decode.
     */
    public static String decodeQrFromRenderedPage(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            try {
                return decode(renderer.renderImageWithDPI(0, 300, ImageType.RGB));
            } catch (AssertionError resampledTooCoarsely) {
                // the random check code changes the pattern: a few patterns in a thousand lose a module to resampling
                // at 300 dpi (seen once on CI); a scanner would simply look closer
                return decode(renderer.renderImageWithDPI(0, 450, ImageType.RGB));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Images placed on the first page (direct XObjects only, which is what the forms use). */
    public static List<BufferedImage> pageImages(byte[] pdf) {
        try (PDDocument doc = load(pdf)) {
            List<BufferedImage> images = new ArrayList<>();
            PDResources res = doc.getPage(0).getResources();
            for (COSName name : res.getXObjectNames()) {
                PDXObject x = res.getXObject(name);
                if (x instanceof PDImageXObject img) {
                    images.add(img.getImage());
                }
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String decode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        LuminanceSource source = new RGBLuminanceSource(w, h, argb);
        try {
            return new QRCodeReader()
                    .decode(
                            new BinaryBitmap(new HybridBinarizer(source)),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code in image " + w + "x" + h, e);
        }
    }
}
