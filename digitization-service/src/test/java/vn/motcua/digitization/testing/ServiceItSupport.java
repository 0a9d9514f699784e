package vn.motcua.digitization.testing;

import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractBlockingStub;
import io.grpc.stub.MetadataUtils;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.UploadHeader;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * What every digitization-service IT shares: a throwaway MariaDB database and data directory (blobs, spool) per
 * class, the test identity provider, dossier-service as a fake gRPC server ({@link FakeDossierService}: it decides
 * who sees a dossier, as the real one does), a plaintext channel to the service's real gRPC server, and documents
 * uploaded through the real DocumentService ({@link DocumentUploadClient}), so the real access rules, inspection
 * and blob store are in every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceItSupport implements TestPropertyProvider {

    public static final String UNIT = "11077";
    public static final String OTHER_UNIT = "11080";
    public static final String PROCEDURE = "1.001193";
    public static final String CITIZEN_A = "001099012345";
    public static final String CITIZEN_B = "001099054321";

    protected final TestDatabase db = TestDatabase.create(getClass().getSimpleName());
    protected final TestIdentityProvider idp = TestIdentityProvider.start();
    protected final FakeDossierService dossierService = FakeDossierService.start();
    protected final Path dataDir = tempDir("digitization-it-");

    @Inject
    protected GrpcEmbeddedServer server;

    protected ManagedChannel channel;
    protected DocumentUploadClient documents;

    protected static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties());
        props.putAll(idp.authProperties());
        props.put("motcua.data-dir", dataDir.toString());
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
        documents = new DocumentUploadClient(channel);
        dossierService.procedure(PROCEDURE, 2, "Tờ khai", "Giấy khai sinh", "*Căn cước công dân");
    }

    @AfterAll
    protected void cleanUp() {
        channel.shutdownNow();
        dossierService.close();
        idp.close();
        db.close();
        deleteTree(dataDir);
    }

    protected static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- callers -------------------------------------------------------------------------------------------------

    protected <S extends AbstractBlockingStub<S>> S as(S stub, String token) {
        return stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(DocumentUploadClient.auth(token)));
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

    // ---- dossiers at the fake dossier-service ---------------------------------------------------------------------

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
        return shownToUnitAndApplicant(
                dossier(code, "", Channel.CHANNEL_COUNTER, DossierStatus.DOSSIER_STATUS_IN_PROCESS, applicant));
    }

    /** An online dossier just submitted by the applicant, shown to them and the unit's officers. */
    protected Dossier onlineDossier(String reference, String applicant) {
        return shownToUnitAndApplicant(dossier(
                reference, reference, Channel.CHANNEL_ONLINE, DossierStatus.DOSSIER_STATUS_SUBMITTED, applicant));
    }

    private Dossier shownToUnitAndApplicant(Dossier d) {
        dossierService.dossier(
                d,
                "reception-" + UNIT,
                "specialist-" + UNIT,
                "leader-" + UNIT,
                "clerk-" + UNIT,
                "citizen-" + d.getApplicant().getCitizenId());
        return d;
    }

    // ---- documents, through the real DocumentService --------------------------------------------------------------

    /** A file of the dossier, uploaded by the unit's specialist (the dossier must be shown to them). */
    protected Document upload(String dossierCode, String fileName, byte[] content) {
        return documents.upload(
                specialist(UNIT),
                DocumentUploadClient.forDossier(dossierCode, fileName).build(),
                content);
    }

    /** An original presented at the unit's desk, uploaded by its reception officer. */
    protected Document uploadAtDesk(String unit, String fileName, byte[] content) {
        return documents.upload(
                receptionOfficer(unit),
                DocumentUploadClient.forUnit(unit, fileName).build(),
                content);
    }

    protected Document upload(String token, UploadHeader header, byte[] content) {
        return documents.upload(token, header, content);
    }

    // ---- the database, read directly for assertions ---------------------------------------------------------------

    protected long count(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
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
            bind(ps, args);
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

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    // ---- errors --------------------------------------------------------------------------------------------------

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
