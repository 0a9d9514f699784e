package vn.motcua.digitization.document.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A document and its versions, oldest first.
 *
 * @param createdBySubject token subject of the uploader (a citizen's own uploads are theirs to read; only they add
 *     versions)
 * @param uploadedByCitizen the uploader acted as a citizen, not as an officer: such a file is never a dossier's
 *     result or a certified copy, whatever signature it carries
 */
public record StoredDocument(
        String id,
        String fileName,
        UploadScope scope,
        Instant createdAt,
        String createdBy,
        String createdBySubject,
        boolean uploadedByCitizen,
        List<StoredVersion> versions) {

    public StoredDocument {
        versions = List.copyOf(versions);
    }

    public StoredVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** @param version 0 for the latest */
    public Optional<StoredVersion> version(int version) {
        if (version == 0) {
            return Optional.of(latest());
        }
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }
}
