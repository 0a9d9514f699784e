package vn.motcua.digitization.it;

import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractBlockingStub;
import io.grpc.stub.MetadataUtils;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.testing.FileDocumentStore;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.digitization.v1.CertifiedCopyServiceGrpc;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc;
import vn.motcua.proto.digitization.v1.WarehouseServiceGrpc;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * Shared set-up of digitization-service ITs: a throwaway MariaDB database per class, the test identity provider,
 * dossier-service as a fake gRPC server ({@link FakeDossierService}), a plaintext channel to the real gRPC server,
 * and the document store test double ({@link FileDocumentStore}) to put files in place of an upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DigitizationItSupport implements TestPropertyProvider {

    public static final String UNIT = "11077";
    public static final String OTHER_UNIT = "11080";
    public static final String PROCEDURE = "1.001193";
    public static final String CITIZEN_A = "001099012345";
    public static final String CITIZEN_B = "001099054321";

    protected final TestDatabase db = TestDatabase.create(getClass().getSimpleName());
    protected final TestIdentityProvider idp = TestIdentityProvider.start();
    protected final FakeDossierService dossierService = FakeDossierService.start();

    @Inject
    protected GrpcEmbeddedServer server;

    @Inject
    protected FileDocumentStore store;

    protected ManagedChannel channel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties());
        props.putAll(idp.authProperties());
        props.put("grpc.channels.dossier.address", dossierService.address());
        props.put("motcua.digitization.dossier-link.call-timeout", "3s");
        props.putAll(extraProperties());
        return props;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    protected void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
        dossierService.procedure(PROCEDURE, 2, "Tờ khai", "Giấy khai sinh", "*Căn cước công dân");
    }

    @AfterAll
    protected void cleanUp() {
        channel.shutdownNow();
        dossierService.close();
        idp.close();
        db.close();
    }

    protected <S extends AbstractBlockingStub<S>> S as(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
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

    protected String receptionOfficer(String unit) {
        return idp.officer("reception-" + unit, unit, "reception_officer");
    }

    protected String specialist(String unit) {
        return idp.officer("specialist-" + unit, unit, "specialist");
    }

    protected String citizen(String citizenId) {
        return idp.citizen("citizen-" + citizenId, citizenId);
    }

    /** A dossier of {@link #UNIT} (procedure 1.001193 v2: two components and a present-only one). */
    protected Dossier dossier(String code, String reference, Channel channel, DossierStatus status, String applicant) {
        return Dossier.newBuilder()
                .setCode(code)
                .setSubmissionReference(reference)
                .setProcedureCode(PROCEDURE)
                .setProcedureVersion(2)
                .setReceivingUnitCode(UNIT)
                .setCompetentUnitCode(UNIT)
                .setStatus(status)
                .setChannel(channel)
                .setApplicant(
                        Applicant.newBuilder().setFullName("Nguyễn Văn An").setCitizenId(applicant))
                .build();
    }

    /** A counter dossier being processed, shown to the unit's officers and its applicant. */
    protected Dossier counterDossier(String code, String applicant) {
        Dossier d = dossier(code, "", Channel.CHANNEL_COUNTER, DossierStatus.DOSSIER_STATUS_IN_PROCESS, applicant);
        dossierService.dossier(
                d,
                "reception-" + UNIT,
                "specialist-" + UNIT,
                "leader-" + UNIT,
                "clerk-" + UNIT,
                "citizen-" + applicant);
        return d;
    }

    protected StoredDocument upload(String dossierCode, byte[] content, String mediaType) {
        return store.put(UploadScope.dossier(dossierCode), "scan.pdf", mediaType, content, "subject-officer");
    }

    protected long count(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<String> strings(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    protected static StatusRuntimeException failure(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a gRPC error");
    }

    /** "CODE/REASON" of a failed call, e.g. "FAILED_PRECONDITION/RULE_VIOLATED". */
    protected static String error(Runnable call) {
        StatusRuntimeException e = failure(call);
        ErrorInfo info = GrpcErrors.errorInfo(e);
        return e.getStatus().getCode() + "/" + (info == null ? "" : info.getReason());
    }

    protected static Map<String, String> metadata(Runnable call) {
        ErrorInfo info = GrpcErrors.errorInfo(failure(call));
        return info == null ? Map.of() : info.getMetadataMap();
    }
}
