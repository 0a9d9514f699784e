package vn.motcua.digitization.document.service;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.io.InputStream;
import vn.motcua.digitization.blob.BlobStore;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;

/**
 * Reading documents for a caller: {@link DocumentAccess#checkRead} decides before any metadata or content leaves;
 * a document the caller may not read does not exist for them (NOT_FOUND, like one that does not exist).
 */
@Singleton
public class DocumentQueries {

    private final DocumentStore store;
    /**
     * Looked up on use, not at start-up: the implementation lives in the access slice, and the service (health, its
     * feed) must start even in a build that has none yet.
     */
    private final BeanProvider<DocumentAccess> access;

    private final BlobStore blobs;

    public DocumentQueries(DocumentStore store, BeanProvider<DocumentAccess> access, BlobStore blobs) {
        this.store = store;
        this.access = access;
        this.blobs = blobs;
    }

    public StoredDocument get(Caller caller, String documentId) {
        StoredDocument document =
                store.find(documentId).orElseThrow(() -> DomainException.notFound("document " + documentId));
        access.get().checkRead(caller, document);
        return document;
    }

    /** A version and its open content stream (the caller closes it). */
    public Content open(Caller caller, String documentId, int version) {
        if (version < 0) {
            throw DomainException.invalid("version", "0 for the latest, or a version number");
        }
        StoredDocument document = get(caller, documentId);
        StoredVersion v = document.version(version)
                .orElseThrow(() -> DomainException.notFound("version " + version + " of document " + documentId));
        return new Content(document, v, blobs.open(v.sha256()));
    }

    public record Content(StoredDocument document, StoredVersion version, InputStream stream) {}
}
