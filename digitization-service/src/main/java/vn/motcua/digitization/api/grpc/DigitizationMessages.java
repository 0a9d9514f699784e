package vn.motcua.digitization.api.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.motcua.digitization.certified.service.CertifiedCopyView;
import vn.motcua.digitization.component.domain.ComponentSource;
import vn.motcua.digitization.component.domain.DossierComponent;
import vn.motcua.digitization.component.domain.ExemptionReason;
import vn.motcua.digitization.component.service.ComponentView;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.result.service.ResultView;
import vn.motcua.digitization.signature.SignerInfo;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.proto.digitization.v1.CertifiedCopy;
import vn.motcua.proto.digitization.v1.ComponentState;
import vn.motcua.proto.digitization.v1.DocumentVersion;
import vn.motcua.proto.digitization.v1.DossierResult;
import vn.motcua.proto.digitization.v1.SignatureInfo;
import vn.motcua.proto.digitization.v1.SignatureReport;
import vn.motcua.proto.digitization.v1.SignatureVerdict;
import vn.motcua.proto.digitization.v1.VersionOrigin;
import vn.motcua.proto.digitization.v1.WarehouseItemKind;

/** Domain views as generated messages (and back for enums), for the three endpoints. */
final class DigitizationMessages {

    private DigitizationMessages() {}

    static vn.motcua.proto.digitization.v1.DossierComponent component(ComponentView view) {
        DossierComponent c = view.component();
        vn.motcua.proto.digitization.v1.DossierComponent.Builder b =
                vn.motcua.proto.digitization.v1.DossierComponent.newBuilder()
                        .setNumber(c.number())
                        .setName(c.name())
                        .setPresentOnly(c.presentOnly())
                        .setState(ComponentState.valueOf(
                                "COMPONENT_STATE_" + c.state().name()))
                        .setFromWarehouse(c.fromWarehouse())
                        .setReused(c.reused())
                        .setDocumentId(nz(c.documentId()))
                        .setWarehouseItemId(nz(c.warehouseItemId()))
                        .setQrPayload(nz(c.qrPayload()))
                        .setNote(nz(c.note()))
                        .setCheckedBy(nz(c.checkedBy()))
                        .setConfirmedBy(nz(c.confirmedBy()));
        if (c.source() != null) {
            b.setSource(source(c.source()));
        }
        if (c.exemptionReason() != null) {
            b.setExemptionReason(
                    vn.motcua.proto.digitization.v1.ExemptionReason.valueOf("EXEMPTION_REASON_" + c.exemptionReason()));
        }
        if (view.version() != null) {
            b.setDocumentVersion(version(view.version()));
        }
        if (c.checkedAt() != null) {
            b.setCheckedAt(timestamp(c.checkedAt()));
        }
        if (c.confirmedAt() != null) {
            b.setConfirmedAt(timestamp(c.confirmedAt()));
        }
        if (c.updatedAt() != null) {
            b.setUpdatedAt(timestamp(c.updatedAt()));
        }
        return b.build();
    }

    static DossierResult result(ResultView view) {
        DossierResult.Builder b = DossierResult.newBuilder()
                .setDocumentId(view.result().documentId())
                .setAttachedAt(timestamp(view.result().attachedAt()))
                .setAttachedBy(nz(view.result().attachedBy()))
                .setWarehouseItemId(nz(view.result().warehouseItemId()));
        if (view.version() != null) {
            b.setDocumentVersion(version(view.version()));
        }
        if (view.signature() != null) {
            b.setSignature(signature(view.signature()));
        }
        if (view.result().validUntil() != null) {
            b.setValidUntil(timestamp(view.result().validUntil()));
        }
        return b.build();
    }

    static vn.motcua.proto.digitization.v1.WarehouseItem item(WarehouseItem i, Instant now) {
        vn.motcua.proto.digitization.v1.WarehouseItem.Builder b =
                vn.motcua.proto.digitization.v1.WarehouseItem.newBuilder()
                        .setId(i.id())
                        .setKind(WarehouseItemKind.valueOf(
                                "WAREHOUSE_ITEM_KIND_" + i.kind().name()))
                        .setTitle(i.title())
                        .setDocumentId(i.documentId())
                        .setDocumentVersion(DocumentVersion.newBuilder().setVersion(i.documentVersion()))
                        .setDossierCode(nz(i.dossierCode()))
                        .setProcedureCode(nz(i.procedureCode()))
                        .setUnitCode(nz(i.unitCode()))
                        .setCertificateNumber(nz(i.certificateNumber()))
                        .setValidFrom(timestamp(i.validFrom()))
                        .setCreatedAt(timestamp(i.createdAt()))
                        .setValid(i.validAt(now));
        if (i.validUntil() != null) {
            b.setValidUntil(timestamp(i.validUntil()));
        }
        return b.build();
    }

