package vn.motcua.report.evaluation;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.report.v1.AgencyEvaluation;
import vn.motcua.proto.report.v1.DossierEvaluation;
import vn.motcua.proto.report.v1.DossierFactView;
import vn.motcua.proto.report.v1.EvaluationScore;
import vn.motcua.proto.report.v1.GetDossierEvaluationRequest;
import vn.motcua.proto.report.v1.GetInternalEvaluationRequest;
import vn.motcua.proto.report.v1.InternalEvaluation;
import vn.motcua.proto.report.v1.ListOverdueDossiersRequest;
import vn.motcua.proto.report.v1.ListOverdueDossiersResponse;
import vn.motcua.proto.report.v1.OfficerEvaluation;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PeriodKind;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.report.indicator.FactFixture;
import vn.motcua.report.indicator.IndicatorWorld;
import vn.motcua.report.it.ReportItSupport;

/**
 * The overdue list and the Circular 01/2018 evaluation over real gRPC on MariaDB, on the 766 ITs' world (March 2026)
 * plus open dossiers of commune 10999 due around now. Expected figures are worked out in the comments.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueAndEvaluationIT implements TestPropertyProvider {

    private final TestDatabase db = TestDatabase.create("report_eval");
    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final int grpcPort = TestPorts.free();

    @Inject
    ApplicationContext context;

    private ManagedChannel channel;
    private String province;
    private String district;
    private String commune;

    private static final Period MARCH = Period.newBuilder()
            .setKind(PeriodKind.PERIOD_KIND_MONTH)
            .setYear(2026)
            .setNumber(3)
            .build();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("motcua.report.consume-dossier-feed", "false");
        return props;
    }

    @BeforeAll
    void setUp() {
        FactFixture world = IndicatorWorld.build();
        Instant now = Instant.now();
        Instant received = now.minus(Duration.ofDays(20));
        world.fact("O1", "10999").receivedAt(received).due(now.minus(Duration.ofDays(3)));
        world.fact("O2", "10999").receivedAt(received).due(now.minus(Duration.ofHours(1)));
        world.fact("O3", "10999").receivedAt(received).due(now.plus(Duration.ofHours(5)));
        world.fact("O4", "10999").receivedAt(received).due(now.plus(Duration.ofHours(48)));
        // resolved, never received, and without a due date: never on the list
        world.fact("O5", "10999")
                .receivedAt("2026-11-01T08:00")
                .due(now.minus(Duration.ofDays(2)))
                .finished("2026-11-20T08:00", "ISSUED", "EARLY", true);
        world.fact("O6", "10999").due(now.minus(Duration.ofDays(5)));
        world.fact("O7", "10999").receivedAt(received);
        world.writeTo(db);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        province = idp.officer("viewer30", "30", "report_viewer");
        district = idp.officer("leader298", "298", "unit_leader");
        commune = idp.officer("officer11077", "11077", "specialist");
    }

    @AfterAll
    void cleanUp() {
        channel.shutdownNow();
        context.stop();
        idp.close();
        db.close();
    }

    private ReportServiceGrpc.ReportServiceBlockingStub as(String token) {
        return ReportServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static StatusRuntimeException failure(Supplier<?> call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::get);
        assertThat(e).as("expected the call to fail").isNotNull();
        return e;
    }

    private List<String> overdue(String token, String unit, int hours, int pageSize, long expectedTotal) {
        List<String> codes = new ArrayList<>();
        String pageToken = "";
        do {
            ListOverdueDossiersResponse page = as(token)
                    .listOverdueDossiers(ListOverdueDossiersRequest.newBuilder()
                            .setUnitCode(unit)
                            .setDueWithinHours(hours)
                            .setPage(PageRequest.newBuilder()
                                    .setPageSize(pageSize)
                                    .setPageToken(pageToken))
                            .build());
            assertThat(page.getTotal()).isEqualTo(expectedTotal);
            page.getDossiersList().forEach(d -> codes.add(d.getDossierCode()));
            pageToken = page.getPage().getNextPageToken();
        } while (!pageToken.isEmpty());
        return codes;
    }

    @Test
    void overdueListsOpenReceivedDossiersMostOverdueFirst() {
        // 11077: A3 (due 20/3), A7 (25/3), A9 (5/4), A6 (15/4), A10 (20/4)
        assertThat(overdue(commune, "", 0, 2, 5)).containsExactly("A3", "A7", "A9", "A6", "A10");
        assertThat(overdue(district, "", 0, 50, 6)).containsExactly("A3", "A7", "A9", "B2", "A6", "A10");
        assertThat(overdue(province, "297", 0, 1, 2)).containsExactly("O1", "O2");
        assertThat(overdue(province, "", 0, 3, 8)).containsExactly("A3", "A7", "A9", "B2", "A6", "A10", "O1", "O2");

        ListOverdueDossiersResponse first = as(province)
                .listOverdueDossiers(ListOverdueDossiersRequest.newBuilder()
                        .setUnitCode("10999")
                        .build());
        Map<String, Integer> days = new LinkedHashMap<>();
        first.getDossiersList().forEach(d -> days.put(d.getDossierCode(), d.getDaysOverdue()));
        assertThat(days).containsExactly(Map.entry("O1", 3), Map.entry("O2", 0));
        DossierFactView o1 = first.getDossiers(0);
        assertThat(o1.getTimeliness()).isEqualTo("OPEN");
        assertThat(o1.getResultKind()).isEmpty();
        assertThat(o1.hasDueAt()).isTrue();
    }

    @Test
    void theWarningWindowAddsDossiersDueWithinTheHoursAsked() {
        assertThat(overdue(province, "10999", 24, 1, 3)).containsExactly("O1", "O2", "O3");
        assertThat(overdue(province, "10999", 72, 2, 4)).containsExactly("O1", "O2", "O3", "O4");
    }

    private InternalEvaluation evaluation(String token, String unit, Period period) {
        return as(token)
                .getInternalEvaluation(GetInternalEvaluationRequest.newBuilder()
                        .setUnitCode(unit)
                        .setPeriod(period)
                        .build())
                .getEvaluation();
    }

    private static List<String> scores(List<EvaluationScore> scores) {
        return scores.stream().map(s -> s.getIndicator() + "=" + s.getScore()).toList();
    }

    /**
     * Resolved in March in 298's subtree: A1 A4 A14 (can.bo.a), A5 A8 A11 (can.bo.b) at 11077; B1 (can.bo.c) at
     * 11080; C1 (can.bo.c) at 298 itself. Per dossier (1, 3, 4, 7): A1 2 2 1 2; A4 2 2 2 2 (online, e-result); A5 0 1
     * 1 0 (late, one supplement, online without its e-result); A8 2 2 2 0 (a PAKN about staff); A11 2 0 2 2 (two
     * supplements); A14 2 2 1 2; B1 2 2 2 2; C1 2 2 1 2.
     */
    @Test
    void officersAreAveragedOverTheDossiersTheyResolvedInThePeriod() {
        InternalEvaluation e = evaluation(district, "", MARCH);

        assertThat(e.getOfficersList())
                .extracting(OfficerEvaluation::getOfficer)
                .containsExactly("can.bo.a", "can.bo.b", "can.bo.c");
        OfficerEvaluation a = e.getOfficers(0);
        // A12 (can.bo.a) was resolved in April, A2 in February
        assertThat(a.getDossiers()).isEqualTo(3);
        // 4: (1 + 2 + 1) / 3 = 1.3
        assertThat(scores(a.getScoresList())).containsExactly("1=2.0", "2=N/A", "3=2.0", "4=1.3", "7=2.0");
        assertThat(a.getTotal()).isEqualTo("7.3");
        assertThat(a.getCompletionBand()).isEqualTo("100%");
        OfficerEvaluation b = e.getOfficers(1);
        // 1: 4/3 = 1.3; 3: 3/3 = 1.0; 4: 5/3 = 1.7; 7: 2/3 = 0.7
        assertThat(scores(b.getScoresList())).containsExactly("1=1.3", "2=N/A", "3=1.0", "4=1.7", "7=0.7");
        assertThat(b.getTotal()).isEqualTo("4.7");
        assertThat(b.getCompletionBand()).isEqualTo("70% đến dưới 100%");
        OfficerEvaluation c = e.getOfficers(2);
        assertThat(c.getDossiers()).isEqualTo(2);
        assertThat(scores(c.getScoresList())).containsExactly("1=2.0", "2=N/A", "3=2.0", "4=1.5", "7=2.0");
        assertThat(c.getTotal()).isEqualTo("7.5");
        assertThat(b.getScores(1).getNote()).contains("từng bước");
    }

    /**
     * Agencies: 298 (C1; no PAKN → 8 = 2; one counter dossier received → 0% online → 9 = 0) total 9.0 Khá; 11077
     * (1: 10/6, 3: 9/6, 4: 9/6, 7: 8/6; PAKN 2 of 4 on time and one repeated → 8 = 0; online A5 late and A3 overdue →
     * 9 = 0) total 6.0 Trung bình; 11080 (B1; no PAKN; B1 of B1 B2 online, none late → 9 = 2) total 12.0 Tốt.
     */
    @Test
    void agenciesAreTheStatisticsUnitsWithTheirUnitIndicators() {
        InternalEvaluation e = evaluation(district, "298", MARCH);

        assertThat(e.getUnit().getCode()).isEqualTo("298");
        assertThat(e.getPeriod().getFromDate()).isEqualTo("2026-03-01");
        assertThat(e.getAgenciesList()).extracting(x -> x.getUnit().getCode()).containsExactly("298", "11077", "11080");
        AgencyEvaluation district298 = e.getAgencies(0);
        assertThat(scores(district298.getScoresList()))
                .containsExactly("1=2.0", "2=N/A", "3=2.0", "4=1.0", "5=N/A", "6=N/A", "7=2.0", "8=2", "9=0");
        assertThat(district298.getTotal()).isEqualTo("9.0");
        assertThat(district298.getRating()).isEqualTo("Khá");
        AgencyEvaluation commune11077 = e.getAgencies(1);
        assertThat(commune11077.getDossiers()).isEqualTo(6);
        assertThat(scores(commune11077.getScoresList()))
                .containsExactly("1=1.7", "2=N/A", "3=1.5", "4=1.5", "5=N/A", "6=N/A", "7=1.3", "8=0", "9=0");
        assertThat(commune11077.getTotal()).isEqualTo("6.0");
        assertThat(commune11077.getRating()).isEqualTo("Trung bình");
        assertThat(commune11077.getScores(8).getNote()).contains("4/9", "2 hồ sơ trực tuyến quá hạn");
        assertThat(commune11077.getScores(7).getNote()).contains("2/4 PAKN đúng hạn, 1 PAKN lặp lại");
        AgencyEvaluation commune11080 = e.getAgencies(2);
        assertThat(commune11080.getTotal()).isEqualTo("12.0");
        assertThat(commune11080.getRating()).isEqualTo("Tốt");

        // the same month as a date range gives the same figures
        Period range = Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_RANGE)
                .setFromDate("2026-03-01")
                .setToDate("2026-03-31")
                .build();
        assertThat(evaluation(district, "298", range).getAgenciesList()).isEqualTo(e.getAgenciesList());
        // a commune officer sees only the commune
        assertThat(evaluation(commune, "", MARCH).getAgenciesList())
                .extracting(x -> x.getUnit().getCode())
                .containsExactly("11077");
    }

    @Test
    void oneDossiersEvaluationIsReadableOnlyInsideTheCallersSubtree() {
        DossierEvaluation a8 = as(commune)
                .getDossierEvaluation(GetDossierEvaluationRequest.newBuilder()
                        .setDossierCode("A8")
                        .build())
                .getEvaluation();
        assertThat(a8.getDossier().getResultKind()).isEqualTo("WITHDRAWN");
        assertThat(scores(a8.getScoresList())).containsExactly("1=2", "2=N/A", "3=2", "4=2", "6=N/A", "7=0");

        DossierEvaluation open = as(district)
                .getDossierEvaluation(GetDossierEvaluationRequest.newBuilder()
                        .setDossierCode("A3")
                        .build())
                .getEvaluation();
        assertThat(scores(open.getScoresList())).containsExactly("1=N/A", "2=N/A", "3=2", "4=1", "6=N/A", "7=N/A");

        String otherCommune = idp.officer("officer11080", "11080", "specialist");
        for (String code : List.of("A8", "NO-SUCH")) {
            StatusRuntimeException e = failure(() -> as(otherCommune)
                    .getDossierEvaluation(GetDossierEvaluationRequest.newBuilder()
                            .setDossierCode(code)
                            .build()));
            assertThat(e.getStatus().getCode()).as(code).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(e.getStatus().getDescription()).doesNotContain("11077");
        }
        StatusRuntimeException empty =
                failure(() -> as(commune).getDossierEvaluation(GetDossierEvaluationRequest.getDefaultInstance()));
        assertThat(empty.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        StatusRuntimeException citizen = failure(() -> as(idp.citizen("dan", "001099000001"))
                .getDossierEvaluation(GetDossierEvaluationRequest.newBuilder()
                        .setDossierCode("A8")
                        .build()));
        assertThat(citizen.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void evaluationRefusesABadPeriodOrAUnitOutsideTheSubtree() {
        StatusRuntimeException month = failure(
                () -> evaluation(district, "", MARCH.toBuilder().setNumber(13).build()));
        assertThat(month.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(month).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactly("period.number");
        assertThat(failure(() -> evaluation(commune, "298", MARCH)).getStatus().getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
    }
}
