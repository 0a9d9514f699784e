package vn.motcua.digitization.document.content;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Width and height of a PNG (IHDR) or JPEG (the first SOFn segment), read from the header without decoding a pixel:
 * a few kilobytes of a file that claims 50 000 × 50 000 pixels would take gigabytes once decoded.
 */
final class ImageHeaders {

    record Size(long width, long height) {
        long pixels() {
            return width * height;
        }
    }

    private ImageHeaders() {}

    /** @return empty when the header cannot be read (not a well-formed image of that type) */
    static Optional<Size> read(Path file, String mediaType) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return switch (mediaType) {
                case InspectedContent.PNG -> png(in);
                case InspectedContent.JPEG -> jpeg(in);
                default -> Optional.empty();
            };
        } catch (EOFException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final long PNG_SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;

    private static Optional<Size> png(DataInputStream in) throws IOException {
        if (in.readLong() != PNG_SIGNATURE) {
            return Optional.empty();
        }
        int length = in.readInt();
        if (in.readInt() != IHDR || length != 13) {
            return Optional.empty();
        }
        long width = Integer.toUnsignedLong(in.readInt());
        long height = Integer.toUnsignedLong(in.readInt());
        return Optional.of(new Size(width, height));
    }

    private static Optional<Size> jpeg(DataInputStream in) throws IOException {
        if (in.readUnsignedShort() != 0xFFD8) {
            return Optional.empty();
        }
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xFF) {
                return Optional.empty();
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) {
                marker = in.readUnsignedByte();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                // end of image or start of scan before any frame header
                return Optional.empty();
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return Optional.empty();
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                in.readUnsignedByte(); // sample precision
                long height = in.readUnsignedShort();
                long width = in.readUnsignedShort();
                return Optional.of(new Size(width, height));
            }
            skipFully(in, length - 2);
        }
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }
}
