package vn.motcua.report.campaign.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.report.v1.AcceptCampaignReportRequest;
import vn.motcua.proto.report.v1.CampaignReport;
import vn.motcua.proto.report.v1.CampaignReportState;
import vn.motcua.proto.report.v1.CampaignRow;
import vn.motcua.proto.report.v1.ConsolidateCampaignRequest;
import vn.motcua.proto.report.v1.ExportCampaignReportRequest;
import vn.motcua.proto.report.v1.GetCampaignReportRequest;
import vn.motcua.proto.report.v1.ListCampaignReportsRequest;
import vn.motcua.proto.report.v1.ReturnCampaignReportRequest;
import vn.motcua.proto.report.v1.SaveCampaignDraftRequest;
import vn.motcua.proto.report.v1.SubmitCampaignReportRequest;
import vn.motcua.report.campaign.CampaignWorld;

/** What campaign reports refuse, and who may do what; refused calls write nothing. */
@MicronautTest(transactional = false)
class CampaignRulesIT extends CampaignItBase {

    private static final String DEADLINE = "2026-12-08 09:00:00";
    private static final String UPWARD = "2026-12-10 09:00:00";

    private void campaignOf(String task, String... communes) {
        world.campaign(task, "298", CampaignWorld.TEMPLATE, DEADLINE, UPWARD, communes);
    }

    private long versions(String task, String unit) {
        return count("SELECT COUNT(*) FROM campaign_report WHERE task_id = ? AND unit_code = ?", task, unit);
    }

    @Test
    void cellsAreCheckedAgainstTheTemplateAndABadDraftWritesNothing() {
        campaignOf("TKBAD", "11074");
        StatusRuntimeException e = failure(() -> save(
                officer("11074"),
                "TKBAD",
                row("procedure_code", "1.001", "dossiers", "12a"),
                row("procedure_code", "1.002", "dossiers", "3", "colour", "red"),
                row("dossiers", "4", "since", "2026-02-30", "online", "yes", "ratio", "1,5")));
        assertInvalid(
                e,
                "rows[0].cells.dossiers",
                "rows[1].cells.colour",
                "rows[2].cells.procedure_code",
                "rows[2].cells.since",
                "rows[2].cells.online",
                "rows[2].cells.ratio");

        CampaignRow borrowed = row("procedure_code", "1.001", "dossiers", "1").toBuilder()
                .setSourceUnitCode("11077")
                .build();
        assertInvalid(failure(() -> save(officer("11074"), "TKBAD", borrowed)), "rows[0].source_unit_code");

        List<CampaignRow> tooMany = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            tooMany.add(row("procedure_code", "P" + i, "dossiers", "1"));
        }
        assertInvalid(
                failure(() -> campaign(officer("11074"))
                        .saveCampaignDraft(SaveCampaignDraftRequest.newBuilder()
                                .setTaskId("TKBAD")
                                .addAllRows(tooMany)
                                .build())),
                "rows");
        assertInvalid(failure(() -> save(officer("11074"), "", row("dossiers", "1"))), "task_id");

        assertThat(versions("TKBAD", "11074")).isZero();
        assertThat(
                        count(
                                "SELECT COUNT(*) FROM task_assignment WHERE task_id = 'TKBAD' AND last_activity_at IS NOT NULL"))
                .isZero();

