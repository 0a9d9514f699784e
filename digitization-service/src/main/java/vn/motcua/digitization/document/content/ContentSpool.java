package vn.motcua.digitization.document.content;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One upload being written to a temporary file as its chunks arrive, hashed (SHA-256) and counted on the way, so a
 * file is never held in memory and its size limit is enforced before the limit is passed on disk. Not thread-safe:
 * one call's messages arrive one at a time. Whoever opens a spool ends it with {@link #finish} or {@link #discard};
 * {@link #discard} is safe to call more than once and after {@link #finish}'s result was handed on.
 */
public final class ContentSpool implements AutoCloseable {

    private final Path file;
    private final long maxSize;
    private final MessageDigest digest;
    private OutputStream out;
    private long size;
    private boolean finished;

    private ContentSpool(Path file, long maxSize) throws IOException {
        this.file = file;
        this.maxSize = maxSize;
        this.digest = sha256();
        this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), digest);
    }

    /** A fresh temporary file in {@code directory}. */
    public static ContentSpool open(Path directory, long maxSize) {
        try {
            Files.createDirectories(directory);
            return new ContentSpool(Files.createTempFile(directory, "upload-", ".part"), maxSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws vn.motcua.platform.error.DomainException OUT_OF_RANGE once the content passes the size limit */
    public void write(ByteBuffer chunk) {
        if (finished) {
            throw new IllegalStateException("spool already finished");
        }
        int length = chunk.remaining();
        if (size + length > maxSize) {
            throw Refusals.tooLarge(maxSize);
        }
        try {
            if (chunk.hasArray()) {
                out.write(chunk.array(), chunk.arrayOffset() + chunk.position(), length);
            } else {
                byte[] copy = new byte[Math.min(length, 64 * 1024)];
                while (chunk.hasRemaining()) {
                    int n = Math.min(copy.length, chunk.remaining());
                    chunk.get(copy, 0, n);
                    out.write(copy, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size += length;
    }

    public long size() {
        return size;
    }

    /** Closes the file: the content is complete. */
    public SpooledContent finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finished = true;
        return new SpooledContent(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Closes and deletes the temporary file: nothing of the upload is left. */
    public void discard() {
        try {
            out.close();
        } catch (IOException ignored) {
            // deleting is what matters
        }
        finished = true;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        discard();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes the spool files ({@code upload-*.part}) in {@code directory} last written before {@code before}: what a
     * crash or a kill left behind while uploads were arriving (a running upload writes its file at least every chunk,
     * and a finished one deletes it). Other files are left alone.
     *
     * @return how many were deleted
     */
    public static int sweep(Path directory, Instant before) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "upload-*.part")) {
            for (Path part : parts) {
                try {
                    if (Files.isRegularFile(part)
                            && Files.getLastModifiedTime(part).toInstant().isBefore(before)
                            && Files.deleteIfExists(part)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    // one file that cannot be read or deleted does not stop the sweep
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    /** Hashes and counts an existing file (a version the service wrote itself), streaming it. */
    public static SpooledContent describe(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (var in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpooledContent(file, HexFormat.of().formatHex(digest.digest()), size);
    }
}
