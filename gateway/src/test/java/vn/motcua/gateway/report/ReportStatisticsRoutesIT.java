package vn.motcua.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.report.v1.DrillDownIndicatorRequest;
import vn.motcua.proto.report.v1.DrillDownSide;
import vn.motcua.proto.report.v1.GetConsolidationRequest;
import vn.motcua.proto.report.v1.GetII06aReportRequest;
import vn.motcua.proto.report.v1.GetIndicatorScoresRequest;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.ListOverdueDossiersRequest;
import vn.motcua.proto.report.v1.PeriodKind;
import vn.motcua.proto.report.v1.PeriodWindow;
import vn.motcua.proto.report.v1.PublishIndicatorRulesRequest;
import vn.motcua.proto.report.v1.RecomputeIndicatorsRequest;
import vn.motcua.proto.report.v1.ReportKind;
import vn.motcua.proto.report.v1.SubmitReportRequest;

/**
 * The report routes over report-service's contract: the query and body as the RPC's request, the answer field for
 * field in camelCase, the shape of the input refused with 400 naming each parameter before any call, the service's
 * period violations under the names the client sent, and each route's roles (readers are people, the puller has its
 * machine routes, submitting is a leader's, rules, recompute and rebuild a unit_admin's).
 */
@MicronautTest(transactional = false)
class ReportStatisticsRoutesIT extends ReportGatewayIT {

    private static final String Q3 = "periodKind=QUARTER&year=2026&number=3";
    private static final String PERIOD_BODY = "\"period\":{\"kind\":\"QUARTER\",\"year\":2026,\"number\":3}";

