package vn.motcua.digitization.document.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.VersionOrigin;

/**
 * What the rest of the service needs from stored documents, with no access checks: callers check access first
 * (components, results and copies go through {@link DocumentAccess} via the dossier they belong to).
 */
public interface DocumentStore {

    Optional<StoredDocument> find(String documentId);

    /**
     * The content of one version, streamed from the blob store; the caller closes it.
     *
     * @param version 0 for the latest
     */
    InputStream open(String documentId, int version);

    /**
     * Adds a version the service wrote itself (the QR-stamped copy of a scan), inspected like an upload. Joins the
     * caller's transaction when there is one, so a failure after it leaves no version behind.
     */
    StoredVersion addDerivedVersion(String documentId, Path content, VersionOrigin origin, String createdBy);

    /**
     * The slow half of {@link #addDerivedVersion}, to run outside any transaction: inspects the file and copies it
     * into the blob store; records nothing.
     */
    DerivedContent prepareDerivedVersion(Path content);

    /**
     * The quick half of {@link #addDerivedVersion}: records prepared content as the document's next version. Joins the
     * caller's transaction when there is one.
     */
    StoredVersion addPreparedVersion(String documentId, DerivedContent content, VersionOrigin origin, String createdBy);
}
