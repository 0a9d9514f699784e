package vn.motcua.report.importer.service;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;

/**
 * An import file kept on disk while it arrives, hashed and counted on the way (never in memory), then read twice:
 * once to check the file as a whole, once to apply its rows. So a file refused as a whole (not UTF-8, a row over 64
 * KiB, too many rows...) writes nothing, however late in the file the fault is. Without a spool file (a repeat of a
 * finished request) only the hash is kept. Not thread-safe: one call's messages arrive one at a time.
 */
final class ImportSpool {

    static final String PREFIX = "import-";
    static final String SUFFIX = ".part";

    private final Path file;
    private final long maxBytes;
    private final MessageDigest digest = newDigest();
    private final byte[] copy = new byte[64 * 1024];
    private OutputStream out;
    private long size;
    private String sha256;

    private ImportSpool(Path file, long maxBytes) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.out = file == null ? null : new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
    }

    /** A fresh spool file in {@code directory}. */
    static ImportSpool open(Path directory, long maxBytes) {
        try {
            Files.createDirectories(directory);
            return new ImportSpool(Files.createTempFile(directory, PREFIX, SUFFIX), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes and counts only: for a repeat, which must not import again but must prove it is the same file. */
    static ImportSpool hashOnly(long maxBytes) {
        try {
            return new ImportSpool(null, maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws DomainException OUT_OF_RANGE once the file passes {@code maxBytes} */
    void write(ByteBuffer chunk) {
        int length = chunk.remaining();
        if (size + length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            while (chunk.hasRemaining()) {
                int n = Math.min(copy.length, chunk.remaining());
                chunk.get(copy, 0, n);
                digest.update(copy, 0, n);
                if (out != null) {
                    out.write(copy, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size += length;
    }

    /** The file is complete: closes it and fixes its hash. */
    void finish() {
        sha256 = HexFormat.of().formatHex(digest.digest());
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                out = null;
            }
        }
    }

    long size() {
        return size;
    }

    String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("spool not finished");
        }
        return sha256;
    }

    InputStream read() {
        try {
            return new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file; safe to call more than once. */
    void discard() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file goes anyway
            }
            out = null;
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Deletes spool files older than {@code before} (left by a crash); @return how many */
    static int sweep(Path directory, Instant before) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    static DomainException tooLarge(long limit) {
        return new DomainException(
                ErrorKind.OUT_OF_RANGE,
                ErrorReason.INVALID_FIELD,
                "the file is larger than motcua.report.import.max-bytes (" + limit + " bytes)",
                Map.of("rule", "max-bytes", "limit", Long.toString(limit)),
                List.of(new FieldViolation("chunk", "the file is larger than the limit of " + limit + " bytes")));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
