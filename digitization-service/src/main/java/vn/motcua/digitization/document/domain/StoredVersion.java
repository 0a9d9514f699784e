package vn.motcua.digitization.document.domain;

import java.time.Instant;

/**
 * One immutable version of a document: its content is addressed by {@code sha256} in the blob store and never changes.
 *
 * @param sha256    lowercase hex of the content
 * @param mediaType detected from the content: application/pdf, image/jpeg or image/png
 * @param createdBy username of whoever uploaded it (or stamped it)
 */
public record StoredVersion(
        int version,
        String sha256,
        long size,
        String mediaType,
        int pageCount,
        Instant createdAt,
        String createdBy,
        VersionOrigin origin) {

    public boolean isPdf() {
        return "application/pdf".equals(mediaType);
    }
}
