package vn.motcua.report.ii06a;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.report.v1.II06aCounts;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PeriodKind;
import vn.motcua.proto.report.v1.PeriodWindow;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.report.it.ReportItSupport;

/**
 * The report-service over real gRPC on a throwaway MariaDB database, with officer and machine tokens signed by the
 * test identity provider; the dossier feed is not followed (the counters are seeded with {@link StatSeed}).
 * Subclasses add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GrpcItBase implements TestPropertyProvider {

    protected final TestDatabase db = TestDatabase.create(getClass().getSimpleName());
    protected final TestIdentityProvider idp = TestIdentityProvider.start();
    protected final int grpcPort = TestPorts.free();
    protected StatSeed seed;
    protected ManagedChannel channel;

    @Inject
    protected ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("motcua.report.consume-dossier-feed", "false");
        props.putAll(extraProperties());
        return props;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    void openChannelAndSeed() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        seed = new StatSeed(db);
        seedData();
    }

    /** Units and counters every test of the class reads. */
    protected abstract void seedData();

    @AfterAll
    void cleanUp() {
        try {
            if (channel != null) {
                channel.shutdownNow();
            }
            if (seed != null) {
                seed.close();
            }
            if (context != null) {
                context.stop();
            }
        } finally {
            // even when the context never started: no database is left behind
            idp.close();
            db.close();
        }
    }

    protected ReportServiceGrpc.ReportServiceBlockingStub as(String token) {
        return ReportServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A client-credentials token as the province's machine gets it: report_viewer with its unit. */
    protected String machine(String clientId, String unit) {
        return idp.sign(
                idp.claims("service-account-" + clientId, java.util.Set.of("report_viewer"), unit, null, clientId)
                        .build());
    }

    protected static StatusRuntimeException failure(ThrowingCallable call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
        assertThat(e).as("expected the call to fail").isNotNull();
        return e;
    }

    protected static void assertInvalid(StatusRuntimeException e, String... fields) {
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(e).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactlyInAnyOrder(fields);
    }

    protected static String reason(StatusRuntimeException e) {
        return GrpcErrors.errorInfo(e).getReason();
    }

    protected static Period quarter(int year, int quarter) {
        return Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_QUARTER)
                .setYear(year)
                .setNumber(quarter)
                .build();
    }

    protected static Period month(int year, int month) {
        return Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_MONTH)
                .setYear(year)
                .setNumber(month)
                .build();
    }

    protected static Period cutOffQuarter(int year, int quarter) {
        return quarter(year, quarter).toBuilder()
                .setWindow(PeriodWindow.PERIOD_WINDOW_CUTOFF_15)
                .build();
    }

    /**
     * Expected figures from the determining counts; totals and splits follow the identities.
     *
     * @param optional received_postal, received_boundary_free, late with apology, withdrawn, refused
     */
    protected static II06aCounts counts(
            long online,
            long direct,
            long carried,
            long early,
            long onTime,
            long late,
            long within,
            long overdue,
            long... optional) {
        long[] o = java.util.Arrays.copyOf(optional, 5);
        return II06aCounts.newBuilder()
                .setTotal(online + direct + carried)
                .setReceivedOnline(online)
                .setReceivedDirectOrPostal(direct)
                .setCarriedOver(carried)
                .setResolved(early + onTime + late)
                .setResolvedEarly(early)
                .setResolvedOnTime(onTime)
                .setResolvedLate(late)
                .setInProgress(within + overdue)
                .setInProgressWithinDue(within)
                .setInProgressOverdue(overdue)
                .setReceivedPostal(o[0])
                .setReceivedBoundaryFree(o[1])
                .setResolvedLateWithApology(o[2])
                .setResolvedLateWithoutApology(late - o[2])
                .setWithdrawn(o[3])
                .setRefused(o[4])
                .build();
    }

    protected static List<String> keys(List<vn.motcua.proto.report.v1.II06aRow> rows) {
        return rows.stream()
                .map(r -> r.getRowNumber() + " " + (r.getSubtotal() ? "+" : "")
                        + r.getUnit().getCode() + r.getFieldName())
                .toList();
    }
}
