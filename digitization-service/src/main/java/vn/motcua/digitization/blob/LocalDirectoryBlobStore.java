package vn.motcua.digitization.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Blobs as files under one directory, fanned out by the first two hex pairs ({@code ab/cd/abcd…}) so no directory
 * holds more than a few thousand entries. A blob is written to {@code .incoming/} inside the root, synced, and then
 * renamed into place atomically: a reader finds a whole blob or none, and a crash leaves at most a stray file in
 * {@code .incoming/}, never a truncated blob under its hash.
 */
public class LocalDirectoryBlobStore implements BlobStore {

    private final Path root;
    private final Path incoming;

    public LocalDirectoryBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob directory " + incoming, e);
        }
    }

    public Path root() {
        return root;
    }

    Path pathOf(String sha256) {
        BlobStore.checkKey(sha256);
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    @Override
    public void put(String sha256, Path file) {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            write(target, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void adopt(String sha256, Path file) {
        Path target = pathOf(sha256);
        try {
            if (Files.exists(target)) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // another file system (the spool directory elsewhere): copy through .incoming instead
            put(sha256, file);
            deleteQuietly(file);
        } catch (FileAlreadyExistsException e) {
            // a concurrent upload of the same bytes won the rename: same content, nothing to do
            deleteQuietly(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String sha256, InputStream content, long size) {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        try {
            write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path target, InputStream content) throws IOException {
        Path temp = Files.createTempFile(incoming, "blob-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // written concurrently by another upload of the same bytes
            }
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new BlobMissingException(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        Path file = pathOf(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    @Override
    public void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray temporary file is harmless: it is never read under a hash
        }
    }
}
