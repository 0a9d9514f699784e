package vn.motcua.digitization.document.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import vn.motcua.digitization.blob.BlobStore;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.VersionOrigin;
import vn.motcua.digitization.document.repository.DocumentRepository;
import vn.motcua.platform.error.DomainException;

/** {@link DocumentStore} over the document tables and the blob store; no access checks (the caller's duty). */
@Singleton
public class JdbcDocumentStore implements DocumentStore {

    private final DocumentRepository documents;
    private final BlobStore blobs;
    private final DocumentUploads uploads;
    private final TransactionOperations<Connection> tx;

    public JdbcDocumentStore(
            DocumentRepository documents,
            BlobStore blobs,
            DocumentUploads uploads,
            TransactionOperations<Connection> tx) {
        this.tx = tx;
        this.documents = documents;
        this.blobs = blobs;
        this.uploads = uploads;
    }

    @Override
    public Optional<StoredDocument> find(String documentId) {
        if (documentId == null || documentId.isEmpty()) {
            return Optional.empty();
        }
        // joins the caller's transaction when there is one
        return tx.executeRead(status -> documents.find(documentId));
    }

    @Override
    public InputStream open(String documentId, int version) {
        StoredDocument document =
                find(documentId).orElseThrow(() -> DomainException.notFound("document " + documentId));
        StoredVersion v = document.version(version)
                .orElseThrow(() -> DomainException.notFound("version " + version + " of document " + documentId));
        return blobs.open(v.sha256());
    }

    @Override
    public StoredVersion addDerivedVersion(String documentId, Path content, VersionOrigin origin, String createdBy) {
        return uploads.addDerived(documentId, content, origin, createdBy);
    }

    @Override
    public DerivedContent prepareDerivedVersion(Path content) {
        return uploads.prepareDerived(content);
    }

    @Override
    public StoredVersion addPreparedVersion(
            String documentId, DerivedContent content, VersionOrigin origin, String createdBy) {
        return uploads.addPrepared(documentId, content, origin, createdBy);
    }
}