    @Test
    void anOfficerReadsII06aForThePeriodAskedWithTheFormsColumns() {
        String token = viewer();
        Api.Reply reply = api.get("/api/v1/reports/ii06a?unitCode=298&" + Q3 + "&window=CALENDAR&grouping=UNIT", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> report = reply.json();
        assertThat(report).containsEntry("grouping", "UNIT").containsEntry("timelinessRule", "DAY");
        assertThat(report.get("computedAt")).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(map(report, "period")).containsEntry("from", "2026-07-01").containsEntry("to", "2026-09-30");
        assertThat(map(map(report, "period"), "period"))
                .containsEntry("kind", "QUARTER")
                .containsEntry("window", "CALENDAR");
        List<Map<String, Object>> rows = list(report, "rows");
        assertThat(rows).hasSize(2);
        assertThat(map(rows.get(0), "unit")).containsEntry("code", "11077").containsEntry("level", "COMMUNE");
        assertThat(map(rows.get(0), "counts"))
                .containsEntry("total", 12)
                .containsEntry("receivedOnline", 5)
                .containsEntry("receivedDirectOrPostal", 4)
                .containsEntry("carriedOver", 3)
                .containsEntry("resolvedLateWithApology", 1)
                .containsEntry("inProgressOverdue", 1);
        assertThat(rows.get(1)).containsEntry("subtotal", true).containsEntry("rowNumber", 0);

        var call = reports.only();
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        GetII06aReportRequest sent = (GetII06aReportRequest) call.request();
        assertThat(sent.getUnitCode()).isEqualTo("298");
        assertThat(sent.getPeriod().getKind()).isEqualTo(PeriodKind.PERIOD_KIND_QUARTER);
        assertThat(sent.getPeriod().getYear()).isEqualTo(2026);
        assertThat(sent.getPeriod().getNumber()).isEqualTo(3);
        assertThat(sent.getPeriod().getWindow()).isEqualTo(PeriodWindow.PERIOD_WINDOW_CALENDAR);
        assertThat(sent.getGrouping()).isEqualTo(II06aGrouping.II06A_GROUPING_UNIT);
    }

    @Test
    void aRangeIsSentAsItsTwoDates() {
        Api.Reply reply = api.get(
                "/api/v1/reports/ii06a?periodKind=RANGE&from=2026-01-15&to=2026-04-14&window=CUTOFF_15", viewer());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        GetII06aReportRequest sent = (GetII06aReportRequest) reports.only().request();
        assertThat(sent.getUnitCode()).as("the caller's unit").isEmpty();
        assertThat(sent.getPeriod().getFromDate()).isEqualTo("2026-01-15");
        assertThat(sent.getPeriod().getToDate()).isEqualTo("2026-04-14");
        assertThat(sent.getPeriod().getWindow()).isEqualTo(PeriodWindow.PERIOD_WINDOW_CUTOFF_15);
    }

    @Test
    void aMalformedQueryIs400NamingEveryParameterAndNothingIsCalled() {
        Api.Reply reply = api.get(
                "/api/v1/reports/ii06a?unitCode=a%20b&periodKind=WEEK&year=20x6&number=13&from=2026-02-30&to=x"
                        + "&window=NOON&grouping=ROW",
                viewer());
        Api.Reply missing = api.get("/api/v1/reports/ii06a", viewer());

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(fields(reply))
                .containsExactly("unitCode", "periodKind", "year", "number", "from", "to", "window", "grouping");
        assertProblem(missing, 400, "INVALID_FIELD");
        assertThat(fields(missing)).containsExactly("periodKind");
        assertThat(reports.received()).isEmpty();
    }

    @Test
    void theServicesPeriodViolationsComeBackUnderTheQueryNames() {
        reports.failWith(DomainException.invalid(List.of(
                new FieldViolation("period.number", "a quarter is 1-4"),
                new FieldViolation("period.from_date", "after to"),
                new FieldViolation("unit_code", "not in your subtree"))));

        Api.Reply reply = api.get("/api/v1/reports/ii06a?" + Q3, viewer());

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(fields(reply)).containsExactly("number", "from", "unitCode");
    }

    @Test
    void indicatorsAskForTheSubtreeAndChildrenAndShowTheServicesFigures() {
        Api.Reply reply = api.get(
                "/api/v1/reports/indicators?unitCode=11077&" + Q3 + "&subtree=true&includeChildren=true", viewer());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> scores = reply.json();
        assertThat(scores)
                .containsEntry("ruleVersion", 1)
                .containsEntry("totalScore", "13.08")
                .containsEntry("onlinePaymentPercent", "25.00")
                .containsEntry("onlinePaymentTargetPercent", "30")
                .containsEntry("onlinePaymentTargetMet", false);
        Map<String, Object> score =
                list(list(scores, "groups").get(0), "indicators").get(0);
        assertThat(score)
                .containsEntry("id", "2.1")
                .containsEntry("numerator", 17)
                .containsEntry("denominator", 26)
                .containsEntry("ratioPercent", "65.38")
                .containsEntry("drillable", true);
        assertThat(list(scores, "children")).hasSize(1);
        GetIndicatorScoresRequest sent =
                (GetIndicatorScoresRequest) reports.only().request();
        assertThat(sent.getSubtree()).isTrue();
        assertThat(sent.getIncludeChildren()).isTrue();

        Api.Reply yes = api.get("/api/v1/reports/indicators?" + Q3 + "&subtree=yes&includeChildren=1", viewer());
        assertProblem(yes, 400, "INVALID_FIELD");
        assertThat(fields(yes)).containsExactly("subtree", "includeChildren");
    }

    @Test
    void aDrillDownNamesItsSideAndPagesThroughTheDossiers() {
        Api.Reply reply = api.get(
                "/api/v1/reports/indicators/2.1/dossiers?side=denominator&" + Q3
                        + "&subtree=true&pageSize=20&pageToken=p1",
                viewer());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("indicatorId", "2.1")
                .containsEntry("side", "DENOMINATOR")
                .containsEntry("total", 17)
                .containsEntry("nextPageToken", "p2");
        assertThat(list(reply.json(), "dossiers").get(0))
                .containsEntry("dossierCode", "H30.298.11077-260701-0001")
                .containsEntry("daysOverdue", 2)
                .containsEntry("finishedAt", null);
        DrillDownIndicatorRequest sent =
                (DrillDownIndicatorRequest) reports.only().request();
        assertThat(sent.getIndicatorId()).isEqualTo("2.1");
        assertThat(sent.getSide()).isEqualTo(DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR);
        assertThat(sent.getPage().getPageSize()).isEqualTo(20);
        assertThat(sent.getPage().getPageToken()).isEqualTo("p1");

        Api.Reply noSide = api.get("/api/v1/reports/indicators/2.1/dossiers?" + Q3 + "&pageSize=0", viewer());
        Api.Reply both = api.get("/api/v1/reports/indicators/2%3B1/dossiers?side=both&" + Q3, viewer());
        assertThat(fields(noSide)).containsExactly("side", "pageSize");
        assertThat(fields(both)).containsExactly("id", "side");
        assertThat(reports.received()).hasSize(1);
    }

    @Test
    void publishingRulesIsAUnitAdminsWithTheRulesAsJsonText() {
        String body = "{\"effectiveFromMonth\":\"2026-10\",\"rulesJson\":\"{\\\"groups\\\":[]}\","
                + "\"reason\":\"Điều chỉnh ngưỡng 3.3\"}";
        Api.Reply published = api.postJson("/api/v1/reports/indicator-rules", admin(), body);

        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json()).containsEntry("version", 2).containsEntry("rulesJson", "{\"groups\":[]}");
        PublishIndicatorRulesRequest sent =
                (PublishIndicatorRulesRequest) reports.only().request();
        assertThat(sent.getEffectiveFromMonth()).isEqualTo("2026-10");
        assertThat(sent.getReason()).isEqualTo("Điều chỉnh ngưỡng 3.3");

        reports.reset();
        assertProblem(api.postJson("/api/v1/reports/indicator-rules", viewer(), body), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/reports/indicator-rules", leader(), body), 403, "ROLE_NOT_ALLOWED");
        Api.Reply object = api.postJson(
                "/api/v1/reports/indicator-rules", admin(), "{\"rulesJson\":{\"groups\":[]},\"version\":3}");
        assertProblem(object, 400, "INVALID_FIELD");
        assertThat(fields(object)).containsExactlyInAnyOrder("rulesJson", "version");
        assertThat(reports.received()).isEmpty();

        Api.Reply versions = api.get("/api/v1/reports/indicator-rules", viewer());
        assertThat(versions.status()).isEqualTo(200);
        assertThat(list(versions.json(), "versions").get(0)).containsEntry("effectiveFromMonth", "2022-08");
    }

    @Test
    void aRecomputeTakesThePeriodAsAnObjectAndNamesItsFieldsSo() {
        Api.Reply reply = api.postJson(
                "/api/v1/reports/indicators:recompute",
                admin(),
                "{\"unitCode\":\"298\"," + PERIOD_BODY + ",\"subtree\":true,\"reason\":\"Quy tắc mới\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        RecomputeIndicatorsRequest sent =
                (RecomputeIndicatorsRequest) reports.only().request();
        assertThat(sent.getUnitCode()).isEqualTo("298");
        assertThat(sent.getPeriod().getKind()).isEqualTo(PeriodKind.PERIOD_KIND_QUARTER);
        assertThat(sent.getSubtree()).isTrue();
        assertThat(sent.getReason()).isEqualTo("Quy tắc mới");

        reports.reset();
        reports.failWith(DomainException.invalid("period.from_date", "only for RANGE"));
        Api.Reply refused =
                api.postJson("/api/v1/reports/indicators:recompute", admin(), "{" + PERIOD_BODY + ",\"reason\":\"x\"}");
        assertThat(fields(refused)).containsExactly("period.from");

        reports.reset();
        Api.Reply shapeless = api.postJson(
                "/api/v1/reports/indicators:recompute",
                admin(),
                "{\"period\":{\"kind\":\"DECADE\",\"year\":\"2026\",\"from\":\"15/01/2026\",\"day\":1},\"subtree\":1}");
        assertProblem(shapeless, 400, "INVALID_FIELD");
        assertThat(fields(shapeless))
                .containsExactlyInAnyOrder("period.day", "period.kind", "period.year", "period.from", "subtree");
        Api.Reply noPeriod = api.postJson("/api/v1/reports/indicators:recompute", admin(), "{\"reason\":\"x\"}");
        assertThat(fields(noPeriod)).containsExactly("period");
        assertProblem(
                api.postJson("/api/v1/reports/indicators:recompute", leader(), "{" + PERIOD_BODY + "}"),
                403,
                "ROLE_NOT_ALLOWED");
        assertThat(reports.received()).isEmpty();
    }

    @Test
    void aLeaderSubmitsAndGets201WithTheVersionsAddressAndItsDiff() {
        Api.Reply reply = api.postJson(
                "/api/v1/reports/submissions",
                leader(),
                "{\"kind\":\"II06A\"," + PERIOD_BODY + ",\"reason\":\"Bổ sung hồ sơ tiếp nhận muộn\"}",
                "Idempotency-Key",
                "submit-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/reports/submissions/SUB-11077-2026Q3-2");
        Map<String, Object> submission = reply.json();
        assertThat(submission).containsEntry("version", 2).containsEntry("kind", "II06A");
        assertThat(list(submission, "diff").get(0))
                .containsEntry("rowKey", "11077")
                .containsEntry("column", "resolved_late")
                .containsEntry("before", 0)
                .containsEntry("after", 1);
        assertThat(map(map(submission, "ii06a"), "total")).containsEntry("total", 12);
        SubmitReportRequest sent = (SubmitReportRequest) reports.only().request();
        assertThat(sent.getKind()).isEqualTo(ReportKind.REPORT_KIND_II06A);
        assertThat(sent.getUnitCode()).isEmpty();

        reports.reset();
        String body = "{\"kind\":\"II06A\"," + PERIOD_BODY + "}";
        assertProblem(api.postJson("/api/v1/reports/submissions", viewer(), body), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/reports/submissions", admin(), body), 403, "ROLE_NOT_ALLOWED");
        assertProblem(
                api.postJson("/api/v1/reports/submissions", officer("specialist"), body), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/reports/submissions", machine(), body), 403, "ROLE_NOT_ALLOWED");
        Api.Reply badKind =
                api.postJson("/api/v1/reports/submissions", leader(), "{\"kind\":\"II06B\",\"unitCode\":\"11 077\"}");
        assertThat(fields(badKind)).containsExactlyInAnyOrder("kind", "unitCode", "period");
        assertThat(reports.received()).isEmpty();
    }

    @Test
    void submissionsAndTheConsolidationAreReadWithTheKindInTheQuery() {
        Api.Reply list = api.get("/api/v1/reports/submissions?unitCode=11077&kind=ii06a&" + Q3, viewer());
        Api.Reply one = api.get("/api/v1/reports/submissions/SUB-11077-2026Q3-2", viewer());
        Api.Reply consolidation = api.get("/api/v1/reports/consolidation?unitCode=298&kind=indicators&" + Q3, viewer());

        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list(list.json(), "submissions"))
                .extracting(s -> s.get("version"))
                .containsExactly(2, 1);
        assertThat(one.json()).containsEntry("reason", "Bổ sung hồ sơ tiếp nhận muộn");
        assertThat(consolidation.status()).as(consolidation.body()).isEqualTo(200);
        List<Map<String, Object>> sources = list(consolidation.json(), "sources");
        assertThat(sources.get(0)).containsEntry("late", true).containsEntry("version", 2);
        assertThat(sources.get(1)).containsEntry("missing", true).containsEntry("submittedAt", null);
        GetConsolidationRequest sent =
                (GetConsolidationRequest) reports.received().get(2).request();
        assertThat(sent.getKind()).isEqualTo(ReportKind.REPORT_KIND_INDICATORS_766);

        reports.reset();
        Api.Reply noKind = api.get("/api/v1/reports/consolidation?" + Q3, viewer());
        Api.Reply badId = api.get("/api/v1/reports/submissions/SUB%3B1", viewer());
        assertThat(fields(noKind)).containsExactly("kind");
        assertThat(fields(badId)).containsExactly("id");
        assertThat(reports.received()).isEmpty();
    }

    @Test
    void peopleReadOnTheOfficerRoutesAndThePullerOnlyOnItsOwn() {
        String ii06a = "/api/v1/reports/ii06a?" + Q3;
        String machineIi06a = "/api/v1/machine/reports/ii06a?" + Q3;
        assertProblem(api.get(ii06a, machine()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(ii06a, citizen()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(ii06a), 401, "TOKEN_MISSING");
        assertProblem(api.get(machineIi06a, viewer()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/reports/overdue", machine()), 403, "ROLE_NOT_ALLOWED");
        assertThat(reports.received()).isEmpty();

        String puller = machine();
        assertThat(api.get(machineIi06a, puller).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/machine/reports/indicators?" + Q3 + "&subtree=true", puller)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/machine/reports/consolidation?kind=ii06a&" + Q3, puller)
                        .status())
                .isEqualTo(200);
        assertThat(reports.received())
                .hasSize(3)
                .allMatch(r -> r.authorization().equals("Bearer " + puller));
        // every officer role reads statistics (the service narrows it to the caller's subtree)
        for (String role : List.of("reception_officer", "specialist", "unit_leader", "clerk", "tthc_controller")) {
            assertThat(api.get(ii06a, officer(role)).status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void evaluationOverdueAndTheProjectionAreReadAndRebuiltByTheirRoles() {
        Api.Reply evaluation = api.get("/api/v1/reports/internal-evaluation?unitCode=11077&" + Q3, viewer());
        Api.Reply dossier = api.get("/api/v1/reports/dossiers/H30.298.11077-260701-0001/evaluation", viewer());
        Api.Reply overdue = api.get("/api/v1/reports/overdue?unitCode=11077&dueWithinHours=24&pageSize=50", viewer());
        Api.Reply status = api.get("/api/v1/reports/projections/status", viewer());

        assertThat(list(evaluation.json(), "officers").get(0)).containsEntry("completionBand", "100%");
        assertThat(list(evaluation.json(), "agencies").get(0)).containsEntry("rating", "Tốt");
        assertThat(map(dossier.json(), "dossier")).containsEntry("dossierCode", "H30.298.11077-260701-0001");
        assertThat(overdue.json()).containsEntry("total", 1).containsEntry("nextPageToken", null);
        ListOverdueDossiersRequest sent =
                (ListOverdueDossiersRequest) reports.received().get(2).request();
        assertThat(sent.getDueWithinHours()).isEqualTo(24);
        assertThat(sent.getPage().getPageSize()).isEqualTo(50);
        assertThat(status.json()).containsEntry("generation", 3).containsEntry("importedFacts", 4);
        assertThat(list(status.json(), "feeds").get(0)).containsEntry("highWaterSeq", 121);

        Api.Reply rebuilt =
                api.postJson("/api/v1/reports/projections:rebuild", admin(), "{\"reason\":\"Sửa lỗi chiếu\"}");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(202);
        assertThat(rebuilt.json()).containsEntry("generation", 3);

        reports.reset();
        assertProblem(api.postJson("/api/v1/reports/projections:rebuild", viewer(), "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/reports/projections:rebuild", leader(), "{}"), 403, "ROLE_NOT_ALLOWED");
        Api.Reply negative = api.get("/api/v1/reports/overdue?dueWithinHours=-1&pageToken=%3Cx%3E", viewer());
        assertThat(fields(negative)).containsExactly("dueWithinHours", "pageToken");
        Api.Reply badCode = api.get("/api/v1/reports/dossiers/H30%20x/evaluation", viewer());
        assertThat(fields(badCode)).containsExactly("code");
        assertThat(reports.received()).isEmpty();
    }

    private static List<Object> fields(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.errors().stream().map(e -> e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> object, String key) {
        return (Map<String, Object>) object.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> object, String key) {
        return (List<Map<String, Object>>) object.get(key);
    }
}
