package vn.motcua.digitization.certified.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.motcua.digitization.certified.domain.CertifiedCopy;
import vn.motcua.digitization.certified.repository.CertifiedCopyRepository;
import vn.motcua.digitization.common.Actors;
import vn.motcua.digitization.common.Texts;
import vn.motcua.digitization.common.Vietnam;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.service.DocumentStore;
import vn.motcua.digitization.feed.service.DigitizationFeed;
import vn.motcua.digitization.signature.SignatureReport;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.signaturelog.SignatureReports;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.digitization.warehouse.domain.WarehouseItemKind;
import vn.motcua.digitization.warehouse.service.Warehouse;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.idempotency.RequestIdempotency;
import vn.motcua.platform.paging.Page;

/**
 * Electronic certified copies. A reception officer certifies a signed PDF uploaded for their own unit's desk: the
 * signature must verify as VALID (checked before the transaction; anything else writes nothing), then in one
 * transaction the request id is claimed, the copy takes the next number of the unit's register for the year (in
 * Vietnam's time zone), lands in the owner's warehouse and is announced on the change feed.
 */
@Singleton
public class CertifiedCopies {

    static final String CERTIFY = "CertifyCopy";

    private static final Pattern COPY_KEY = Pattern.compile("[^|]+\\|.+/[0-9]{4}/[0-9]+");

    private final TransactionOperations<Connection> tx;
    private final CertifiedCopyRepository copies;
    private final DocumentStore documents;
    private final SignatureReports signatures;
    private final Warehouse warehouse;
    private final DigitizationFeed feed;
    private final RequestIdempotency idempotency;
    private final Clock clock;

    public CertifiedCopies(
            TransactionOperations<Connection> tx,
            CertifiedCopyRepository copies,
            DocumentStore documents,
            SignatureReports signatures,
            Warehouse warehouse,
            DigitizationFeed feed,
            RequestIdempotency idempotency,
            Clock clock) {
        this.tx = tx;
        this.copies = copies;
        this.documents = documents;
        this.signatures = signatures;
        this.warehouse = warehouse;
        this.feed = feed;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public CertifiedCopyView certify(
            Caller caller, String requestId, String documentId, String ownerId, String title, Instant validUntil) {
        if (!caller.hasRole(Roles.RECEPTION_OFFICER)) {
            throw DomainException.permissionDenied("only a reception officer certifies copies");
        }
        String unit = caller.unit()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
        Instant now = now();
        Texts.start()
                .text("request_id", requestId, false, 128)
                .matches("document_id", documentId, Texts.ID, true)
                .matches("owner_id", ownerId, WarehouseItem.OWNER_ID, true)
                .text("title", title, true, 255)
                .check(validUntil == null || validUntil.isAfter(now), "valid_until", "must be in the future")
                .done();
        String fingerprint = RequestIdempotency.fingerprint(documentId, ownerId, title, validUntil);
        Optional<String> earlier =
                tx.executeRead(status -> idempotency.committedResult(caller, CERTIFY, requestId, fingerprint));
        if (earlier.isPresent()) {
            return tx.executeRead(status -> view(copies.find(earlier.get()).orElseThrow()));
        }
        StoredDocument doc = documents
                .find(documentId)
                .filter(d -> !d.scope().isDossier() && unit.equals(d.scope().certifyingUnitCode()))
                .orElseThrow(() -> DomainException.notFound("document " + documentId + " of unit " + unit));
        if (doc.uploadedByCitizen()) {
            throw DomainException.ruleViolated(
                    SignatureReports.OFFICER_UPLOAD_RULE,
                    "document " + doc.id() + " was uploaded by a citizen; a certified copy must be a file an officer"
                            + " uploaded");
        }
        StoredVersion version = doc.latest();
        SignatureReport report = version.isPdf()
                ? signatures.verify(version.sha256())
                : new SignatureReport(
                        SignatureVerdict.UNSIGNED, "Bản sao điện tử phải là tệp PDF có chữ ký số", List.of());
        SignatureReports.requireValid(report, "an electronic certified copy");
        String actor = Actors.name(caller);
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, CERTIFY, requestId, fingerprint, now);
            if (claim.isReplay()) {
                return view(copies.find(claim.resultRef()).orElseThrow());
            }
            int year = Vietnam.yearOf(now);
            long seq = copies.nextSeq(unit, year);
            String number = CertifiedCopy.number(unit, year, seq);
            WarehouseItem item = warehouse.add(
                    new Warehouse.NewItem(
                            ownerId,
                            WarehouseItemKind.CERTIFIED_COPY,
                            title.strip(),
                            doc.id(),
                            version.version(),
                            "COPY:" + number,
                            null,
                            null,
                            null,
                            unit,
                            number,
                            now,
                            validUntil),
                    now);
            CertifiedCopy copy = new CertifiedCopy(
                    number,
                    unit,
                    year,
                    seq,
                    title.strip(),
                    doc.id(),
                    version.version(),
                    ownerId,
                    item.id(),
                    now,
                    actor,
                    validUntil);
            copies.insert(copy);
            signatures.save(copy.signatureRef(), report, now);
            claim.complete(number);
            feed.copyIssued(number, unit, now);
            return new CertifiedCopyView(copy, version, report);
        });
    }

    /** Any officer of the unit: its register, newest first. */
    public Page<CertifiedCopyView> list(Caller caller, String unitCode, Page.Request page) {
        if (!caller.hasAnyRole(Roles.OFFICERS)) {
            throw DomainException.permissionDenied("only the unit's officers read its certification register");
        }
        String unit = unitCode == null || unitCode.isEmpty() ? caller.unit().orElse(null) : unitCode;
        Texts.start().matches("unit_code", unit, Texts.UNIT, true).done();
        if (!caller.unit().map(unit::equals).orElse(false)) {
            throw DomainException.notFound("unit " + unit);
        }
        Page.Request request = page.forList("copies");
        request.afterKeyLike(COPY_KEY);
        Page.Keyset after = Page.Keyset.of(request);
        return tx.executeRead(status -> {
            List<CertifiedCopy> found = copies.page(unit, after.at(), after.id(), request.size() + 1);
            return Page.of(
                            found,
                            request.size(),
                            "copies",
                            c -> Page.Keyset.key(c.certifiedAt(), c.certificateNumber()))
                    .map(this::view);
        });
    }

    private CertifiedCopyView view(CertifiedCopy c) {
        StoredVersion v = documents
                .find(c.documentId())
                .flatMap(doc -> doc.version(c.documentVersion()))
                .orElse(null);
        return new CertifiedCopyView(c, v, signatures.find(c.signatureRef()).orElse(null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
