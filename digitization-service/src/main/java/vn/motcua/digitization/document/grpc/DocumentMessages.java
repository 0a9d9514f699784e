package vn.motcua.digitization.document.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentVersion;
import vn.motcua.proto.digitization.v1.VersionOrigin;

/** Documents as proto messages (the only translation between the domain records and the contract). */
final class DocumentMessages {

    private DocumentMessages() {}

    static Document document(StoredDocument d) {
        Document.Builder b = Document.newBuilder()
                .setId(d.id())
                .setFileName(d.fileName())
                .setCreatedAt(timestamp(d.createdAt()))
                .setCreatedBy(nullToEmpty(d.createdBy()));
        if (d.scope().dossierCode() != null) {
            b.setDossierCode(d.scope().dossierCode());
        }
        if (d.scope().certifyingUnitCode() != null) {
            b.setCertifyingUnitCode(d.scope().certifyingUnitCode());
        }
        d.versions().forEach(v -> b.addVersions(version(v)));
        return b.build();
    }

    static DocumentVersion version(StoredVersion v) {
        return DocumentVersion.newBuilder()
                .setVersion(v.version())
                .setSha256(v.sha256())
                .setSize(v.size())
                .setMediaType(v.mediaType())
                .setPageCount(v.pageCount())
                .setCreatedAt(timestamp(v.createdAt()))
                .setCreatedBy(nullToEmpty(v.createdBy()))
                .setOrigin(
                        switch (v.origin()) {
                            case UPLOADED -> VersionOrigin.VERSION_ORIGIN_UPLOADED;
                            case QR_STAMPED -> VersionOrigin.VERSION_ORIGIN_QR_STAMPED;
                        })
                .build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
