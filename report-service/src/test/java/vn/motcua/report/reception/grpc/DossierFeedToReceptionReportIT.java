package vn.motcua.report.reception.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;
import vn.motcua.platform.testing.HandlerThreads;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.report.v1.CountDailyReceptionsRequest;
import vn.motcua.proto.report.v1.DailyReceptionCount;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.report.feed.grpc.DossierFeedConsumer;
import vn.motcua.report.it.ReportItSupport;

/**
 * End to end over real gRPC on MariaDB. This service's own outbox plays dossier-service: with motcua.feed.source
 * set it serves the platform's ChangeFeed (the very producer code dossier-service runs), and the dossier channel
 * points back at this server. The subscriber authenticates with a client-credentials token from the test identity
 * provider; reports are read with officer tokens.
 * <p>
 * Hierarchy used: province 30 > district 298 > communes 11077, 11080; province 30 > district 297 > commune 10999.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierFeedToReceptionReportIT implements TestPropertyProvider {

    private static final String REPORT_CLIENT = "motcua-report-service";

    private final TestDatabase db = TestDatabase.create("report_e2e");
    private final TestIdentityProvider idp = TestIdentityProvider.start().serviceAccount(REPORT_CLIENT, Set.of());
    private final int grpcPort = TestPorts.free();

    @Inject
    ApplicationContext context;

    @Inject
    OutboxWriter outbox;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    FeedCursorStore cursors;

    @Inject
    HandlerThreads handlerThreads;

    private ManagedChannel channel;
    private long lastSeq;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("grpc.channels.dossier.address", "127.0.0.1:" + grpcPort);
        props.put("motcua.service-account.client-secret", "it-secret");
        props.put("motcua.feed.source", DossierFeedConsumer.SOURCE);
        props.put("motcua.feed.allowed-clients", REPORT_CLIENT);
        props.put("motcua.feed.poll-interval", "20ms");
        props.put("motcua.feed.heartbeat-interval", "200ms");
        props.put(HandlerThreads.ENABLED, "true");
        return props;
    }

    @BeforeAll
    void produceEventsAndWaitForTheConsumer() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        received("11077", List.of("30", "298", "11077"), "2026-11-27T02:15:00.123456Z");
        received("11077", List.of("30", "298", "11077"), "2026-11-27T16:59:59Z"); // 23:59:59 in Hanoi
        received("11077", List.of("30", "298", "11077"), "2026-11-27T17:00:00Z"); // midnight: the 28th
        received("11080", List.of("30", "298", "11080"), "2026-11-27T08:00:00Z");
        received("10999", List.of("30", "297", "10999"), "2026-11-27T08:00:00Z");
        // an event type this service knowingly ignores moves the cursor and counts nothing
        append(new OutboxEntry(
                "dossier",
                "D-assigned",
                "dossier.assigned",
                "11077",
                Instant.parse("2026-11-27T09:00:00Z"),
                ReportItSupport.receivedPayload(
                        "D-assigned", "11077", List.of("30", "298", "11077"), "2026-11-27T02:00:00Z")));
        received("11077", List.of("30", "298", "11077"), "2026-11-26T16:59:59.999999Z"); // still the 26th

        ReportItSupport.awaitTrue(
                "the subscriber to apply seq " + lastSeq,
                Duration.ofSeconds(60),
                () -> cursors.cursor(DossierFeedConsumer.CONSUMER, DossierFeedConsumer.SOURCE) >= lastSeq);
    }

    @AfterAll
    void cleanUp() {
        channel.shutdownNow();
        // stop the subscriber and the feed server before their database disappears
        context.stop();
        idp.close();
        db.close();
    }

    private void received(String unit, List<String> path, String receivedAt) {
        String code = "H30." + unit + "-" + (lastSeq + 1);
        append(new OutboxEntry(
                "dossier",
                code,
                "dossier.received",
                unit,
                Instant.parse(receivedAt),
                ReportItSupport.receivedPayload(code, unit, path, receivedAt)));
    }

    private void append(OutboxEntry entry) {
        tx.executeWrite(status -> outbox.append(entry));
        lastSeq++;
    }

    private ReportServiceGrpc.ReportServiceBlockingStub as(String token) {
        return ReportServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static CountDailyReceptionsRequest request(String unit, String from, String to) {
        return CountDailyReceptionsRequest.newBuilder()
                .setUnitCode(unit)
                .setFromDate(from)
                .setToDate(to)
                .build();
    }

    private static List<String> rows(List<DailyReceptionCount> rows) {
        return rows.stream()
                .map(r -> r.getDate() + " " + r.getUnitCode() + " " + r.getReceived())
                .toList();
    }

    private StatusRuntimeException failure(String token, CountDailyReceptionsRequest request) {
        StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class, () -> as(token).countDailyReceptions(request));
        assertThat(e).as("expected the call to fail").isNotNull();
        return e;
    }

    /** Report reads (token check, JDBC) and the feed this IT follows run on the worker pool, not on an event loop. */
    @Test
    void handlersRunOnTheWorkerPoolNotOnAnEventLoop() {
        String token = idp.officer("leader298", "298", "unit_leader");
        as(token).countDailyReceptions(request("", "2026-11-26", "2026-11-28"));

        handlerThreads.assertRanOnWorkerPool(
                ReportServiceGrpc.getCountDailyReceptionsMethod(), ChangeFeedGrpc.getSubscribeMethod());
    }

    @Test
    void healthAnswersServing() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void districtOfficerSeesItsCommunesByDateThenUnit() {
        String token = idp.officer("leader298", "298", "unit_leader");
        var response = as(token).countDailyReceptions(request("", "2026-11-26", "2026-11-28"));
        assertThat(rows(response.getRowsList()))
                .containsExactly(
                        "2026-11-26 11077 1", "2026-11-27 11077 2", "2026-11-27 11080 1", "2026-11-28 11077 1");
    }

    @Test
    void provinceViewerSeesEveryDistrict() {
        String token = idp.officer("viewer30", "30", "report_viewer");
        var response = as(token).countDailyReceptions(request("30", "2026-11-27", "2026-11-27"));
        assertThat(rows(response.getRowsList()))
                .containsExactly("2026-11-27 10999 1", "2026-11-27 11077 2", "2026-11-27 11080 1");
    }

    @Test
    void districtOfficerMayNarrowToOneCommune() {
        String token = idp.officer("specialist298", "298", "specialist");
        var response = as(token).countDailyReceptions(request("11080", "2026-11-01", "2026-11-30"));
        assertThat(rows(response.getRowsList())).containsExactly("2026-11-27 11080 1");
    }

    @Test
    void communeOfficerDefaultsToOwnUnitAndPeriodBoundsAreInclusive() {
        String token = idp.officer("reception11077", "11077", "reception_officer");
        var response = as(token).countDailyReceptions(request("", "2026-11-27", "2026-11-27"));
        assertThat(rows(response.getRowsList())).containsExactly("2026-11-27 11077 2");
    }

    @Test
    void citizenIsPermissionDenied() {
        StatusRuntimeException e = failure(idp.citizen("dan", "001099000001"), request("", "2026-11-27", "2026-11-27"));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("ROLE_NOT_ALLOWED");
    }

    @Test
    void unitOutsideTheCallersSubtreeIsNotFound() {
        String commune = idp.officer("reception11077", "11077", "reception_officer");
        String otherDistrict = idp.officer("leader297", "297", "unit_leader");
        for (var attempt : List.of(
                Map.entry(commune, "11080"), // sibling commune
                Map.entry(commune, "298"), // own parent
                Map.entry(otherDistrict, "11077"), // another district's commune
                Map.entry(commune, "99999"))) { // unknown: indistinguishable from out of scope
            StatusRuntimeException e =
                    failure(attempt.getKey(), request(attempt.getValue(), "2026-11-27", "2026-11-27"));
            assertThat(e.getStatus().getCode()).as(attempt.getValue()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void badDatesAreInvalidArgumentWithFieldViolations() {
        String token = idp.officer("leader298", "298", "unit_leader");
        StatusRuntimeException malformed = failure(token, request("", "27/11/2026", ""));
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(malformed).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("from_date", "to_date");

        StatusRuntimeException reversed = failure(token, request("", "2026-11-28", "2026-11-27"));
        assertThat(GrpcErrors.badRequest(reversed).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("to_date");

        StatusRuntimeException tooLong = failure(token, request("", "2025-01-01", "2026-11-27"));
        assertThat(tooLong.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.errorInfo(tooLong).getReason()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void callWithoutTokenIsUnauthenticated() {
        StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> ReportServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .countDailyReceptions(request("", "2026-11-27", "2026-11-27")));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void ignoredEventStillMovedTheCursorAndNothingWasCountedTwice() {
        assertThat(cursors.cursor(DossierFeedConsumer.CONSUMER, DossierFeedConsumer.SOURCE))
                .isEqualTo(lastSeq);
        assertThat(ReportItSupport.queryLong(
                        db, "SELECT COUNT(*) FROM feed_consumed WHERE consumer = ?", DossierFeedConsumer.CONSUMER))
                .isEqualTo(lastSeq);
        assertThat(ReportItSupport.queryLong(db, "SELECT SUM(received) FROM daily_reception"))
                .isEqualTo(6);
    }
}
