package vn.motcua.gateway.digitization;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.digitization.v1.CertifiedCopy;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentVersion;
import vn.motcua.proto.digitization.v1.DossierComponent;
import vn.motcua.proto.digitization.v1.DossierDigitization;
import vn.motcua.proto.digitization.v1.DossierResult;
import vn.motcua.proto.digitization.v1.SignatureInfo;
import vn.motcua.proto.digitization.v1.SignatureReport;
import vn.motcua.proto.digitization.v1.WarehouseItem;

/**
 * Documents, a dossier's digitization, the citizen's warehouse and certified copies as the API shows them: camelCase,
 * enums without their prefix (state PENDING, UPLOADED, CHECKED, CONFIRMED, EXEMPT; source UPLOAD, SCAN, WAREHOUSE,
 * POPULATION_DATA, SECTOR_DATABASE, PRIOR_RESULT; verdict VALID, UNSIGNED, TAMPERED, UNTRUSTED, MALFORMED; origin
 * UPLOADED, QR_STAMPED; kind RESULT, COMPONENT, CERTIFIED_COPY), instants ISO-8601 UTC, absent values null.
 */
public final class DigitizationJson {

    private DigitizationJson() {}

    /** A document with its immutable versions, oldest first (the last is the current one). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DocumentJson(
            String id,
            @Nullable String fileName,
            @Nullable String dossierCode,
            @Nullable String certifyingUnitCode,
            @Nullable String createdAt,
            @Nullable String createdBy,
            List<VersionJson> versions) {

        static DocumentJson from(Document d) {
            return new DocumentJson(
                    d.getId(),
                    ProtoValues.text(d.getFileName()),
                    ProtoValues.text(d.getDossierCode()),
                    ProtoValues.text(d.getCertifyingUnitCode()),
                    ProtoValues.instant(d.hasCreatedAt(), d.getCreatedAt()),
                    ProtoValues.text(d.getCreatedBy()),
                    d.getVersionsList().stream().map(VersionJson::from).toList());
        }
    }

    /** One version: sha256 in lowercase hex, size in bytes, mediaType detected from the content. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record VersionJson(
            int version,
            String sha256,
            long size,
            @Nullable String mediaType,
            int pageCount,
            @Nullable String createdAt,
            @Nullable String createdBy,
            @Nullable String origin) {

        @Nullable
        static VersionJson of(boolean present, DocumentVersion v) {
            return present ? from(v) : null;
        }

        static VersionJson from(DocumentVersion v) {
            return new VersionJson(
                    v.getVersion(),
                    v.getSha256(),
                    v.getSize(),
                    ProtoValues.text(v.getMediaType()),
                    v.getPageCount(),
                    ProtoValues.instant(v.hasCreatedAt(), v.getCreatedAt()),
                    ProtoValues.text(v.getCreatedBy()),
                    ProtoValues.enumName(v.getOrigin(), "VERSION_ORIGIN_"));
        }
    }

    /** A PDF's signatures as verified against the configured trusted roots; summary is Vietnamese, for officers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignatureReportJson(
            @Nullable String verdict, @Nullable String summary, List<SignatureJson> signatures) {

        @Nullable
        static SignatureReportJson of(boolean present, SignatureReport r) {
            return present ? from(r) : null;
        }

        static SignatureReportJson from(SignatureReport r) {
            return new SignatureReportJson(
                    ProtoValues.enumName(r.getVerdict(), "SIGNATURE_VERDICT_"),
                    ProtoValues.text(r.getSummary()),
                    r.getSignaturesList().stream().map(SignatureJson::from).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SignatureJson(
            @Nullable String signerSubject,
            @Nullable String signerName,
            @Nullable String issuerSubject,
            @Nullable String serialNumber,
            @Nullable String signedAt,
            boolean intact,
            boolean coversWholeDocument,
            boolean trusted,
            @Nullable String subFilter,
            @Nullable String problem) {

        static SignatureJson from(SignatureInfo s) {
            return new SignatureJson(
                    ProtoValues.text(s.getSignerSubject()),
                    ProtoValues.text(s.getSignerName()),
                    ProtoValues.text(s.getIssuerSubject()),
                    ProtoValues.text(s.getSerialNumber()),
                    ProtoValues.instant(s.hasSignedAt(), s.getSignedAt()),
                    s.getIntact(),
                    s.getCoversWholeDocument(),
                    s.getTrusted(),
                    ProtoValues.text(s.getSubFilter()),
                    ProtoValues.text(s.getProblem()));
        }
    }

    /** A dossier's components in the procedure version's order (numbered from 1) and its result (null until one). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DossierDigitizationJson(
            String dossierCode,
            @Nullable String procedureCode,
            int procedureVersion,
            boolean complete,
            List<ComponentJson> components,
            @Nullable ResultJson result) {

        static DossierDigitizationJson from(DossierDigitization d) {
            return new DossierDigitizationJson(
                    d.getDossierCode(),
                    ProtoValues.text(d.getProcedureCode()),
                    d.getProcedureVersion(),
                    d.getComplete(),
                    d.getComponentsList().stream().map(ComponentJson::from).toList(),
                    d.hasResult() ? ResultJson.from(d.getResult()) : null);
        }
    }

    /**
     * One component; documentVersion is the version it points at (after the check, the QR-stamped one) and
     * qrPayload the exact text the stamp's QR code carries.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ComponentJson(
            int number,
            String name,
            boolean presentOnly,
            @Nullable String state,
            @Nullable String source,
            @Nullable String exemptionReason,
            boolean fromWarehouse,
            boolean reused,
            @Nullable String documentId,
            @Nullable VersionJson documentVersion,
            @Nullable String warehouseItemId,
            @Nullable String qrPayload,
            @Nullable String note,
            @Nullable String checkedBy,
            @Nullable String checkedAt,
            @Nullable String confirmedBy,
            @Nullable String confirmedAt,
            @Nullable String updatedAt) {

        static ComponentJson from(DossierComponent c) {
            return new ComponentJson(
                    c.getNumber(),
                    c.getName(),
                    c.getPresentOnly(),
                    ProtoValues.enumName(c.getState(), "COMPONENT_STATE_"),
                    ProtoValues.enumName(c.getSource(), "COMPONENT_SOURCE_"),
                    ProtoValues.enumName(c.getExemptionReason(), "EXEMPTION_REASON_"),
                    c.getFromWarehouse(),
                    c.getReused(),
                    ProtoValues.text(c.getDocumentId()),
                    VersionJson.of(c.hasDocumentVersion(), c.getDocumentVersion()),
                    ProtoValues.text(c.getWarehouseItemId()),
                    ProtoValues.text(c.getQrPayload()),
                    ProtoValues.text(c.getNote()),
                    ProtoValues.text(c.getCheckedBy()),
                    ProtoValues.instant(c.hasCheckedAt(), c.getCheckedAt()),
                    ProtoValues.text(c.getConfirmedBy()),
                    ProtoValues.instant(c.hasConfirmedAt(), c.getConfirmedAt()),
                    ProtoValues.instant(c.hasUpdatedAt(), c.getUpdatedAt()));
        }
    }

    /** The dossier's electronic result; warehouseItemId is set once it went into the applicant's warehouse. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResultJson(
            String documentId,
            @Nullable VersionJson documentVersion,
            @Nullable SignatureReportJson signature,
            @Nullable String attachedAt,
            @Nullable String attachedBy,
            @Nullable String validUntil,
            @Nullable String warehouseItemId) {

        static ResultJson from(DossierResult r) {
            return new ResultJson(
                    r.getDocumentId(),
                    VersionJson.of(r.hasDocumentVersion(), r.getDocumentVersion()),
                    SignatureReportJson.of(r.hasSignature(), r.getSignature()),
                    ProtoValues.instant(r.hasAttachedAt(), r.getAttachedAt()),
                    ProtoValues.text(r.getAttachedBy()),
                    ProtoValues.instant(r.hasValidUntil(), r.getValidUntil()),
                    ProtoValues.text(r.getWarehouseItemId()));
        }
    }

    /** An item of the citizen's warehouse; valid says whether it may fill a component now. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WarehouseItemJson(
            String id,
            @Nullable String kind,
            @Nullable String title,
            @Nullable String documentId,
            @Nullable VersionJson documentVersion,
            @Nullable String dossierCode,
            @Nullable String procedureCode,
            @Nullable String unitCode,
            @Nullable String certificateNumber,
            @Nullable String validFrom,
            @Nullable String validUntil,
            @Nullable String createdAt,
            boolean valid) {

        static WarehouseItemJson from(WarehouseItem i) {
            return new WarehouseItemJson(
                    i.getId(),
                    ProtoValues.enumName(i.getKind(), "WAREHOUSE_ITEM_KIND_"),
                    ProtoValues.text(i.getTitle()),
                    ProtoValues.text(i.getDocumentId()),
                    VersionJson.of(i.hasDocumentVersion(), i.getDocumentVersion()),
                    ProtoValues.text(i.getDossierCode()),
                    ProtoValues.text(i.getProcedureCode()),
                    ProtoValues.text(i.getUnitCode()),
                    ProtoValues.text(i.getCertificateNumber()),
                    ProtoValues.instant(i.hasValidFrom(), i.getValidFrom()),
                    ProtoValues.instant(i.hasValidUntil(), i.getValidUntil()),
                    ProtoValues.instant(i.hasCreatedAt(), i.getCreatedAt()),
                    i.getValid());
        }
    }

    /** The caller's warehouse, newest first; nextPageToken is null on the last page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WarehousePage(
            List<WarehouseItemJson> items, @Nullable String nextPageToken) {}

    /** An electronic certified copy; its number is "unit/year/sequence" in the unit's register. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CertifiedCopyJson(
            String certificateNumber,
            @Nullable String unitCode,
            @Nullable String title,
            @Nullable String documentId,
            @Nullable VersionJson documentVersion,
            @Nullable SignatureReportJson signature,
            @Nullable String warehouseItemId,
            @Nullable String certifiedAt,
            @Nullable String certifiedBy,
            @Nullable String ownerId) {

        static CertifiedCopyJson from(CertifiedCopy c) {
            return new CertifiedCopyJson(
                    c.getCertificateNumber(),
                    ProtoValues.text(c.getUnitCode()),
                    ProtoValues.text(c.getTitle()),
                    ProtoValues.text(c.getDocumentId()),
                    VersionJson.of(c.hasDocumentVersion(), c.getDocumentVersion()),
                    SignatureReportJson.of(c.hasSignature(), c.getSignature()),
                    ProtoValues.text(c.getWarehouseItemId()),
                    ProtoValues.instant(c.hasCertifiedAt(), c.getCertifiedAt()),
                    ProtoValues.text(c.getCertifiedBy()),
                    ProtoValues.text(c.getOwnerId()));
        }
    }

    /** A unit's certified-copy register, newest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CopiesPage(
            List<CertifiedCopyJson> copies, @Nullable String nextPageToken) {}
}
