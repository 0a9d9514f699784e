package vn.motcua.digitization.stamp;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Stamps a JPEG or PNG scan: the QR is drawn into the pixels at the top left and the image written again in its own
 * format. A scan is taken to be as wide as an A4 page, so the QR gets the same share of the width as on a PDF page
 * (about 2.2 cm of 21) whatever the scan's resolution. Metadata (EXIF, DPI) is not carried over; without the EXIF
 * orientation the pixels' top left is the top left every viewer shows.
 */
final class ImageQrStamp {

    private static final double SIZE_SHARE = 22.0 / 210.0;
    private static final double MARGIN_SHARE = 5.0 / 210.0;

    /** Below this a QR of a typical payload has under 2 pixels per module and no longer scans. */
    private static final int MIN_SIZE_PX = 150;

    /** JPEG re-encoding blurs the modules' edges; high quality keeps them crisp at little cost. */
    private static final float JPEG_QUALITY = 0.92f;

    private ImageQrStamp() {}

    static void stamp(Path source, String format, String text, Path target) throws IOException {
        BufferedImage image = ImageIO.read(source.toFile());
        if (image == null) {
            throw new IOException("not a readable " + format + " image");
        }
        BufferedImage canvas = drawable(image, format);
        int shorter = Math.min(canvas.getWidth(), canvas.getHeight());
        int size = Math.min(
                Math.max((int) Math.round(canvas.getWidth() * SIZE_SHARE), MIN_SIZE_PX), Math.max(1, shorter / 2));
        int margin = (int) Math.round(canvas.getWidth() * MARGIN_SHARE);
        margin = Math.min(margin, Math.max(0, shorter - size) / 2);
        Graphics2D g = canvas.createGraphics();
        try {
            // hard module edges: no smoothing between black and white
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fillRect(margin, margin, size, size);
            g.drawImage(QrBitmap.of(text), margin, margin, size, size, null);
        } finally {
            g.dispose();
        }
        write(canvas, format, target);
    }

    /** An image Graphics2D can draw black and white on in the format's colours (palettes and alpha need care). */
    private static BufferedImage drawable(BufferedImage image, String format) {
        boolean jpeg = "jpeg".equals(format);
        int type = image.getType();
        boolean fine = jpeg
                ? type == BufferedImage.TYPE_3BYTE_BGR
                        || type == BufferedImage.TYPE_INT_RGB
                        || type == BufferedImage.TYPE_BYTE_GRAY
                : type != BufferedImage.TYPE_BYTE_INDEXED
                        && type != BufferedImage.TYPE_BYTE_BINARY
                        && type != BufferedImage.TYPE_CUSTOM;
        if (fine) {
            return image;
        }
        int copyType =
                !jpeg && image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), copyType);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    private static void write(BufferedImage image, String format, Path target) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no image writer for " + format);
        }
        ImageWriter writer = writers.next();
        try (OutputStream file = Files.newOutputStream(target);
                ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
