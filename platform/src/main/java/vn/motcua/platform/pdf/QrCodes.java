package vn.motcua.platform.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * QR codes printed on PDFs (the dossier code on forms, the public check on receipts). Built as a raw 1-bit image
 * straight from the zxing matrix: no java.awt needed on the server, and a few kilobytes per page.
 */
public final class QrCodes {

    /** Pixels per side of the bitmap: about 300 dpi at 25 mm, so modules stay sharp in print. */
    public static final int PIXELS = 300;

    private QrCodes() {}

    public static BitMatrix matrix(String content) {
        try {
            return new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            PIXELS,
                            PIXELS,
                            Map.of(
                                    // M (15%) survives creases and stamps on a paper slip without growing the code
                                    // much.
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.CHARACTER_SET,
                                    StandardCharsets.UTF_8.name(),
                                    // The cell around the image is white; 2 modules of quiet zone inside the
                                    // bitmap keep it decodable even if a border is ever drawn around the cell.
                                    EncodeHintType.MARGIN,
                                    2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR for: " + content, e);
        }
    }

    /** The QR as an image scaled to {@code sizePt} points square. */
    public static Image image(String content, float sizePt) {
        BitMatrix m = matrix(content);
        int w = m.getWidth();
        int h = m.getHeight();
        int rowBytes = (w + 7) / 8;
        byte[] data = new byte[rowBytes * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // DeviceGray, 1 bit: 1 = white. zxing "set" = dark module, so leave those 0.
                if (!m.get(x, y)) {
                    data[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        try {
            Image img = Image.getInstance(w, h, 1, 1, data);
            img.scaleAbsolute(sizePt, sizePt);
            img.setAlt("QR: " + content);
            return img;
        } catch (BadElementException e) {
            throw new IllegalStateException("cannot build QR image", e);
        }
    }
}