        // 5000 rows is the limit, not beyond it
        CampaignReport full = campaign(officer("11074"))
                .saveCampaignDraft(SaveCampaignDraftRequest.newBuilder()
                        .setTaskId("TKBAD")
                        .addAllRows(tooMany.subList(0, 5000))
                        .build())
                .getReport();
        assertThat(full.getRowCount()).isEqualTo(5000);
    }

    @Test
    void onlyTheLinesOwnUnitWritesItAndOthersOutsideTheSubtreeDoNotLearnItExists() {
        campaignOf("TKSCOPE", "11074", "11077");
        clock.set("2026-12-08T07:00:00Z");
        CampaignReport mine = save(officer("11077"), "TKSCOPE", row("procedure_code", "1", "dossiers", "1"));

        // a sibling commune: the unit is not in its subtree
        assertCode(
                failure(() -> campaign(officer("11074"))
                        .saveCampaignDraft(SaveCampaignDraftRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .setUnitCode("11077")
                                .build())),
                Status.Code.NOT_FOUND);
        assertCode(
                failure(() -> campaign(officer("11074"))
                        .getCampaignReport(GetCampaignReportRequest.newBuilder()
                                .setReportId(mine.getReportId())
                                .build())),
                Status.Code.NOT_FOUND);
        // the district may read the commune's line but not write it
        assertCode(
                failure(() -> campaign(officer("298"))
                        .saveCampaignDraft(SaveCampaignDraftRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .setUnitCode("11077")
                                .build())),
                Status.Code.PERMISSION_DENIED);
        // another district's commune: neither the task nor its reports exist for it
        for (StatusRuntimeException e : List.of(
                failure(() -> save(officer("10999"), "TKSCOPE", row("procedure_code", "1", "dossiers", "1"))),
                failure(() -> campaign(officer("10999"))
                        .listCampaignReports(ListCampaignReportsRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .build())),
                failure(() -> campaign(officer("297"))
                        .getCampaignReport(GetCampaignReportRequest.newBuilder()
                                .setReportId(mine.getReportId())
                                .build())),
                failure(() -> campaign(leader("297"))
                        .consolidateCampaign(ConsolidateCampaignRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .build())),
                failure(() -> save(officer("11074"), "NO-SUCH-TASK", row("procedure_code", "1", "dossiers", "1"))))) {
            assertCode(e, Status.Code.NOT_FOUND);
        }
        // a commune lists only its own line; the district every line
        assertThat(campaign(officer("11074"))
                        .listCampaignReports(ListCampaignReportsRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .build())
                        .getReportsList())
                .isEmpty();
        assertThat(campaign(officer("11077"))
                        .listCampaignReports(ListCampaignReportsRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .build())
                        .getReportsList())
                .extracting(CampaignReport::getReportId)
                .containsExactly(mine.getReportId());
        assertThat(campaign(officer("30"))
                        .listCampaignReports(ListCampaignReportsRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .setUnitCode("11077")
                                .build())
                        .getReportsList())
                .hasSize(1);

        // machines only export, and only in their subtree
        String machine30 = machine("province-report-puller", "30");
        assertCode(
                failure(() -> save(machine30, "TKSCOPE", row("procedure_code", "1", "dossiers", "1"))),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                failure(() -> campaign(machine30)
                        .listCampaignReports(ListCampaignReportsRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .build())),
                Status.Code.PERMISSION_DENIED);
        submit(leader("11077"), "TKSCOPE", "scope-1");
        assertThat(campaign(machine30)
                        .exportCampaignReport(ExportCampaignReportRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .setUnitCode("11077")
                                .build())
                        .getFileName())
                .isEqualTo("TKSCOPE-11077-v1.xlsx");
        assertCode(
                failure(() -> campaign(machine("thanh-ha-puller", "297"))
                        .exportCampaignReport(ExportCampaignReportRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .setUnitCode("11077")
                                .build())),
                Status.Code.NOT_FOUND);
        // nothing submitted by 11074 yet: nothing to export
        assertCode(
                failure(() -> campaign(officer("298"))
                        .exportCampaignReport(ExportCampaignReportRequest.newBuilder()
                                .setTaskId("TKSCOPE")
                                .setUnitCode("11074")
                                .build())),
                Status.Code.NOT_FOUND);
    }

    @Test
    void rolesDecideWhoSubmitsReturnsAcceptsAndConsolidates() {
        campaignOf("TKROLES", "11074");
        clock.set("2026-12-08T07:00:00Z");
        save(officer("11074"), "TKROLES", row("procedure_code", "1", "dossiers", "1"));
        assertCode(failure(() -> submit(officer("11074"), "TKROLES", "r1")), Status.Code.PERMISSION_DENIED);
        // the district's leader may read the commune's line, not submit it
        assertCode(
                failure(() -> campaign(leader("298"))
                        .submitCampaignReport(SubmitCampaignReportRequest.newBuilder()
                                .setTaskId("TKROLES")
                                .setUnitCode("11074")
                                .setRequestId("r1")
                                .build())),
                Status.Code.PERMISSION_DENIED);
        // and its own line (the consolidation) has no draft yet
        assertFailedPrecondition(failure(() -> submit(leader("298"), "TKROLES", "r0")), "ILLEGAL_TRANSITION");
        assertThat(count("SELECT COUNT(*) FROM idempotent_request WHERE request_id = 'r1'"))
                .isZero();
        CampaignReport submitted = submit(leader("11074"), "TKROLES", "r1");

        String id = submitted.getReportId();
        // the reporting unit's own leader is not the receiving unit; nor is the province; nor a clerk of the district
        for (String token :
                List.of(leader("11074"), leader("30"), idp.officer("clerk298", "298", "clerk"), officer("11074"))) {
            assertCode(
                    failure(() -> campaign(token)
                            .acceptCampaignReport(AcceptCampaignReportRequest.newBuilder()
                                    .setReportId(id)
                                    .build())),
                    Status.Code.PERMISSION_DENIED);
            assertCode(
                    failure(() -> campaign(token)
                            .returnCampaignReport(ReturnCampaignReportRequest.newBuilder()
                                    .setReportId(id)
                                    .setReason("x")
                                    .build())),
                    Status.Code.PERMISSION_DENIED);
        }
        assertCode(
                failure(() -> campaign(leader("11074"))
                        .consolidateCampaign(ConsolidateCampaignRequest.newBuilder()
                                .setTaskId("TKROLES")
                                .build())),
                Status.Code.PERMISSION_DENIED);
        assertInvalid(
                failure(() -> campaign(leader("298"))
                        .returnCampaignReport(ReturnCampaignReportRequest.newBuilder()
                                .setReportId(id)
                                .setReason("   ")
                                .build())),
                "reason");
        assertInvalid(
                failure(() -> campaign(leader("298"))
                        .returnCampaignReport(ReturnCampaignReportRequest.newBuilder()
                                .setReportId(id)
                                .setReason("x".repeat(1001))
                                .build())),
                "reason");
        assertThat(world.events(id)).containsExactly("campaign_report.submitted 11074");
        assertThat(world.text("SELECT state FROM campaign_report WHERE report_id = ?", id))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void eachStateTakesOnlyItsOwnNextSteps() {
        campaignOf("TKSTATE", "11074", "11077");
        clock.set("2026-12-08T07:00:00Z");
        assertFailedPrecondition(failure(() -> submit(leader("11074"), "TKSTATE", "s0")), "ILLEGAL_TRANSITION");
        assertFailedPrecondition(
                failure(() -> campaign(leader("298"))
                        .consolidateCampaign(ConsolidateCampaignRequest.newBuilder()
                                .setTaskId("TKSTATE")
                                .build())),
                "RULE_VIOLATED");
        save(officer("11074"), "TKSTATE", row("procedure_code", "1", "dossiers", "1"));
        CampaignReport v1 = submit(leader("11074"), "TKSTATE", "s1");
        // submitted: no draft over it, no second submission
        assertFailedPrecondition(
                failure(() -> save(officer("11074"), "TKSTATE", row("procedure_code", "1", "dossiers", "2"))),
                "ILLEGAL_TRANSITION");
        assertFailedPrecondition(failure(() -> submit(leader("11074"), "TKSTATE", "s2")), "ILLEGAL_TRANSITION");
        // returned: not accepted afterwards, and a new draft is version 2
        campaign(leader("298"))
                .returnCampaignReport(ReturnCampaignReportRequest.newBuilder()
                        .setReportId(v1.getReportId())
                        .setReason("Sai số liệu")
                        .build());
        assertFailedPrecondition(failure(() -> accept(leader("298"), v1.getReportId())), "ILLEGAL_TRANSITION");
        CampaignReport v2 = save(officer("11074"), "TKSTATE", row("procedure_code", "1", "dossiers", "2"));
        assertThat(v2.getVersion()).isEqualTo(2);
        // the returned version is superseded by the draft: neither returned again nor accepted
        assertFailedPrecondition(failure(() -> accept(leader("298"), v1.getReportId())), "ILLEGAL_TRANSITION");
        // a draft is not decided
        assertFailedPrecondition(failure(() -> accept(leader("298"), v2.getReportId())), "ILLEGAL_TRANSITION");
        CampaignReport s2 = submit(leader("11074"), "TKSTATE", "s3");
        accept(leader("298"), s2.getReportId());
        assertFailedPrecondition(failure(() -> accept(leader("298"), s2.getReportId())), "ILLEGAL_TRANSITION");
        assertFailedPrecondition(
                failure(() -> save(officer("11074"), "TKSTATE", row("procedure_code", "1", "dossiers", "3"))),
                "ILLEGAL_TRANSITION");
        // the issuer's line is built by consolidation, not typed in
        assertFailedPrecondition(
                failure(() -> save(officer("298"), "TKSTATE", row("procedure_code", "1", "dossiers", "3"))),
                "RULE_VIOLATED");
        campaign(leader("298"))
                .consolidateCampaign(ConsolidateCampaignRequest.newBuilder()
                        .setTaskId("TKSTATE")
                        .build());
        CampaignReport up = submit(leader("298"), "TKSTATE", "s-up");
        assertFailedPrecondition(
                failure(() -> campaign(leader("298"))
                        .consolidateCampaign(ConsolidateCampaignRequest.newBuilder()
                                .setTaskId("TKSTATE")
                                .build())),
                "ILLEGAL_TRANSITION");
        // the district cannot decide its own consolidation: the province receives it
        assertCode(failure(() -> accept(leader("298"), up.getReportId())), Status.Code.PERMISSION_DENIED);
        assertThat(versions("TKSTATE", "11074")).isEqualTo(2);
    }

    @Test
    void aTaskThatIsNoCampaignTakesNoReport() {
        world.task("TKPLAIN", "298", "TASK", "YES_NO", null);
        world.assignment("TKPLAIN", "11074", "ASSIGNEE", DEADLINE);
        assertFailedPrecondition(
                failure(() -> save(officer("11074"), "TKPLAIN", row("procedure_code", "1"))), "RULE_VIOLATED");
        assertThat(versions("TKPLAIN", "11074")).isZero();
    }

    @Test
    void twoSubmitsOfTheSameDraftAtOnceMakeOneSubmission() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String task = "TKRACE" + round;
                campaignOf(task, "11080");
                clock.set("2026-12-08T07:00:00Z");
                save(officer("11080"), task, row("procedure_code", "1", "dossiers", "1"));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<CampaignReport>> racing = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String requestId = task + "-" + i;
                    Callable<CampaignReport> call = () -> {
                        start.await();
                        return submit(leader("11080"), task, requestId);
                    };
                    racing.add(pool.submit(call));
                }
                start.countDown();
                int won = 0;
                int refused = 0;
                for (Future<CampaignReport> f : racing) {
                    try {
                        CampaignReport r = f.get(60, TimeUnit.SECONDS);
                        assertThat(r.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_SUBMITTED);
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertFailedPrecondition((StatusRuntimeException) e.getCause(), "ILLEGAL_TRANSITION");
                        refused++;
                    }
                }
                assertThat(won).as("round " + round).isEqualTo(1);
                assertThat(refused).isEqualTo(1);
                assertThat(versions(task, "11080")).isEqualTo(1);
                String id = world.text("SELECT report_id FROM campaign_report WHERE task_id = ?", task);
                assertThat(world.events(id)).containsExactly("campaign_report.submitted 11080");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRepeatedRequestIdAnswersTheFirstSubmission() {
        campaignOf("TKIDEM", "11083");
        campaignOf("TKIDEM2", "11083");
        clock.set("2026-12-08T07:00:00Z");
        save(officer("11083"), "TKIDEM", row("procedure_code", "1", "dossiers", "1"));
        CampaignReport first = submit(leader("11083"), "TKIDEM", "same-id");
        clock.set("2026-12-08T10:00:00Z");
        CampaignReport again = submit(leader("11083"), "TKIDEM", "same-id");
        assertThat(again.getReportId()).isEqualTo(first.getReportId());
        assertThat(again.getSubmittedAt()).isEqualTo(first.getSubmittedAt());
        assertThat(again.getLate()).isFalse();
        assertThat(world.events(first.getReportId())).hasSize(1);

        save(officer("11083"), "TKIDEM2", row("procedure_code", "1", "dossiers", "1"));
        StatusRuntimeException reused = failure(() -> submit(leader("11083"), "TKIDEM2", "same-id"));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(reason(reused)).isEqualTo("REQUEST_ID_REUSED");
        assertThat(world.text("SELECT state FROM campaign_report WHERE task_id = 'TKIDEM2'"))
                .isEqualTo("DRAFT");
    }

    @Test
    void aProceduresCampaignStartsFromTheCatalogueAndIsSubmittedOnlyOnceComplete() {
        world.procedure("2.000001", "Đăng ký khai sinh", false);
        world.procedure("1.000002", "Cấp giấy phép xây dựng", false);
        world.procedure("1.000003", "Thủ tục đã bãi bỏ", true);
        world.campaign(
                "TKPROC",
                "298",
                CampaignWorld.TEMPLATE.replace("\"NONE\"", "\"PROCEDURES\""),
                DEADLINE,
                UPWARD,
                "11074");
        clock.set("2026-12-08T07:00:00Z");
        CampaignReport started = save(officer("11074"), "TKPROC");
        assertThat(started.getRowsList())
                .extracting(r -> r.getCellsMap().get("procedure_code") + " "
                        + r.getCellsMap().get("procedure_name"))
                .containsExactly("1.000002 Cấp giấy phép xây dựng", "2.000001 Đăng ký khai sinh");
        // "dossiers" is required and still blank
        assertFailedPrecondition(failure(() -> submit(leader("11074"), "TKPROC", "p1")), "RULE_VIOLATED");
        assertThat(world.text("SELECT state FROM campaign_report WHERE task_id = 'TKPROC'"))
                .isEqualTo("DRAFT");
        save(
                officer("11074"),
                "TKPROC",
                row("procedure_code", "1.000002", "procedure_name", "Cấp giấy phép xây dựng", "dossiers", "0"),
                row("procedure_code", "2.000001", "procedure_name", "Đăng ký khai sinh", "dossiers", "9"));
        assertThat(submit(leader("11074"), "TKPROC", "p1").getRowCount()).isEqualTo(2);
    }

    private CampaignReport accept(String token, String reportId) {
        return campaign(token)
                .acceptCampaignReport(AcceptCampaignReportRequest.newBuilder()
                        .setReportId(reportId)
                        .build())
                .getReport();
    }

    private static void assertCode(StatusRuntimeException e, Status.Code code) {
        assertThat(e.getStatus().getCode()).as(e.getStatus().getDescription()).isEqualTo(code);
    }

    private static void assertFailedPrecondition(StatusRuntimeException e, String reason) {
        assertCode(e, Status.Code.FAILED_PRECONDITION);
        assertThat(reason(e)).as(e.getStatus().getDescription()).isEqualTo(reason);
    }
}
