package vn.motcua.report.indicator;

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
import vn.motcua.proto.report.v1.DrillDownIndicatorRequest;
import vn.motcua.proto.report.v1.DrillDownIndicatorResponse;
import vn.motcua.proto.report.v1.DrillDownSide;
import vn.motcua.proto.report.v1.GetIndicatorScoresRequest;
import vn.motcua.proto.report.v1.IndicatorRuleVersion;
import vn.motcua.proto.report.v1.IndicatorScores;
import vn.motcua.proto.report.v1.ListIndicatorRuleVersionsRequest;
import vn.motcua.proto.report.v1.ListOverdueDossiersRequest;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PeriodKind;
import vn.motcua.proto.report.v1.PeriodWindow;
import vn.motcua.proto.report.v1.PublishIndicatorRulesRequest;
import vn.motcua.proto.report.v1.RecomputeIndicatorsRequest;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.report.indicator.service.IndicatorRules;
import vn.motcua.report.it.ReportItSupport;

/**
 * Rule versions and pins over real gRPC with real tokens, and every bad input of the indicator RPCs answered with a
 * clear error and nothing written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorRulesIT implements TestPropertyProvider {

    private final TestDatabase db = TestDatabase.create("report_766_rules");
    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final int grpcPort = TestPorts.free();

    @Inject
    ApplicationContext context;

    private ManagedChannel channel;
    private String provinceAdmin;
    private String districtAdmin;
    private String communeAdmin;
    private String communeOfficer;

    private static final Period MARCH = period(PeriodKind.PERIOD_KIND_MONTH, 2026, 3);
    private static final Period FEBRUARY = period(PeriodKind.PERIOD_KIND_MONTH, 2026, 2);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("motcua.report.consume-dossier-feed", "false");
        return props;
    }

    @BeforeAll
    void setUp() {
        IndicatorWorld.build().writeTo(db);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        provinceAdmin = idp.officer("admin30", "30", "unit_admin");
        districtAdmin = idp.officer("admin298", "298", "unit_admin");
        communeAdmin = idp.officer("admin11077", "11077", "unit_admin");
        communeOfficer = idp.officer("officer11077", "11077", "specialist");
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

    private static Period period(PeriodKind kind, int year, int number) {
        return Period.newBuilder().setKind(kind).setYear(year).setNumber(number).build();
    }

    private IndicatorScores scores(String token, String unit, Period period, boolean subtree) {
        return as(token)
                .getIndicatorScores(GetIndicatorScoresRequest.newBuilder()
                        .setUnitCode(unit)
                        .setPeriod(period)
                        .setSubtree(subtree)
                        .build())
                .getScores();
    }

    private static String onTimeScore(IndicatorScores s) {
        return s.getGroupsList().stream()
                .flatMap(g -> g.getIndicatorsList().stream())
                .filter(i -> i.getId().equals("2.1"))
                .findFirst()
                .orElseThrow()
                .getScore();
    }

    private long count(String sql, Object... args) {
        return ReportItSupport.queryLong(db, sql, args);
    }

    private static StatusRuntimeException failure(Supplier<?> call) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::get);
        assertThat(e).as("expected the call to fail").isNotNull();
        return e;
    }

    private static List<String> fields(StatusRuntimeException e) {
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return GrpcErrors.badRequest(e).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField)
                .toList();
    }

    /** The default set with 2.1's full marks at {@code threshold} percent instead of 100. */
    private static String onTimeThreshold(String threshold) {
        String json = IndicatorRules.defaultRulesJson();
        int at = json.indexOf("\"full_marks_at_percent\" : 100", json.indexOf("\"id\" : \"2.1\""));
        return json.substring(0, at) + "\"full_marks_at_percent\" : " + threshold
                + json.substring(at + "\"full_marks_at_percent\" : 100".length());
    }

    private IndicatorRuleVersion publish(String token, String month, String json, String reason) {
        return as(token)
                .publishIndicatorRules(PublishIndicatorRulesRequest.newBuilder()
                        .setEffectiveFromMonth(month)
                        .setRulesJson(json)
                        .setReason(reason)
                        .build())
                .getVersion();
    }

    private IndicatorScores recompute(String token, String unit, Period period, boolean subtree, String reason) {
        return as(token)
                .recomputeIndicators(RecomputeIndicatorsRequest.newBuilder()
                        .setUnitCode(unit)
                        .setPeriod(period)
                        .setSubtree(subtree)
                        .setReason(reason)
                        .build())
                .getScores();
    }

    /**
     * The whole life of a pin: computed with version 1, kept after version 2 (effective from March) is published,
     * a never computed scope gets version 2, February keeps version 1, and a recomputation re-pins on purpose.
     */
    @Test
    void aComputedPeriodKeepsItsVersionUntilRecomputedOnPurpose() {
        String pinSql = "SELECT version FROM indicator_rule_pin WHERE unit_code = ? AND period_kind = 'MONTH'"
                + " AND period_year = 2026 AND period_number = ? AND subtree = ?";
        IndicatorScores first = scores(communeOfficer, "11077", MARCH, false);
        assertThat(first.getRuleVersion()).isEqualTo(1);
        // 20 × (6/11) / 100%
        assertThat(onTimeScore(first)).isEqualTo("10.91");
        assertThat(count(pinSql, "11077", 3, false)).isEqualTo(1);

        IndicatorRuleVersion v2 = publish(provinceAdmin, "2026-03", onTimeThreshold("80"), "Ngưỡng 2.1 là 80%");
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getEffectiveFromMonth()).isEqualTo("2026-03");
        assertThat(v2.getPublishedBy()).isEqualTo("admin30");
        assertThat(v2.getReason()).isEqualTo("Ngưỡng 2.1 là 80%");

        IndicatorScores again = scores(communeOfficer, "11077", MARCH, false);
        assertThat(again.getRuleVersion()).isEqualTo(1);
        assertThat(onTimeScore(again)).isEqualTo("10.91");

        // never computed: the version effective for March; 20 × (6/11) / 80% = 13.64
        IndicatorScores fresh = scores(communeOfficer, "11077", MARCH, true);
        assertThat(fresh.getRuleVersion()).isEqualTo(2);
        assertThat(onTimeScore(fresh)).isEqualTo("13.64");
        assertThat(scores(communeOfficer, "11077", FEBRUARY, false).getRuleVersion())
                .isEqualTo(1);

        long changesBefore = count("SELECT COUNT(*) FROM indicator_rule_pin_change");
        IndicatorScores recomputed = recompute(districtAdmin, "11077", MARCH, false, "Áp dụng ngưỡng mới");
        assertThat(recomputed.getRuleVersion()).isEqualTo(2);
        assertThat(onTimeScore(recomputed)).isEqualTo("13.64");
        assertThat(scores(communeOfficer, "11077", MARCH, false).getRuleVersion())
                .isEqualTo(2);
        assertThat(count(pinSql, "11077", 3, false)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM indicator_rule_pin_change") - changesBefore)
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM indicator_rule_pin_change WHERE unit_code = '11077' AND from_version = 1"
                                + " AND to_version = 2 AND changed_by = 'admin298' AND reason = ?",
                        "Áp dụng ngưỡng mới"))
                .isEqualTo(1);

        List<IndicatorRuleVersion> versions = as(communeOfficer)
                .listIndicatorRuleVersions(ListIndicatorRuleVersionsRequest.getDefaultInstance())
                .getVersionsList();
        assertThat(versions).extracting(IndicatorRuleVersion::getVersion).containsExactly(2, 1);
        assertThat(versions.get(1).getEffectiveFromMonth()).isEqualTo("2000-01");
        assertThat(versions.get(1).getPublishedBy()).isEqualTo("system");
        assertThat(versions.get(1).getRulesJson()).isEqualTo(IndicatorRules.defaultRulesJson());
        assertThat(versions.get(0).getRulesJson()).isEqualTo(onTimeThreshold("80"));
    }

    @Test
    void onlyARootUnitsAdminPublishesAndBadRuleSetsAreRefusedWhole() {
        long before = count("SELECT COUNT(*) FROM indicator_rule_version");
        String good = onTimeThreshold("90");

        assertThat(failure(() -> publish(districtAdmin, "2026-04", good, "x"))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        String provinceSpecialist = idp.officer("spec30", "30", "specialist");
        assertThat(failure(() -> publish(provinceSpecialist, "2026-04", good, "x"))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> publish(idp.citizen("dan", "001099000001"), "2026-04", good, "x"))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);

        assertThat(fields(failure(() ->
                        publish(provinceAdmin, "2026-04", good.replace("DOSSIERS_ON_TIME", "NO_SUCH_FORMULA"), "x"))))
                .containsExactly("rules_json.groups[1].indicators[0].formula");
        assertThat(fields(failure(() -> publish(provinceAdmin, "2026-04", onTimeThreshold("0"), "x"))))
                .containsExactly("rules_json.groups[1].indicators[0].full_marks_at_percent");
        assertThat(fields(failure(() -> publish(provinceAdmin, "2026-04", onTimeThreshold("120"), "x"))))
                .containsExactly("rules_json.groups[1].indicators[0].full_marks_at_percent");
        String negative = good.replaceFirst("\"max_points\" : 20", "\"max_points\" : -20");
        assertThat(fields(failure(() -> publish(provinceAdmin, "2026-04", negative, "x"))))
                .containsExactly("rules_json.groups[1].max_points");
        String unbalanced =
                good.replaceFirst("\"max_points\" : 20,(\\s+)\"indicators\"", "\"max_points\" : 25,$1\"indicators\"");
        assertThat(unbalanced).isNotEqualTo(good);
        assertThat(fields(failure(() -> publish(provinceAdmin, "2026-04", unbalanced, "x"))))
                .containsExactly("rules_json.groups[1].max_points");
        assertThat(fields(failure(() -> publish(provinceAdmin, "2026-04", "{not json", "x"))))
                .containsExactly("rules_json");
        for (String month : List.of("2026-13", "26-03", "", "2026-3", "1999-12")) {
            assertThat(fields(failure(() -> publish(provinceAdmin, month, good, "x"))))
                    .as(month)
                    .containsExactly("effective_from_month");
        }
        assertThat(fields(failure(() -> publish(provinceAdmin, "2026-04", good, " "))))
                .containsExactly("reason");
        assertThat(fields(failure(() -> publish(provinceAdmin, "2026-04", good, "x".repeat(1001)))))
                .containsExactly("reason");
        assertThat(fields(failure(() -> publish(provinceAdmin, "bad", "[]", ""))))
                .containsExactlyInAnyOrder("effective_from_month", "reason", "rules_json");

        assertThat(count("SELECT COUNT(*) FROM indicator_rule_version")).isEqualTo(before);
    }

    @Test
    void recomputationNeedsAnAdminCoveringTheUnitAndAReason() {
        long pins = count("SELECT COUNT(*) FROM indicator_rule_pin");
        long changes = count("SELECT COUNT(*) FROM indicator_rule_pin_change");
        Period april = period(PeriodKind.PERIOD_KIND_MONTH, 2026, 4);

        String viewer = idp.officer("viewer298", "298", "report_viewer");
        assertThat(failure(() -> recompute(viewer, "11077", april, false, "x"))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> recompute(communeAdmin, "298", april, false, "x"))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(fields(failure(() -> recompute(districtAdmin, "11077", april, false, ""))))
                .containsExactly("reason");
        assertThat(fields(failure(() -> recompute(
                        districtAdmin, "11077", period(PeriodKind.PERIOD_KIND_HALF_YEAR, 2026, 0), false, "x"))))
                .containsExactly("period.kind");
        assertThat(fields(failure(() ->
                        recompute(districtAdmin, "11077", period(PeriodKind.PERIOD_KIND_MONTH, 2026, 0), false, ""))))
                .containsExactlyInAnyOrder("period.number", "reason");

        assertThat(count("SELECT COUNT(*) FROM indicator_rule_pin")).isEqualTo(pins);
        assertThat(count("SELECT COUNT(*) FROM indicator_rule_pin_change")).isEqualTo(changes);
    }

    @Test
    void scoresRefuseOtherPeriodsAndStrangersWithoutPinningAnything() {
        long pins = count("SELECT COUNT(*) FROM indicator_rule_pin");
        String officer = communeOfficer;

        Period cutoff = MARCH.toBuilder()
                .setWindow(PeriodWindow.PERIOD_WINDOW_CUTOFF_15)
                .build();
        assertThat(fields(failure(() -> scores(officer, "", cutoff, false)))).containsExactly("period.window");
        assertThat(fields(failure(() -> scores(officer, "", period(PeriodKind.PERIOD_KIND_MONTH, 2026, 13), false))))
                .containsExactly("period.number");
        assertThat(fields(failure(() -> scores(officer, "", period(PeriodKind.PERIOD_KIND_YEAR, 1999, 0), false))))
                .containsExactly("period.year");
        assertThat(fields(failure(() -> scores(officer, "", Period.getDefaultInstance(), false))))
                .containsExactly("period.kind");
        Period range = Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_RANGE)
                .setFromDate("2026-03-01")
                .setToDate("2026-03-31")
                .build();
        assertThat(fields(failure(() -> scores(officer, "", range, false)))).containsExactly("period.kind");
        assertThat(fields(failure(() -> scores(
                        officer, "", range.toBuilder().setFromDate("01/03/2026").build(), false))))
                .containsExactly("period.from_date");
        assertThat(failure(() -> scores(officer, "11080", MARCH, false))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure(() -> scores(officer, "no-such-unit", MARCH, false))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure(() -> scores(idp.citizen("dan", "001099000001"), "", MARCH, false))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        StatusRuntimeException anonymous = failure(() -> ReportServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .getIndicatorScores(
                        GetIndicatorScoresRequest.newBuilder().setPeriod(MARCH).build()));
        assertThat(anonymous.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(failure(() -> as(idp.citizen("dan", "001099000001"))
                                .listIndicatorRuleVersions(ListIndicatorRuleVersionsRequest.getDefaultInstance()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);

        assertThat(count("SELECT COUNT(*) FROM indicator_rule_pin")).isEqualTo(pins);
    }

    private DrillDownIndicatorResponse drill(String id, DrillDownSide side, int size, String token) {
        return as(communeOfficer)
                .drillDownIndicator(DrillDownIndicatorRequest.newBuilder()
                        .setUnitCode("11077")
                        .setPeriod(FEBRUARY)
                        .setIndicatorId(id)
                        .setSide(side)
                        .setPage(PageRequest.newBuilder().setPageSize(size).setPageToken(token))
                        .build());
    }

    @Test
    void drillDownRefusesWhatItCannotListAndTokensOfAnotherList() {
        long pins = count("SELECT COUNT(*) FROM indicator_rule_pin");
        DrillDownSide num = DrillDownSide.DRILL_DOWN_SIDE_NUMERATOR;

        assertThat(fields(failure(() -> drill("9.9", num, 10, "")))).containsExactly("indicator_id");
        assertThat(fields(failure(() -> drill("", num, 10, "")))).containsExactly("indicator_id");
        // PAKN, procedures, communes, composites and what MotCua cannot know have no dossier list
        for (String id : List.of("5.1", "3b.B", "4.6", "3b.1", "5.3", "1.1")) {
            assertThat(fields(failure(() -> drill(id, num, 10, "")))).as(id).containsExactly("indicator_id");
        }
        assertThat(fields(failure(() -> drill("2.1", DrillDownSide.DRILL_DOWN_SIDE_UNSPECIFIED, 10, ""))))
                .containsExactly("side");
        assertThat(fields(failure(() -> drill("2.1", num, 501, "")))).containsExactly("page.page_size");
        assertThat(fields(failure(() -> drill("2.1", num, -1, "")))).containsExactly("page.page_size");
        assertThat(fields(failure(() -> drill("2.1", num, 10, "%%%")))).containsExactly("page.page_token");

        // February for 11077: denominator A1 A2 A3 (received in February), one per page
        DrillDownIndicatorResponse page = drill("2.1", DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR, 1, "");
        assertThat(page.getTotal()).isEqualTo(3);
        String token = page.getPage().getNextPageToken();
        assertThat(token).isNotEmpty();
        assertThat(drill("2.1", DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR, 1, token)
                        .getDossiers(0)
                        .getDossierCode())
                .isEqualTo("A2");
        assertThat(fields(failure(() -> drill("4.2", DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR, 1, token))))
                .containsExactly("page.page_token");
        assertThat(fields(failure(() -> drill("2.1", num, 1, token)))).containsExactly("page.page_token");

        assertThat(count("SELECT COUNT(*) FROM indicator_rule_pin")).isEqualTo(pins);
    }

    @Test
    void overdueListRefusesABadWindowOrPage() {
        for (int hours : List.of(-1, 721)) {
            assertThat(fields(failure(() -> as(communeOfficer)
                            .listOverdueDossiers(ListOverdueDossiersRequest.newBuilder()
                                    .setDueWithinHours(hours)
                                    .build()))))
                    .containsExactly("due_within_hours");
        }
        assertThat(fields(failure(() -> as(communeOfficer)
                        .listOverdueDossiers(ListOverdueDossiersRequest.newBuilder()
                                .setPage(PageRequest.newBuilder().setPageToken("bm90LWEta2V5c2V0"))
                                .build()))))
                .containsExactly("page.page_token");
        assertThat(failure(() -> as(communeOfficer)
                                .listOverdueDossiers(ListOverdueDossiersRequest.newBuilder()
                                        .setUnitCode("298")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
    }
}
