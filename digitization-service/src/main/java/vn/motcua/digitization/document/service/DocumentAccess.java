package vn.motcua.digitization.document.service;

import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.platform.auth.Caller;

/**
 * Who may upload into a scope and read a document. Implemented outside the document slice because the answer
 * depends on dossiers (dossier-service decides who sees a dossier), warehouse items and certified copies.
 */
public interface DocumentAccess {

    /**
     * @throws vn.motcua.platform.error.DomainException PERMISSION_DENIED for a role that may not upload, NOT_FOUND for a
     *     dossier the caller cannot see, INVALID_ARGUMENT for a unit that is not the caller's own
     */
    void checkUpload(Caller caller, UploadScope scope);

    /** @throws vn.motcua.platform.error.DomainException NOT_FOUND unless the caller may read the document */
    void checkRead(Caller caller, StoredDocument document);
}
