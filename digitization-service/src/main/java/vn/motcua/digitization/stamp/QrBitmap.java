package vn.motcua.digitization.stamp;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import vn.motcua.platform.pdf.QrCodes;

/** The platform's QR (same error correction, charset and quiet zone as the forms and receipts) as a 1-bit image. */
final class QrBitmap {

    private QrBitmap() {}

    static BufferedImage of(String text) {
        BitMatrix matrix = QrCodes.matrix(text);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        // TYPE_BYTE_BINARY's palette: 0 = black, 1 = white; zxing's set bit = dark module
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, matrix.get(x, y) ? 0 : 1);
            }
        }
        return image;
    }
}
