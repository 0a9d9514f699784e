package vn.motcua.report.projection.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.report.v1.FeedPosition;
import vn.motcua.proto.report.v1.GetProjectionStatusRequest;
import vn.motcua.proto.report.v1.ProjectionStatus;
import vn.motcua.proto.report.v1.RebuildProjectionsRequest;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.report.feed.grpc.FollowedFeed;
import vn.motcua.report.it.FakeChangeFeed;
import vn.motcua.report.it.FeedScript;
import vn.motcua.report.it.FixedImportedHistory;
import vn.motcua.report.it.GeneratedLoad;
import vn.motcua.report.it.ProjectionTables;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.it.ReportScenario;
import vn.motcua.report.projection.service.ProjectionRebuild;

/**
 * The whole projection with its live followers on MariaDB: three producers' feeds (fake ChangeFeed servers serving
 * {@link ReportScenario} plus a generated population) and imported histories. A rebuild through the RPC (a unit_admin
 * of the province) replays everything from seq 0 without restarting anything and must end with byte-identical tables
 * to the incremental state; so must a rebuild interrupted at any of its steps and resumed as a restart resumes it.
 * The time each full application takes is logged as events/s (nothing timed is asserted).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildEqualsIncrementalIT implements TestPropertyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildEqualsIncrementalIT.class);
    private static final String REPORT_CLIENT = "motcua-report-service";
    private static final int DOSSIERS = Integer.getInteger("it.projection.dossiers", 2000);

    private final TestDatabase db = TestDatabase.create("report_rebuild");
    private final TestIdentityProvider idp = TestIdentityProvider.start().serviceAccount(REPORT_CLIENT, Set.of());
    private final int grpcPort = TestPorts.free();
    private final FakeChangeFeed dossierFeed = FakeChangeFeed.start(TestPorts.free());
    private final FakeChangeFeed paymentFeed = FakeChangeFeed.start(TestPorts.free());
    private final FakeChangeFeed digitizationFeed = FakeChangeFeed.start(TestPorts.free());
    private final ReportScenario scenario = new ReportScenario();
    private Map<String, List<String>> incremental;
    private ManagedChannel channel;

    @Inject
    ApplicationContext context;

    @Inject
    FeedCursorStore cursors;

    @Inject
    FixedImportedHistory imports;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    List<FollowedFeed> followers;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("motcua.service-account.client-secret", "it-secret");
        props.put("grpc.channels.dossier.address", "127.0.0.1:" + dossierFeed.port());
        props.put("grpc.channels.payment.address", "127.0.0.1:" + paymentFeed.port());
        props.put("grpc.channels.digitization.address", "127.0.0.1:" + digitizationFeed.port());
        props.put("motcua.report.feeds.payment.enabled", "true");
        props.put("motcua.report.feeds.digitization.enabled", "true");
        props.put("it.imported-history-replay", "true");
        return props;
    }

    @BeforeAll
    void feedEverythingOnce() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        GeneratedLoad.append(scenario, DOSSIERS);
        imports.importRows(GeneratedLoad.imports(DOSSIERS / 10));
        long started = System.nanoTime();
        dossierFeed.appendAll(scenario.dossiers.events());
        paymentFeed.appendAll(scenario.payments.events());
        digitizationFeed.appendAll(scenario.digitization.events());
        awaitCaughtUp("the incremental projection");
        logRate("incremental (live followers, the whole backlog at once)", started);
        incremental = ProjectionTables.dump(db);
        assertThat(incremental.get("dossier_fact")).hasSizeGreaterThan(DOSSIERS);
    }

    @AfterAll
    void cleanUp() {
        channel.shutdownNow();
        context.stop();
        dossierFeed.close();
        paymentFeed.close();
        digitizationFeed.close();
        idp.close();
        db.close();
    }

    private long events() {
        return dossierFeed.highWater() + paymentFeed.highWater() + digitizationFeed.highWater();
    }

    private void logRate(String what, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        LOG.info(
                "Projection throughput, {}: {} events in {} s = {} events/s",
                what,
                events(),
                String.format("%.2f", seconds),
                Math.round(events() / seconds));
    }

    private void awaitCaughtUp(String what) {
        ReportItSupport.awaitTrue(
                what,
                Duration.ofMinutes(5),
                () -> cursors.cursor(FollowedFeed.CONSUMER, FeedScript.DOSSIER_SOURCE) == dossierFeed.highWater()
                        && cursors.cursor(FollowedFeed.CONSUMER, FeedScript.PAYMENT_SOURCE) == paymentFeed.highWater()
                        && cursors.cursor(FollowedFeed.CONSUMER, FeedScript.DIGITIZATION_SOURCE)
                                == digitizationFeed.highWater()
                        && ReportItSupport.queryLong(
                                        db, "SELECT COUNT(*) FROM projection_state WHERE rebuilding OR resetting")
                                == 0);
    }

    private ReportServiceGrpc.ReportServiceBlockingStub as(String token) {
        return ReportServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static RebuildProjectionsRequest reason(String reason) {
        return RebuildProjectionsRequest.newBuilder().setReason(reason).build();
    }

    @Test
    @Order(1)
    void aRebuildThroughTheRpcReplaysEverythingFromSeqZeroToTheSameTables() {
        int replaysBefore = imports.replays.get();
        long started = System.nanoTime();
        long generation = as(idp.officer("admin.haiduong", "30", "unit_admin"))
                .rebuildProjections(reason("Kiểm tra dựng lại số liệu"))
                .getGeneration();
        assertThat(generation).isEqualTo(1);
        awaitCaughtUp("the rebuild");
        logRate("rebuild from seq 0 (followers not restarted)", started);

        assertThat(imports.replays.get()).isEqualTo(replaysBefore + 1);
        assertThat(ProjectionTables.dump(db)).isEqualTo(incremental);
        assertThat(ReportItSupport.queryLong(db, "SELECT generation FROM projection_state"))
                .isEqualTo(1);
        assertThat(ProjectionTables.rows(db, "SELECT requested_by, reason FROM projection_state"))
                .containsExactly("requested_by=admin.haiduong|reason=Kiểm tra dựng lại số liệu");
    }

    @Test
    @Order(2)
    void theStatusTellsTheGenerationEachFeedsPositionAndTheFacts() {
        ProjectionStatus status = as(idp.officer("bc.haiduong", "30", "report_viewer"))
                .getProjectionStatus(GetProjectionStatusRequest.getDefaultInstance())
                .getStatus();
        assertThat(status.getGeneration()).isEqualTo(1);
        assertThat(status.getFeedsList())
                .extracting(FeedPosition::getSource, FeedPosition::getAppliedSeq, FeedPosition::getLastError)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dossier-service", dossierFeed.highWater(), ""),
                        org.assertj.core.groups.Tuple.tuple("payment-service", paymentFeed.highWater(), ""),
                        org.assertj.core.groups.Tuple.tuple("digitization-service", digitizationFeed.highWater(), ""));
        ReportItSupport.awaitTrue(
                "a heartbeat's high water",
                Duration.ofSeconds(10),
                () -> as(idp.officer("bc.haiduong", "30", "report_viewer"))
                                .getProjectionStatus(GetProjectionStatusRequest.getDefaultInstance())
                                .getStatus()
                                .getFeeds(0)
                                .getHighWaterSeq()
                        == dossierFeed.highWater());
        assertThat(status.getDossierFacts())
                .isEqualTo(incremental.get("dossier_fact").size());
        assertThat(status.getImportedFacts()).isEqualTo(DOSSIERS / 10);
    }

    @Test
    @Order(3)
    void onlyAUnitAdminOfARootUnitMayRebuildAndOnlyWithAReason() {
        Map<String, String> denied = Map.of(
                "a district's unit_admin", idp.officer("admin.tuky", "298", "unit_admin"),
                "the province's report_viewer", idp.officer("bc.haiduong", "30", "report_viewer"),
                "a citizen", idp.citizen("dan", "001099000001"));
        denied.forEach((who, token) -> {
            StatusRuntimeException e = catchThrowableOfType(
                    StatusRuntimeException.class, () -> as(token).rebuildProjections(reason("vì sao không")));
            assertThat(e).as(who).isNotNull();
            assertThat(e.getStatus().getCode()).as(who).isEqualTo(Status.Code.PERMISSION_DENIED);
        });
        String admin = idp.officer("admin.haiduong", "30", "unit_admin");
        for (String bad : List.of("", "   ", "x".repeat(1001))) {
            StatusRuntimeException e = catchThrowableOfType(
                    StatusRuntimeException.class, () -> as(admin).rebuildProjections(reason(bad)));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(GrpcErrors.badRequest(e).getFieldViolationsList())
                    .extracting(BadRequest.FieldViolation::getField)
                    .containsExactly("reason");
        }
        assertThat(ReportItSupport.queryLong(db, "SELECT generation FROM projection_state"))
                .as("nothing was rebuilt")
                .isEqualTo(1);
        assertThat(as(admin).rebuildProjections(reason("x".repeat(1000))).getGeneration())
                .isEqualTo(2);
        awaitCaughtUp("the second rebuild");
        assertThat(ProjectionTables.dump(db)).isEqualTo(incremental);
    }

    /** Where a kill -9 can leave a rebuild: the state its committed steps left, which a restart resumes. */
    enum Interrupted {
        /** step 1 committed, nothing emptied yet */
        AFTER_THE_FLAGS,
        /** some tables emptied, the cursors still there */
        HALF_EMPTIED,
        /** everything emptied and the cursors gone, resetting still set */
        BEFORE_RESET_DONE,
        /** the reset done, the imported histories not re-applied */
        DURING_THE_IMPORT_REPLAY
    }

    @Test
    @Order(4)
    void aRebuildInterruptedAtAnyStepConvergesOnceRestartedToTheSameTables() throws Exception {
        for (Interrupted where : Interrupted.values()) {
            // the process dies: its followers stop mid-run (the run in flight rolls back)
            followers.forEach(FollowedFeed::stop);
            execute("UPDATE projection_state SET generation = generation + 1, resetting = TRUE, rebuilding = TRUE");
            switch (where) {
                case AFTER_THE_FLAGS -> {
                    // nothing more
                }
                case HALF_EMPTIED -> {
                    execute("TRUNCATE TABLE dossier_fact");
                    execute("TRUNCATE TABLE stat_day");
                }
                case BEFORE_RESET_DONE -> {
                    ProjectionTablesReset.emptyAll(this::execute);
                }
                case DURING_THE_IMPORT_REPLAY -> {
                    ProjectionTablesReset.emptyAll(this::execute);
                    execute("UPDATE projection_state SET resetting = FALSE");
                }
            }
            // the restart: what the new process does at startup, then its followers start
            var replay = rebuild.resume();
            if (replay != null) {
                replay.get(2, TimeUnit.MINUTES);
            }
            followers.forEach(FollowedFeed::start);
            awaitCaughtUp("the rebuild resumed " + where);
            assertThat(ProjectionTables.dump(db)).as(where.name()).isEqualTo(incremental);
        }
    }

    private void execute(String sql) {
        try (var c = db.connect();
                var s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** What step 2 of a rebuild empties, done by hand. */
    private static final class ProjectionTablesReset {
        static void emptyAll(java.util.function.Consumer<String> execute) {
            ProjectionTables.TABLES.keySet().forEach(t -> execute.accept("TRUNCATE TABLE " + t));
            execute.accept("DELETE FROM feed_cursor WHERE consumer = 'report-service'");
            execute.accept("TRUNCATE TABLE feed_consumed");
        }
    }
}
