package vn.motcua.digitization.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import vn.motcua.digitization.testing.ServiceItSupport;
import vn.motcua.digitization.testing.SignedPdfs;
import vn.motcua.proto.digitization.v1.CertifiedCopyServiceGrpc;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc;
import vn.motcua.proto.digitization.v1.WarehouseServiceGrpc;

/**
 * The digitization ITs' additions to {@link ServiceItSupport}: real signed PDFs ({@link SignedPdfs}) whose CA is the
 * service's only trusted root, stubs of the digitization, warehouse and certified-copy services, and the dossier's
 * events as written to the outbox.
 */
public abstract class DigitizationItSupport extends ServiceItSupport {

    private final Path pdfDir = tempDir("digitization-it-pdfs-");
    protected final SignedPdfs pdfs = new SignedPdfs(pdfDir);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put(
                "motcua.digitization.signature.trusted-roots",
                pdfs.trustedRoots().toString());
        return props;
    }

    @Override
    @AfterAll
    protected void cleanUp() {
        super.cleanUp();
        deleteTree(pdfDir);
    }

    protected DigitizationServiceGrpc.DigitizationServiceBlockingStub digitization(String token) {
        return as(DigitizationServiceGrpc.newBlockingStub(channel), token);
    }

    protected WarehouseServiceGrpc.WarehouseServiceBlockingStub warehouse(String token) {
        return as(WarehouseServiceGrpc.newBlockingStub(channel), token);
    }

    protected CertifiedCopyServiceGrpc.CertifiedCopyServiceBlockingStub copies(String token) {
        return as(CertifiedCopyServiceGrpc.newBlockingStub(channel), token);
    }

    /** The dossier's DigitizationChanged events in the outbox, in writing order, with their event type. */
    protected List<Map.Entry<String, DigitizationChanged>> events(String dossierKey) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT event_type, payload FROM feed_outbox"
                        + " WHERE aggregate_type = 'dossier_digitization' AND aggregate_id = ? ORDER BY id")) {
            ps.setString(1, dossierKey);
            List<Map.Entry<String, DigitizationChanged>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Map.entry(rs.getString(1), DigitizationChanged.parseFrom(rs.getBytes(2))));
                }
            }
            return out;
        } catch (SQLException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
