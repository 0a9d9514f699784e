package vn.motcua.digitization.stamp;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * The {@link QrStamper} for the three types inspection lets in: PDF pages get a QR image drawn by PDFBox, JPEG and PNG
 * scans get it in their pixels. The QR text is {@link QrPayloadJson}. An image is decoded whole to be stamped (up to
 * the upload's effective pixel limit, a third of the heap), so images are stamped one at a time; other stamps wait.
 */
@Singleton
public class DocumentQrStamper implements QrStamper {

    private final Semaphore imageStamps = new Semaphore(1, true);

    @Override
    public String stamp(Path source, String mediaType, QrPayload payload, Path target) {
        String text = QrPayloadJson.of(payload);
        try {
            if (Files.exists(target) && Files.isSameFile(source, target)) {
                throw new IllegalArgumentException("stamp target must not be the source: " + target);
            }
            switch (baseType(mediaType)) {
                case "application/pdf" -> PdfQrStamp.stamp(source, text, target);
                case "image/jpeg" -> stampImage(source, "jpeg", text, target);
                case "image/png" -> stampImage(source, "png", text, target);
                default -> throw new IllegalArgumentException("cannot stamp media type " + mediaType);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stamp " + source.getFileName() + " (" + mediaType + ")", e);
        }
        return text;
    }

    private void stampImage(Path source, String format, String text, Path target) throws IOException {
        imageStamps.acquireUninterruptibly();
        try {
            ImageQrStamp.stamp(source, format, text, target);
        } finally {
            imageStamps.release();
        }
    }

    private static String baseType(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
