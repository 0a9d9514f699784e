package vn.motcua.digitization.document.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A complete upload on disk with its SHA-256 (lowercase hex) and size, not yet inspected or stored. */
public record SpooledContent(Path file, String sha256, long size) {

    /** Deletes the file; quiet, since a failed delete must not hide the error that led here. */
    public void deleteQuietly() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray spool file holds nothing that is served: it is never stored under a hash
        }
    }
}
