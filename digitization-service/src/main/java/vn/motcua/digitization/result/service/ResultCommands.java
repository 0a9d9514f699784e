package vn.motcua.digitization.result.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.digitization.common.Actors;
import vn.motcua.digitization.common.Texts;
import vn.motcua.digitization.component.service.DigitizationRoles;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.service.DocumentAccess;
import vn.motcua.digitization.document.service.DocumentStore;
import vn.motcua.digitization.dossierlink.domain.DossierStatus;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.digitization.dossierlink.service.DossierLinks;
import vn.motcua.digitization.feed.domain.DigitizationEvent;
import vn.motcua.digitization.feed.domain.DigitizationEventType;
import vn.motcua.digitization.feed.service.DigitizationFeed;
import vn.motcua.digitization.result.domain.DossierResult;
import vn.motcua.digitization.result.repository.ResultRepository;
import vn.motcua.digitization.signature.SignatureReport;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.signaturelog.SignatureReports;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.digitization.warehouse.domain.WarehouseItemKind;
import vn.motcua.digitization.warehouse.service.Warehouse;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;

/**
 * The dossier's electronic result: attached only when its signature verifies as VALID (verified before the
 * transaction; any other verdict writes nothing), and put into the applicant's warehouse once, when
 * dossier-service's feed announces the result issued (or returned, if the issue was missed).
 */
@Singleton
public class ResultCommands {

    public static final String RESULT_OPEN_RULE = "RESULT_NOT_YET_IN_WAREHOUSE";

    private static final Logger LOG = LoggerFactory.getLogger(ResultCommands.class);

    private final TransactionOperations<Connection> tx;
    private final ResultRepository results;
    private final DossierLinks links;
    private final DocumentStore documents;
    private final DocumentAccess access;
    private final SignatureReports signatures;
    private final Warehouse warehouse;
    private final DigitizationFeed feed;
    private final Clock clock;

    public ResultCommands(
            TransactionOperations<Connection> tx,
            ResultRepository results,
            DossierLinks links,
            DocumentStore documents,
            DocumentAccess access,
            SignatureReports signatures,
            Warehouse warehouse,
            DigitizationFeed feed,
            Clock clock) {
        this.tx = tx;
        this.results = results;
        this.links = links;
        this.documents = documents;
        this.access = access;
        this.signatures = signatures;
        this.warehouse = warehouse;
        this.feed = feed;
        this.clock = clock;
    }

    /** Specialist, unit leader or clerk: attaches a signed PDF uploaded for this dossier as its result. */
    public ResultView attach(Caller caller, String dossierCode, String documentId, Instant validUntil) {
        DigitizationRoles.require(caller, DigitizationRoles.RESULT_ATTACHERS, "attach a dossier's result");
        Instant now = now();
        Texts.start()
                .matches("dossier_code", dossierCode, Texts.DOSSIER_CODE, true)
                .matches("document_id", documentId, Texts.ID, true)
                .check(validUntil == null || validUntil.isAfter(now), "valid_until", "must be in the future")
                .done();
        LinkedDossier d = links.fetch(dossierCode);
        DigitizationRoles.requireActor(caller, d, DigitizationRoles.RESULT_ATTACHERS, false);
        StoredDocument doc = documents
                .find(documentId)
                .filter(x -> x.scope().isDossier() && d.isNamed(x.scope().dossierCode()))
                .orElseThrow(() -> DomainException.notFound("document " + documentId + " of dossier " + d.code()));
        if (doc.uploadedByCitizen()) {
            // the applicant's own file may carry anyone's valid signature; a result is what an officer put in
            throw DomainException.ruleViolated(
                    SignatureReports.OFFICER_UPLOAD_RULE,
                    "document " + doc.id() + " was uploaded by the applicant; a dossier's result must be a file an"
                            + " officer uploaded");
        }
        StoredVersion version = doc.latest();
        SignatureReport report = version.isPdf()
                ? signatures.verify(version.sha256())
                : new SignatureReport(
                        SignatureVerdict.UNSIGNED, "Kết quả điện tử phải là tệp PDF có chữ ký số", List.of());
        SignatureReports.requireValid(report, "a dossier's electronic result");
        String actor = Actors.name(caller);
        DossierResult saved = tx.executeWrite(status -> {
            links.record(d);
            Optional<DossierResult> before = results.lock(d.key());
            if (before.isPresent() && before.get().warehouseItemId() != null) {
                throw DomainException.ruleViolated(
                        RESULT_OPEN_RULE,
                        "the result of dossier " + d.code() + " is already in the applicant's warehouse; it no"
                                + " longer changes");
            }
            DossierResult r = new DossierResult(d.key(), doc.id(), version.version(), now, actor, validUntil, null);
            results.save(r);
            signatures.save(r.signatureRef(), report, now);
            event(DigitizationEventType.RESULT_ATTACHED, d, null, now);
            if (d.status() == DossierStatus.RESULT_READY) {
                // already issued: dossier-service's result_issued came before this result and will not come again,
                // so it goes into the warehouse now, the feed's way (once: a later result_returned finds it there)
                return resultIssued(d.key(), now)
                        .map(item -> r.inWarehouse(item.id()))
                        .orElse(r);
            }
            return r;
        });
        return new ResultView(saved, version, report);
    }

