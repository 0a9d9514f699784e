package vn.motcua.digitization.document.service;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.digitization.blob.BlobStore;
import vn.motcua.digitization.document.content.ContentInspector;
import vn.motcua.digitization.document.content.ContentSpool;
import vn.motcua.digitization.document.content.FileNames;
import vn.motcua.digitization.document.content.InspectedContent;
import vn.motcua.digitization.document.content.Refusals;
import vn.motcua.digitization.document.content.SpooledContent;
import vn.motcua.digitization.document.content.UploadLimits;
import vn.motcua.digitization.document.domain.DocumentIds;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.document.domain.VersionOrigin;
import vn.motcua.digitization.document.repository.DocumentRepository;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * Uploads, in three steps that the gRPC endpoint drives as the stream arrives:
 * <ol>
 *   <li>{@link #begin}: the header's fields are checked and {@link DocumentAccess#checkUpload} is asked before a
 *       single byte of content is read; a spool file is opened;</li>
 *   <li>{@link Upload#write} per chunk: hashed, counted and written to the spool, refused as soon as it passes the
 *       size limit or the declared size;</li>
 *   <li>{@link #complete} at the client's half-close: the declared size is checked, an earlier committed upload with
 *       the same request id is answered again, the content is inspected ({@link ContentInspector}), moved into the
 *       blob store under its SHA-256, and the document (or its new version) is written in one transaction with the
 *       request id's claim.</li>
 * </ol>
 * Any refusal, a cancelled or broken stream ({@link Upload#abort}) or a failure deletes the spool file: nothing of
 * the upload remains. A blob moved into the store whose transaction then fails stays there unreferenced; blobs are
 * content-addressed, so it is harmless and a retry reuses it.
 */
@Singleton
public class DocumentUploads {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentUploads.class);
    static final String OPERATION = "UploadDocument";
    private static final int MAX_REQUEST_ID = 128;
    private static final int MAX_DOSSIER_CODE = 64;
    private static final int MAX_UNIT_CODE = 32;
    private static final Set<String> OFFICER_UPLOADERS = Set.of(Roles.RECEPTION_OFFICER, Roles.SPECIALIST);

    /**
     * Looked up on use, not at start-up: the implementation lives in the access slice, and the service (health, its
     * feed) must start even in a build that has none yet.
     */
    private final BeanProvider<DocumentAccess> access;

    private final DocumentRepository documents;
    private final ContentInspector inspector;
    private final BlobStore blobs;
    private final RequestIdempotency idempotency;
    private final TransactionOperations<Connection> tx;
    private final UploadLimits limits;
    private final Path spoolDirectory;

    public DocumentUploads(
            BeanProvider<DocumentAccess> access,
            DocumentRepository documents,
            ContentInspector inspector,
            BlobStore blobs,
            RequestIdempotency idempotency,
            TransactionOperations<Connection> tx,
            UploadLimits limits,
            @Value("${motcua.data-dir:var}") String dataDir) {
        this.access = access;
        this.documents = documents;
        this.inspector = inspector;
        this.blobs = blobs;
        this.idempotency = idempotency;
        this.tx = tx;
        this.limits = limits;
        this.spoolDirectory =
                limits.getSpoolDirectory().isBlank() ? Path.of(dataDir, "spool") : Path.of(limits.getSpoolDirectory());
    }

    /** A spool file untouched this long belongs to no running upload (each chunk writes to it). */
    static final Duration ABANDONED_SPOOL_AGE = Duration.ofMinutes(10);

    /**
     * At startup: the spool files a crash or a kill left behind (a running upload deletes its own on every path out),
     * older than {@link #ABANDONED_SPOOL_AGE} so that another instance sharing the directory loses nothing running.
     */
    @EventListener
    void sweepAbandonedSpoolFiles(StartupEvent event) {
        int deleted = ContentSpool.sweep(spoolDirectory, Instant.now().minus(ABANDONED_SPOOL_AGE));
        if (deleted > 0) {
            LOG.info("deleted {} abandoned upload spool file(s) from {}", deleted, spoolDirectory);
        }
    }

    /** One upload in progress; not thread-safe (a call's messages arrive one at a time). */
    public final class Upload {
        private final Caller caller;
        private final UploadHeader header;
        private final ContentSpool spool;
        private boolean ended;

        private Upload(Caller caller, UploadHeader header, ContentSpool spool) {
            this.caller = caller;
            this.header = header;
            this.spool = spool;
        }

        public void write(ByteBuffer chunk) {
            if (header.declaredSize() > 0 && spool.size() + chunk.remaining() > header.declaredSize()) {
                throw DomainException.invalid(
                        "declared_size",
                        "the stream carries more than the declared " + header.declaredSize() + " bytes");
            }
            spool.write(chunk);
        }

        /** The stream was cut off or refused: the spool file is deleted. Safe to call more than once. */
        public void abort() {
            if (!ended) {
                ended = true;
                spool.discard();
            }
        }
    }

    public Upload begin(Caller caller, UploadHeader header) {
        List<FieldViolation> violations = new ArrayList<>();
        String requestId = header.requestId() == null ? "" : header.requestId();
        if (requestId.length() > MAX_REQUEST_ID) {
            violations.add(new FieldViolation("request_id", "at most " + MAX_REQUEST_ID + " characters"));
        }
        FileNames.problem(header.fileName()).ifPresent(p -> violations.add(new FieldViolation(Refusals.FILE_NAME, p)));
        UploadScope scope = header.scope();
        if (scope == null || (blank(scope.dossierCode()) == blank(scope.certifyingUnitCode()))) {
            violations.add(new FieldViolation("scope", "exactly one of dossier_code or certifying_unit_code"));
        } else if (!blank(scope.dossierCode()) && !code(scope.dossierCode(), MAX_DOSSIER_CODE)) {
            violations.add(new FieldViolation("dossier_code", "not a dossier code"));
        } else if (!blank(scope.certifyingUnitCode()) && !code(scope.certifyingUnitCode(), MAX_UNIT_CODE)) {
            violations.add(new FieldViolation("certifying_unit_code", "not a unit code"));
        }
        String documentId = header.documentId() == null ? "" : header.documentId();
        if (documentId.length() > DocumentIds.MAX_LENGTH) {
            violations.add(new FieldViolation("document_id", "not a document id"));
        }
        if (header.declaredSize() < 0) {
            violations.add(new FieldViolation("declared_size", "must not be negative"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (header.declaredSize() > limits.getMaxSize()) {
            throw Refusals.tooLarge(limits.getMaxSize());
        }
        UploadScope normalized = blank(scope.dossierCode())
                ? UploadScope.certifyingUnit(scope.certifyingUnitCode())
                : UploadScope.dossier(scope.dossierCode());
        access.get().checkUpload(caller, normalized);
        if (!documentId.isEmpty()) {
            StoredDocument existing = tx.executeRead(status -> documents.find(documentId))
                    .orElseThrow(() -> DomainException.notFound("document " + documentId));
            if (!existing.scope().equals(normalized)
                    || !existing.createdBySubject().equals(caller.subject())) {
                // a document of another scope, or someone else's, does not exist for this upload: only its creator
                // adds versions (an applicant must not replace an officer's scan, nor one officer another's)
                throw DomainException.notFound("document " + documentId);
            }
        }
        UploadHeader checked =
                new UploadHeader(requestId, header.fileName(), normalized, documentId, header.declaredSize());
        return new Upload(caller, checked, ContentSpool.open(spoolDirectory, limits.getMaxSize()));
    }

    /** The client half-closed: the content is complete. The spool file is gone when this returns or throws. */
    public StoredDocument complete(Upload upload) {
        if (upload.ended) {
            throw new IllegalStateException("upload already ended");
        }
        upload.ended = true;
        SpooledContent content = upload.spool.finish();
        try {
            UploadHeader h = upload.header;
            if (h.declaredSize() > 0 && content.size() != h.declaredSize()) {
                throw DomainException.invalid(
                        "declared_size",
                        "the stream carried " + content.size() + " bytes, not the declared " + h.declaredSize());
            }
            String fingerprint = RequestIdempotency.fingerprint(
                    h.fileName(),
                    h.scope().dossierCode(),
                    h.scope().certifyingUnitCode(),
                    h.documentId(),
                    content.sha256());
            Optional<StoredDocument> earlier = tx.executeRead(status -> idempotency
                    .committedResult(upload.caller, OPERATION, h.requestId(), fingerprint)
                    .flatMap(documents::find));
            if (earlier.isPresent()) {
                return earlier.get();
            }
            InspectedContent inspected = inspector.inspect(content);
            blobs.adopt(content.sha256(), content.file());
            Instant now = now();
            String id = tx.executeWrite(status -> {
                RequestIdempotency.Claim claim =
                        idempotency.claim(upload.caller, OPERATION, h.requestId(), fingerprint, now);
                if (claim.isReplay()) {
                    return claim.resultRef();
                }
                String documentId = h.documentId().isEmpty() ? DocumentIds.next() : h.documentId();
                if (h.documentId().isEmpty()) {
                    documents.insert(
                            documentId,
                            h.fileName(),
                            h.scope(),
                            now,
                            upload.caller.username(),
                            upload.caller.subject(),
                            actsAsCitizen(upload.caller),
                            version(1, content, inspected, now, upload.caller.username(), VersionOrigin.UPLOADED));
                } else {
                    int current = documents
                            .lockCurrentVersion(documentId)
                            .orElseThrow(() -> DomainException.notFound("document " + documentId));
                    documents.addVersion(
                            documentId,
                            version(
                                    current + 1,
                                    content,
                                    inspected,
                                    now,
                                    upload.caller.username(),
                                    VersionOrigin.UPLOADED));
                }
                claim.complete(documentId);
                return documentId;
            });
            return tx.executeRead(status -> documents.find(id)).orElseThrow();
        } finally {
            content.deleteQuietly();
        }
    }

    /**
     * A version the service wrote itself from a file it keeps: inspected like an upload, copied into the blob store,
     * and recorded in the caller's transaction when there is one.
     */
    StoredVersion addDerived(String documentId, Path file, VersionOrigin origin, String createdBy) {
        return addPrepared(documentId, prepareDerived(file), origin, createdBy);
    }

    /**
     * The slow half of {@link #addDerived}, outside any transaction: the file is hashed, inspected (PDFBox for a PDF)
     * and copied into the blob store. Nothing is recorded: a blob never recorded stays unreferenced (harmless).
     */
    DerivedContent prepareDerived(Path file) {
        SpooledContent content = ContentSpool.describe(file);
        InspectedContent inspected = inspector.inspect(content);
        blobs.put(content.sha256(), file);
        return new DerivedContent(content.sha256(), content.size(), inspected.mediaType(), inspected.pageCount());
    }

    /** The quick half: the next version of the document, in the caller's transaction when there is one. */
    StoredVersion addPrepared(String documentId, DerivedContent prepared, VersionOrigin origin, String createdBy) {
        Instant now = now();
        return tx.executeWrite(status -> {
            int current = documents
                    .lockCurrentVersion(documentId)
                    .orElseThrow(() -> DomainException.notFound("document " + documentId));
            StoredVersion v = new StoredVersion(
                    current + 1,
                    prepared.sha256(),
                    prepared.size(),
                    prepared.mediaType(),
                    prepared.pageCount(),
                    now,
                    createdBy,
                    origin);
            documents.addVersion(documentId, v);
            return v;
        });
    }

    private static StoredVersion version(
            int number,
            SpooledContent content,
            InspectedContent inspected,
            Instant now,
            String createdBy,
            VersionOrigin origin) {
        return new StoredVersion(
                number,
                content.sha256(),
                content.size(),
                inspected.mediaType(),
                inspected.pageCount(),
                now,
                createdBy,
                origin);
    }

    /**
     * The caller uploads as a citizen unless they hold a role through which an officer uploads (an officer who is also
     * a citizen acts as the officer, as {@code DigitizationRoles.requireActor} decides).
     */
    static boolean actsAsCitizen(Caller caller) {
        return !caller.hasAnyRole(OFFICER_UPLOADERS);
    }

    /** Microseconds, the precision of the DATETIME(6) columns, so the answer equals what a later read returns. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean code(String s, int max) {
        return s.length() <= max && s.matches("[A-Za-z0-9._-]+");
    }
}
