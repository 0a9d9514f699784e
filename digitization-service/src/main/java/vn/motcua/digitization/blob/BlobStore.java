package vn.motcua.digitization.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Immutable content addressed by its SHA-256 (lowercase hex). Two uploads of the same bytes share one blob; a blob
 * never changes once stored, so a reader never sees a half-written one. Implementations: {@link
 * LocalDirectoryBlobStore} (default) and {@link S3BlobStore}, chosen by {@code motcua.digitization.storage.kind}.
 */
public interface BlobStore extends AutoCloseable {

    Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Stores a copy of the file's bytes under {@code sha256}; the caller keeps (and deletes) its file. A blob that
     * already exists is left as it is. The caller vouches that the hash is the file's.
     */
    void put(String sha256, Path file);

    /**
     * Takes the file over: like {@link #put} but the file is gone afterwards (moved when the store can, which saves
     * a copy of a large upload).
     */
    default void adopt(String sha256, Path file) {
        put(sha256, file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores {@code size} bytes read from the stream (not closed here) under {@code sha256}. */
    void put(String sha256, InputStream content, long size);

    /** The content, streamed; the caller closes it. @throws BlobMissingException when there is no such blob */
    InputStream open(String sha256);

    boolean exists(String sha256);

    /**
     * The blob as a file of the local file system, when the store keeps it as one (the local directory store), so a
     * reader that needs a file (the signature verifier) uses it in place instead of copying hundreds of megabytes to
     * the temp directory. Empty for a remote store, or when there is no such blob. The file must not be changed.
     */
    default Optional<Path> localFile(String sha256) {
        return Optional.empty();
    }

    /** Removes the blob; nothing happens when it does not exist. */
    void delete(String sha256);

    /** Releases connections (the S3 client); the local store holds none. */
    @Override
    default void close() {}

    /** Refuses anything but 64 lowercase hex digits, so a key can never name a path outside the store. */
    static String checkKey(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return sha256;
    }

    /** A blob a stored version refers to is not in the store: the store lost it or is misconfigured. */
    final class BlobMissingException extends IllegalStateException {
        public BlobMissingException(String sha256) {
            super("blob " + sha256 + " is missing from the blob store");
        }
    }
}
