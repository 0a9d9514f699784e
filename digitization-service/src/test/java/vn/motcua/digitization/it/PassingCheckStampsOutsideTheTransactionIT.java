package vn.motcua.digitization.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.motcua.digitization.stamp.DocumentQrStamper;
import vn.motcua.digitization.stamp.QrPayload;
import vn.motcua.digitization.stamp.QrStamper;
import vn.motcua.proto.digitization.v1.AttachComponentDocumentRequest;
import vn.motcua.proto.digitization.v1.CheckComponentRequest;
import vn.motcua.proto.digitization.v1.ComponentSource;
import vn.motcua.proto.digitization.v1.ComponentState;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DossierComponent;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;

/**
 * A passing check stamps the QR (seconds for a large PDF) outside any transaction: while the stamper runs, this
 * thread holds no transaction or pooled connection and another connection can lock the component and snapshot rows
 * without waiting. A component changed between the stamp and the write is refused (ABORTED) with nothing written.
 */
@MicronautTest(transactional = false)
class PassingCheckStampsOutsideTheTransactionIT extends DigitizationItSupport {

    @Inject
    TransactionOperations<Connection> tx;

    /** Runs inside {@link QrStamper#stamp}, on the thread that stamps, before the real stamper. */
    private final AtomicReference<Runnable> whileStamping = new AtomicReference<>(() -> {});

    @MockBean(DocumentQrStamper.class)
    QrStamper stamper() {
        DocumentQrStamper real = new DocumentQrStamper();
        return (Path source, String mediaType, QrPayload payload, Path target) -> {
            whileStamping.get().run();
            return real.stamp(source, mediaType, payload, target);
        };
    }

    private DossierComponent attach(String token, String code, String documentId) {
        return digitization(token)
                .attachComponentDocument(AttachComponentDocumentRequest.newBuilder()
                        .setDossierCode(code)
                        .setComponentNumber(1)
                        .setDocumentId(documentId)
                        .setSource(ComponentSource.COMPONENT_SOURCE_SCAN)
                        .build())
                .getComponent();
    }

    private DossierComponent checkPassing(String token, String code) {
        return digitization(token)
                .checkComponent(CheckComponentRequest.newBuilder()
                        .setDossierCode(code)
                        .setComponentNumber(1)
                        .setMatchesOriginal(true)
                        .build())
                .getComponent();
    }

    private DossierComponent component1(String token, String code) {
        return digitization(token)
                .getDossierDigitization(GetDossierDigitizationRequest.newBuilder()
                        .setDossierCode(code)
                        .build())
                .getDigitization()
                .getComponents(0);
    }

    /** Locks every component and snapshot row from another connection, failing at once on a held lock. */
    private List<String> lockRowsWithoutWaiting() {
        List<String> locked = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String table : List.of("dossier_component", "dossier_snapshot", "document")) {
                    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " FOR UPDATE NOWAIT")) {
                        while (rs.next()) {
                            locked.add(table);
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new AssertionError("a row is locked while the QR is stamped: " + e.getMessage(), e);
        }
        return locked;
    }

    @Test
    void theStamperRunsWithNoTransactionOrConnectionAndNoRowLocked() {
        String code = "H30.298.11077-260601-0001";
        counterDossier(code, CITIZEN_A);
        String officer = receptionOfficer(UNIT);
        Document doc = upload(code, "scan.pdf", pdfs.scan(2));
        attach(officer, code, doc.getId());
        AtomicReference<String> seen = new AtomicReference<>();
        whileStamping.set(() -> {
            List<String> locked = lockRowsWithoutWaiting();
            seen.set("transaction=" + tx.findTransactionStatus().isPresent() + " connection=" + tx.hasConnection()
                    + " locked=" + locked.containsAll(List.of("dossier_component", "dossier_snapshot", "document")));
        });

        DossierComponent checked = checkPassing(officer, code);

        assertThat(seen.get())
                .as("on the stamping thread; the other connection took every row lock")
                .isEqualTo("transaction=false connection=false locked=true");
        assertThat(checked.getState()).isEqualTo(ComponentState.COMPONENT_STATE_CHECKED);
        assertThat(checked.getDocumentVersion().getVersion()).isEqualTo(2);
    }

    @Test
    void aComponentReattachedWhileItsQrIsStampedIsRefusedWithNothingWritten() {
        String code = "H30.298.11077-260601-0002";
        counterDossier(code, CITIZEN_A);
        String officer = receptionOfficer(UNIT);
        Document first = upload(code, "scan.pdf", pdfs.scan(1));
        Document second = upload(code, "rescan.pdf", pdfs.scan(1));
        attach(officer, code, first.getId());
        whileStamping.set(() -> attach(officer, code, second.getId()));

        String refused = error(() -> checkPassing(officer, code));
        whileStamping.set(() -> {});

        assertThat(refused).isEqualTo("ABORTED/CONCURRENT_UPDATE");
        DossierComponent now = component1(officer, code);
        assertThat(now.getState()).isEqualTo(ComponentState.COMPONENT_STATE_UPLOADED);
        assertThat(now.getDocumentId()).isEqualTo(second.getId());
        assertThat(now.getDocumentVersion().getVersion()).isEqualTo(1);
        assertThat(now.getQrPayload()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM document_version WHERE document_id = ?", first.getId()))
                .as("no stamped version of the first scan")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM document_version WHERE document_id = ?", second.getId()))
                .isEqualTo(1);

        DossierComponent retried = checkPassing(officer, code);
        assertThat(retried.getState()).isEqualTo(ComponentState.COMPONENT_STATE_CHECKED);
        assertThat(retried.getDocumentId()).isEqualTo(second.getId());
        assertThat(retried.getDocumentVersion().getVersion()).isEqualTo(2);
    }
}
