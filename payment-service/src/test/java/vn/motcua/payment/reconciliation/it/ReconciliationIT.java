package vn.motcua.payment.reconciliation.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.payment.v1.GetReconciliationRequest;
import vn.motcua.proto.payment.v1.ImportSettlementRequest;
import vn.motcua.proto.payment.v1.ImportSettlementResponse;
import vn.motcua.proto.payment.v1.Mismatch;
import vn.motcua.proto.payment.v1.MismatchKind;
import vn.motcua.proto.payment.v1.PaymentReconciliationServiceGrpc;
import vn.motcua.proto.payment.v1.Reconciliation;

/**
 * PaymentReconciliationService over real gRPC on a throwaway MariaDB database: settlement files imported per unit
 * and day and matched against the successful online attempts of the payment tables (Asia/Ho_Chi_Minh days), the
 * strict file check that writes nothing, re-import, request_id idempotency and who may reconcile.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationIT implements TestPropertyProvider {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String HEADER = "order_ref,transaction_no,amount,currency,pay_date,status\n";

    private final TestDatabase db = TestDatabase.create("ReconciliationIT");
    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final PaymentTables tables = PaymentTables.mariaDb(db);

    @Inject
    GrpcEmbeddedServer server;

    private ManagedChannel channel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties());
        props.putAll(idp.authProperties());
        return props;
    }

    @BeforeAll
    void connect() throws SQLException {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
    }

    @AfterAll
    void cleanUp() {
        channel.shutdownNow();
        idp.close();
        db.close();
    }

    @Test
    void aSettlementFileWithOneMissingAndOneMismatchedLineReportsExactlyThoseTwo() throws Exception {
        // 7 Dec 2026 in Hà Nội runs from 6 Dec 17:00 UTC to 7 Dec 17:00 UTC
        paid("PAY-A", "11077", "PAY-A-1", 20_000, vn("2026-12-07T00:00:00"));
        paid("PAY-B", "11077", "PAY-B-2", 35_000, vn("2026-12-07T23:59:59.500"));
        paid("PAY-C", "11077", "PAY-C-1", 50_000, vn("2026-12-07T12:00:00"));
        paid("PAY-D", "11077", "PAY-D-1", 70_000, vn("2026-12-08T00:00:00")); // the next day
        tables.payment("PAY-E", "11077", "DOSSIER-PAY-E");
        tables.attempt("PAY-E-1", "PAY-E", "FAILED_DECLINED", 15_000, "T-E", vn("2026-12-07T10:00:00"));
        paid("PAY-X", "11080", "PAY-X-1", 25_000, vn("2026-12-07T10:00:00")); // another unit of the same merchant
        String csv = HEADER
                + "PAY-A-1,T-PAY-A-1,20000,VND,20261207000001,00\n"
                + "PAY-B-2,T-PAY-B-2,30000,VND,20261207235959,00\n"
                + "PAY-X-1,T-PAY-X-1,25000,VND,20261207100001,00\n";

        ImportSettlementResponse imported = rs(officer("11077")).importSettlement(request("2026-12-07", csv, "r-1"));

        assertThat(imported.getLines()).isEqualTo(3);
        Reconciliation r = imported.getReconciliation();
        assertThat(r.getUnitCode()).isEqualTo("11077");
        assertThat(r.getDate()).isEqualTo("2026-12-07");
        assertThat(r.getImported()).isTrue();
        assertThat(r.getMatched()).isEqualTo(1);
        assertThat(r.getMismatchesList())
                .containsExactly(
                        Mismatch.newBuilder()
                                .setKind(MismatchKind.MISMATCH_KIND_AMOUNT_DIFFERS)
                                .setOrderRef("PAY-B-2")
                                .setPaymentId("PAY-B")
                                .setDossierCode("DOSSIER-PAY-B")
                                .setHere(vnd(35_000))
                                .setSettlement(vnd(30_000))
                                .build(),
                        Mismatch.newBuilder()
                                .setKind(MismatchKind.MISMATCH_KIND_MISSING_IN_SETTLEMENT)
                                .setOrderRef("PAY-C-1")
                                .setPaymentId("PAY-C")
                                .setDossierCode("DOSSIER-PAY-C")
                                .setHere(vnd(50_000))
                                .build());
        assertThat(rs(leader("11077"))
                        .getReconciliation(get("11077", "2026-12-07"))
                        .getReconciliation())
                .as("asked again later, by the unit's leader")
                .isEqualTo(r);
    }

    @Test
    void aLineNotPaidHereIsMissingHereAndAReimportReplacesTheDay() throws Exception {
        paid("PAY-F", "11077", "PAY-F-1", 20_000, vn("2026-12-09T09:00:00"));
        rs(officer("11077"))
                .importSettlement(request(
                        "2026-12-09",
                        HEADER + "PAY-F-1,T1,20000,VND,20261209090000,00\nPAY-GHOST-1,T2,10000,VND,20261209090000,00\n",
                        ""));
        assertThat(rs(officer("11077"))
                        .getReconciliation(get("11077", "2026-12-09"))
                        .getReconciliation()
                        .getMismatchesList())
                .extracting(
                        Mismatch::getKind,
                        Mismatch::getOrderRef,
                        Mismatch::hasHere,
                        m -> m.getSettlement().getAmount())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        MismatchKind.MISMATCH_KIND_MISSING_HERE, "PAY-GHOST-1", false, 10_000L));

        ImportSettlementResponse again = rs(officer("11077"))
                .importSettlement(request("2026-12-09", HEADER + "PAY-F-1,T1,20000,VND,20261209090000,00\n", ""));

        assertThat(again.getLines()).isEqualTo(1);
        assertThat(again.getReconciliation().getMatched()).isEqualTo(1);
        assertThat(again.getReconciliation().getMismatchesList()).isEmpty();
        assertThat(count("settlement_line WHERE settlement_date = '2026-12-09'"))
                .isEqualTo(1);
    }

    @Test
    void aBadFileIsRefusedWithItsLineNumberAndWritesNothing() throws Exception {
        String good = HEADER + "PAY-G-1,T1,20000,VND,20261210090000,00\n";
        rs(officer("11077")).importSettlement(request("2026-12-10", good, ""));

        StatusRuntimeException refused = failure(() -> rs(officer("11077"))
                .importSettlement(request(
                        "2026-12-10",
                        HEADER + "PAY-G-1,T1,20000,VND,20261210090000,00\nPAY-H-1,T2,20000.50,VND,20261210090000,00\n",
                        "r-bad")));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(refused).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.toList().get(0)).isEqualTo("csv");
                    assertThat((String) v.toList().get(1)).startsWith("line 3: amount");
                });
        assertThat(count("settlement_line WHERE settlement_date = '2026-12-10'"))
                .as("the earlier import stands")
                .isEqualTo(1);
        assertThat(count("idempotent_request WHERE request_id = 'r-bad'")).isZero();
        assertThat(failure(() -> rs(officer("11077")).importSettlement(request("2026-12-10", "", "")))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        StatusRuntimeException badDate =
                failure(() -> rs(officer("11077")).getReconciliation(get("11077", "10/12/2026")));
        assertThat(GrpcErrors.badRequest(badDate).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("date");
    }

    @Test
    void theSameRequestIdReplaysTheFirstResultAndRefusesAnotherFile() throws Exception {
        String first = HEADER + "PAY-I-1,T1,20000,VND,20261211090000,00\nPAY-I-2,T2,20000,VND,20261211090000,00\n";
        String second = HEADER + "PAY-I-1,T1,20000,VND,20261211090000,00\n";
        assertThat(rs(officer("11077"))
                        .importSettlement(request("2026-12-11", first, "r-idem"))
                        .getLines())
                .isEqualTo(2);
        rs(officer("11077")).importSettlement(request("2026-12-11", second, "r-other"));

        ImportSettlementResponse replay = rs(officer("11077")).importSettlement(request("2026-12-11", first, "r-idem"));

        assertThat(replay.getLines()).isEqualTo(2);
        assertThat(count("settlement_line WHERE settlement_date = '2026-12-11'"))
                .as("the replay imported nothing again")
                .isEqualTo(1);
        StatusRuntimeException reused =
                failure(() -> rs(officer("11077")).importSettlement(request("2026-12-11", second, "r-idem")));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(GrpcErrors.errorInfo(reused).getReason()).isEqualTo("REQUEST_ID_REUSED");
    }

    @Test
    void aDayWithoutAnImportIsReportedAsNotImported() {
        Reconciliation r = rs(officer("11077"))
                .getReconciliation(get("11077", "2026-12-01"))
                .getReconciliation();

        assertThat(r.getImported()).isFalse();
        assertThat(r.getMismatchesList()).isEmpty();
    }

    @Test
    void onlyTheUnitsReceptionOfficersAndLeadersReconcile() throws Exception {
        String csv = HEADER + "PAY-J-1,T1,20000,VND,20261212090000,00\n";
        Map<String, Status.Code> refusals = new java.util.LinkedHashMap<>();
        refusals.put(idp.citizen("congdan.an", "030090001234"), Status.Code.PERMISSION_DENIED);
        refusals.put(idp.officer("cv.ngocson", "11077", "specialist"), Status.Code.PERMISSION_DENIED);
        refusals.put(idp.officer("vt.ngocson", "11077", "clerk"), Status.Code.PERMISSION_DENIED);
        refusals.put(idp.officer("bc.haiduong", "30", "report_viewer"), Status.Code.PERMISSION_DENIED);
        refusals.put(idp.officer("mc.nounit", null, "reception_officer"), Status.Code.PERMISSION_DENIED);
        refusals.put(officer("11080"), Status.Code.NOT_FOUND);
        refusals.put(idp.officer("mc.tuky", "298", "reception_officer"), Status.Code.NOT_FOUND);
        refusals.put(null, Status.Code.UNAUTHENTICATED);
        refusals.forEach((token, code) -> {
            assertThat(failure(() -> rs(token).importSettlement(request("2026-12-12", csv, "")))
                            .getStatus()
                            .getCode())
                    .isEqualTo(code);
            assertThat(failure(() -> rs(token).getReconciliation(get("11077", "2026-12-12")))
                            .getStatus()
                            .getCode())
                    .isEqualTo(code);
        });
        assertThat(count("settlement_import WHERE settlement_date = '2026-12-12'"))
                .isZero();

        assertThat(rs(leader("11077"))
                        .importSettlement(request("2026-12-12", csv, ""))
                        .getLines())
                .isEqualTo(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void paid(String paymentId, String unit, String orderRef, long amount, Instant settledAt)
            throws SQLException {
        tables.payment(paymentId, unit, "DOSSIER-" + paymentId);
        tables.attempt(orderRef, paymentId, "SUCCESS", amount, "T-" + orderRef, settledAt);
    }

    private static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
    }

    private static Money vnd(long amount) {
        return Money.newBuilder().setAmount(amount).setCurrencyCode("VND").build();
    }

    private String officer(String unit) {
        return idp.officer("mc." + unit, unit, "reception_officer");
    }

    private String leader(String unit) {
        return idp.officer("ld." + unit, unit, "unit_leader");
    }

    private static ImportSettlementRequest request(String date, String csv, String requestId) {
        return ImportSettlementRequest.newBuilder()
                .setRequestId(requestId)
                .setUnitCode("11077")
                .setDate(date)
                .setCsv(ByteString.copyFrom(csv, StandardCharsets.UTF_8))
                .build();
    }

    private static GetReconciliationRequest get(String unit, String date) {
        return GetReconciliationRequest.newBuilder()
                .setUnitCode(unit)
                .setDate(date)
                .build();
    }

    private PaymentReconciliationServiceGrpc.PaymentReconciliationServiceBlockingStub rs(String token) {
        PaymentReconciliationServiceGrpc.PaymentReconciliationServiceBlockingStub stub =
                PaymentReconciliationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
        if (token == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private long count(String tableAndWhere) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tableAndWhere);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static StatusRuntimeException failure(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a gRPC error");
    }
}