    /** The dossier's result as attached, if any. */
    public Optional<ResultView> find(String dossierKey) {
        return tx.executeRead(status -> results.find(dossierKey).map(this::view));
    }

    /**
     * VerifyDocumentSignature: anyone who may read the document gets the signature report of one version, without
     * anything being attached.
     */
    public SignatureReport verify(Caller caller, String documentId, int version) {
        Texts.start()
                .matches("document_id", documentId, Texts.ID, true)
                .check(version >= 0, "version", "must be 0 (the latest) or a version number")
                .done();
        StoredDocument doc =
                documents.find(documentId).orElseThrow(() -> DomainException.notFound("document " + documentId));
        access.checkRead(caller, doc);
        StoredVersion v = doc.version(version)
                .orElseThrow(() -> DomainException.notFound("version " + version + " of document " + documentId));
        if (!v.isPdf()) {
            return new SignatureReport(
                    SignatureVerdict.UNSIGNED, "Tệp không phải PDF nên không có chữ ký số", List.of());
        }
        return signatures.verify(v.sha256());
    }

    /**
     * dossier-service announced the dossier's result issued (or returned): a result attached here goes into the
     * applicant's warehouse, once; replays and a later returned event find it there and do nothing.
     *
     * @return the item, when this call put the result into the warehouse
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<WarehouseItem> resultIssued(String dossierKey, Instant at) {
        Optional<DossierResult> found = results.lock(dossierKey);
        if (found.isEmpty() || found.get().warehouseItemId() != null) {
            return Optional.empty();
        }
        DossierResult r = found.get();
        LinkedDossier d = links.snapshot(dossierKey).orElse(null);
        if (d == null || d.applicantId() == null) {
            LOG.info("Result of dossier {} stays out of the warehouse: no applicant citizen ID is known", dossierKey);
            return Optional.empty();
        }
        Instant now = now();
        WarehouseItem item = warehouse.add(
                new Warehouse.NewItem(
                        d.applicantId(),
                        WarehouseItemKind.RESULT,
                        "Kết quả giải quyết hồ sơ " + d.code(),
                        r.documentId(),
                        r.documentVersion(),
                        "RESULT:" + dossierKey,
                        dossierKey,
                        d.code(),
                        d.procedureCode(),
                        d.competentUnitCode(),
                        null,
                        at == null ? now : min(at, now),
                        r.validUntil()),
                now);
        results.save(r.inWarehouse(item.id()));
        event(DigitizationEventType.WAREHOUSE_LINKED, d, WarehouseItemKind.RESULT, now);
        return Optional.of(item);
    }

    private void event(DigitizationEventType type, LinkedDossier d, WarehouseItemKind kind, Instant now) {
        feed.append(new DigitizationEvent(
                type,
                d.key(),
                d.code(),
                d.receivingUnitCode(),
                d.procedureCode(),
                d.procedureVersion(),
                0,
                null,
                null,
                false,
                false,
                feed.flags(d.key()),
                kind == null ? null : kind.name(),
                now));
    }

    private ResultView view(DossierResult r) {
        StoredVersion v = documents
                .find(r.documentId())
                .flatMap(doc -> doc.version(r.documentVersion()))
                .orElse(null);
        return new ResultView(r, v, signatures.find(r.signatureRef()).orElse(null));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