    static CertifiedCopy copy(CertifiedCopyView view) {
        vn.motcua.digitization.certified.domain.CertifiedCopy c = view.copy();
        CertifiedCopy.Builder b = CertifiedCopy.newBuilder()
                .setCertificateNumber(c.certificateNumber())
                .setUnitCode(c.unitCode())
                .setTitle(c.title())
                .setDocumentId(c.documentId())
                .setWarehouseItemId(c.warehouseItemId())
                .setCertifiedAt(timestamp(c.certifiedAt()))
                .setCertifiedBy(c.certifiedBy())
                .setOwnerId(c.ownerId());
        b.setDocumentVersion(
                view.version() != null
                        ? version(view.version())
                        : DocumentVersion.newBuilder()
                                .setVersion(c.documentVersion())
                                .build());
        if (view.signature() != null) {
            b.setSignature(signature(view.signature()));
        }
        return b.build();
    }

    static DocumentVersion version(StoredVersion v) {
        DocumentVersion.Builder b = DocumentVersion.newBuilder()
                .setVersion(v.version())
                .setSha256(nz(v.sha256()))
                .setSize(v.size())
                .setMediaType(nz(v.mediaType()))
                .setPageCount(v.pageCount())
                .setCreatedBy(nz(v.createdBy()));
        if (v.createdAt() != null) {
            b.setCreatedAt(timestamp(v.createdAt()));
        }
        if (v.origin() != null) {
            b.setOrigin(VersionOrigin.valueOf("VERSION_ORIGIN_" + v.origin().name()));
        }
        return b.build();
    }

    static SignatureReport signature(vn.motcua.digitization.signature.SignatureReport r) {
        SignatureReport.Builder b = SignatureReport.newBuilder()
                .setVerdict(SignatureVerdict.valueOf(
                        "SIGNATURE_VERDICT_" + r.verdict().name()))
                .setSummary(nz(r.summary()));
        for (SignerInfo s : r.signatures()) {
            SignatureInfo.Builder i = SignatureInfo.newBuilder()
                    .setSignerSubject(nz(s.signerSubject()))
                    .setSignerName(nz(s.signerName()))
                    .setIssuerSubject(nz(s.issuerSubject()))
                    .setSerialNumber(nz(s.serialNumber()))
                    .setIntact(s.intact())
                    .setCoversWholeDocument(s.coversWholeDocument())
                    .setTrusted(s.trusted())
                    .setSubFilter(nz(s.subFilter()))
                    .setProblem(nz(s.problem()));
            if (s.signedAt() != null) {
                i.setSignedAt(timestamp(s.signedAt()));
            }
            b.addSignatures(i);
        }
        return b.build();
    }

    static vn.motcua.proto.digitization.v1.ComponentSource source(ComponentSource s) {
        return vn.motcua.proto.digitization.v1.ComponentSource.valueOf("COMPONENT_SOURCE_" + s.name());
    }

    /** null for UNSPECIFIED (or a value this build does not know). */
    static ComponentSource source(vn.motcua.proto.digitization.v1.ComponentSource s) {
        return switch (s) {
            case COMPONENT_SOURCE_UPLOAD -> ComponentSource.UPLOAD;
            case COMPONENT_SOURCE_SCAN -> ComponentSource.SCAN;
            case COMPONENT_SOURCE_WAREHOUSE -> ComponentSource.WAREHOUSE;
            case COMPONENT_SOURCE_POPULATION_DATA -> ComponentSource.POPULATION_DATA;
            case COMPONENT_SOURCE_SECTOR_DATABASE -> ComponentSource.SECTOR_DATABASE;
            case COMPONENT_SOURCE_PRIOR_RESULT -> ComponentSource.PRIOR_RESULT;
            case COMPONENT_SOURCE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    /** null for UNSPECIFIED. */
    static ExemptionReason reason(vn.motcua.proto.digitization.v1.ExemptionReason r) {
        return switch (r) {
            case EXEMPTION_REASON_PRESENT_ONLY -> ExemptionReason.PRESENT_ONLY;
            case EXEMPTION_REASON_NATIONAL_DATABASE -> ExemptionReason.NATIONAL_DATABASE;
            case EXEMPTION_REASON_STATE_SECRET -> ExemptionReason.STATE_SECRET;
            case EXEMPTION_REASON_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder()
                .setSeconds(at.getEpochSecond())
                .setNanos(at.getNano())
                .build();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
