package vn.motcua.digitization.document.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.digitization.document.content.Fixtures;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.VersionOrigin;
import vn.motcua.digitization.document.service.DocumentStore;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentVersion;
import vn.motcua.proto.digitization.v1.GetDocumentRequest;

/**
 * A version the service writes itself (the QR-stamped copy of a scan, {@link DocumentStore#addDerivedVersion}) is
 * inspected like an upload, gets the next number with what the inspection found (not the source version's media
 * type or page count), and is recorded in the caller's transaction: when the caller fails after it, no version is
 * left behind.
 */
@MicronautTest(transactional = false)
class DerivedVersionIT extends DocumentItSupport {

    @Inject
    DocumentStore store;

    @Inject
    TransactionOperations<Connection> tx;

    @TempDir
    Path dir;

    private Document uploadedScan(String dossierCode) {
        counterDossier(dossierCode, CITIZEN_A);
        return upload(officer(), header(dossierCode, "scan.pdf").build(), Fixtures.pdf(1));
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private List<DocumentVersion> versions(String documentId) {
        return blocking(officer())
                .getDocument(GetDocumentRequest.newBuilder()
                        .setDocumentId(documentId)
                        .build())
                .getDocument()
                .getVersionsList();
    }

    @Test
    void aDerivedVersionIsInspectedAndStoredAsTheNextVersion() throws IOException {
        Document doc = uploadedScan("HS-DERIVED-1");
        byte[] stamped = Fixtures.pdf(3);

        StoredVersion v = store.addDerivedVersion(
                doc.getId(), file("stamped.pdf", stamped), VersionOrigin.QR_STAMPED, "reception-" + UNIT);

        assertThat(v.version()).isEqualTo(2);
        assertThat(v.origin()).isEqualTo(VersionOrigin.QR_STAMPED);
        assertThat(v.sha256()).isEqualTo(sha256(stamped));
        assertThat(v.size()).isEqualTo(stamped.length);
        assertThat(v.mediaType()).isEqualTo("application/pdf");
        assertThat(v.pageCount())
                .as("counted in the new file, not copied from version 1")
                .isEqualTo(3);
        assertThat(versions(doc.getId()))
                .extracting(DocumentVersion::getVersion, DocumentVersion::getPageCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(2, 3));
        assertThat(download(officer(), doc.getId(), 2, true).content()).isEqualTo(stamped);
        assertThat(download(officer(), doc.getId(), 1, false).sha256())
                .as("the scan itself stays")
                .isEqualTo(doc.getVersions(0).getSha256());
    }

    @Test
    void aDerivedVersionTheInspectionRefusesIsNotRecorded() throws IOException {
        Document doc = uploadedScan("HS-DERIVED-2");
        for (byte[] bad : List.of(Fixtures.elfExecutable(), Fixtures.pdfWithOpenActionJavaScript(true), new byte[0])) {
            Path refused = file("refused.pdf", bad);
            assertThatThrownBy(() -> store.addDerivedVersion(
                            doc.getId(), refused, VersionOrigin.QR_STAMPED, "reception-" + UNIT))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
                        assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .contains("file");
                    });
        }
        assertThat(versions(doc.getId())).hasSize(1);
    }

    @Test
    void aDerivedVersionJoinsTheCallersTransactionSoAFailureAfterItLeavesNoVersion() throws IOException {
        Document doc = uploadedScan("HS-DERIVED-3");
        Path stamped = file("stamped.pdf", Fixtures.pdf(2));

        assertThatThrownBy(() -> tx.executeWrite(status -> {
                    StoredVersion v = store.addDerivedVersion(
                            doc.getId(), stamped, VersionOrigin.QR_STAMPED, "reception-" + UNIT);
                    assertThat(v.version()).isEqualTo(2);
                    assertThat(store.find(doc.getId()).orElseThrow().versions())
                            .as("seen inside the caller's transaction")
                            .hasSize(2);
                    throw new IllegalStateException("the caller fails after the version was added");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the caller fails");

        assertThat(versions(doc.getId())).as("rolled back with the caller").hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM document_version WHERE document_id = ?", doc.getId()))
                .isOne();

        StoredVersion retried =
                store.addDerivedVersion(doc.getId(), stamped, VersionOrigin.QR_STAMPED, "reception-" + UNIT);
        assertThat(retried.version())
                .as("the number the failed attempt had is free again")
                .isEqualTo(2);
    }
}
