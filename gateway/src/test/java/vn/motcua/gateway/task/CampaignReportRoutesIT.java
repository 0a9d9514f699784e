package vn.motcua.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.report.v1.AcceptCampaignReportRequest;
import vn.motcua.proto.report.v1.ConsolidateCampaignRequest;
import vn.motcua.proto.report.v1.ExportCampaignReportRequest;
import vn.motcua.proto.report.v1.ListCampaignReportsRequest;
import vn.motcua.proto.report.v1.ReturnCampaignReportRequest;
import vn.motcua.proto.report.v1.SaveCampaignDraftRequest;
import vn.motcua.proto.report.v1.SubmitCampaignReportRequest;

/**
 * Every campaign report route: drafts with their rows' cells as text, submission with Idempotency-Key, return and
 * acceptance, consolidation, the versions as JSON, and the XLSX as an attachment for officers and for the puller.
 */
@MicronautTest(transactional = false)
class CampaignReportRoutesIT extends TaskGatewayIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void aDraftsRowsReachTheServiceAsTextInTheirOrder() {
        String token = communeOfficer();

        Api.Reply reply = put("/api/v1/tasks/TASK-7/reports/draft", token, """
                {"rows": [
                   {"cells": {"procedure_code": "1.001193", "received": "12", "decided_on": "2026-12-01"}},
                   {"cells": {"received": null, "procedure_code": "2.000123"}},
                   {"cells": {}}]}""");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        SaveCampaignDraftRequest sent = (SaveCampaignDraftRequest) tasks.only().request();
        assertThat(sent.getTaskId()).isEqualTo("TASK-7");
        assertThat(sent.getUnitCode()).isEmpty();
        assertThat(sent.getRowsCount()).isEqualTo(3);
        assertThat(sent.getRows(0).getCellsMap())
                .containsExactly(
                        Map.entry("procedure_code", "1.001193"),
                        Map.entry("received", "12"),
                        Map.entry("decided_on", "2026-12-01"));
        assertThat(sent.getRows(1).getCellsMap())
                .as("null is an empty cell, which the service checks against a required column")
                .containsExactly(Map.entry("received", ""), Map.entry("procedure_code", "2.000123"));
        assertThat(sent.getRows(2).getCellsMap()).isEmpty();
        Map<String, Object> report = reply.json();
        assertThat(report)
                .containsEntry("reportId", "REP-11077-3")
                .containsEntry("version", 3)
                .containsEntry("state", "DRAFT")
                .containsEntry("consolidation", false)
                .containsEntry("rowCount", 3)
                .containsEntry("submittedAt", null)
                .containsEntry("sourceReportIds", List.of());
        assertThat(list(report, "rows").get(0))
                .isEqualTo(TaskRoutesIT.entries(
                        "cells",
                        Map.of("procedure_code", "1.001193", "received", "12", "decided_on", "2026-12-01"),
                        "sourceUnitCode",
                        null,
                        "sourceUnitName",
                        null));
        assertThat(list(report, "rows").get(0).get("cells").toString())
                .as("the cells in the service's order")
                .isEqualTo("{procedure_code=1.001193, received=12, decided_on=2026-12-01}");
    }

    @Test
    void aLeaderSubmitsWithAnIdempotencyKey() {
        Api.Reply reply = api.postJson(
                "/api/v1/tasks/TASK-7/reports/submit",
                communeLeader(),
                "{\"unitCode\": \"11077\"}",
                "Idempotency-Key",
                "submit-11077-2");
        Api.Reply bare = postEmpty("/api/v1/tasks/TASK-7/reports/submit", communeLeader());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> report = new HashMap<>(reply.json());
        assertThat(map(report.remove("unit"))).containsEntry("code", "11077");
        assertThat(report)
                .isEqualTo(TaskRoutesIT.entries(
                        "reportId",
                        "REP-11077-2",
                        "taskId",
                        "TASK-7",
                        "version",
                        2,
                        "state",
                        "SUBMITTED",
                        "consolidation",
                        false,
                        "rows",
                        List.of(),
                        "rowCount",
                        2,
                        "savedBy",
                        "cv.11077",
                        "savedAt",
                        "2026-12-01T02:00:00Z",
                        "submittedBy",
                        "ld.11077",
                        "submittedAt",
                        "2026-12-07T08:59:58Z",
                        "late",
                        true,
                        "returnedBy",
                        null,
                        "returnedAt",
                        null,
                        "returnReason",
                        null,
                        "acceptedBy",
                        null,
                        "acceptedAt",
                        null,
                        "sourceReportIds",
                        List.of()));
        SubmitCampaignReportRequest sent =
                (SubmitCampaignReportRequest) tasks.received().get(0).request();
        assertThat(sent.getRequestId()).isEqualTo("submit-11077-2");
        assertThat(sent.getUnitCode()).isEqualTo("11077");
        assertThat(bare.status()).as(bare.body()).isEqualTo(200);
        assertThat(((SubmitCampaignReportRequest) tasks.received().get(1).request()).getRequestId())
                .isNotEmpty();
    }

    @Test
    void theReceivingUnitReturnsWithAReasonOrAccepts() {
        Api.Reply returned = api.postJson(
                "/api/v1/campaign-reports/REP-11077-1/return",
                districtSpecialist(),
                "{\"reason\": \"Thiếu số liệu dòng 2\"}");
        Api.Reply accepted = postEmpty("/api/v1/campaign-reports/REP-11077-2/accept", districtLeader());
        Api.Reply acceptedWithBody =
                api.postJson("/api/v1/campaign-reports/REP-11077-2/accept", districtLeader(), "{}");

        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json())
                .containsEntry("state", "RETURNED")
                .containsEntry("returnedBy", "cv.tuky")
                .containsEntry("returnedAt", "2026-12-07T08:59:58Z")
                .containsEntry("returnReason", "Thiếu số liệu dòng 2");
        ReturnCampaignReportRequest sent =
                (ReturnCampaignReportRequest) tasks.received().get(0).request();
        assertThat(sent.getReportId()).isEqualTo("REP-11077-1");
        assertThat(sent.getReason()).isEqualTo("Thiếu số liệu dòng 2");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json()).containsEntry("state", "ACCEPTED").containsEntry("acceptedBy", "ld.tuky");
        assertThat(((AcceptCampaignReportRequest) tasks.received().get(1).request()).getReportId())
                .isEqualTo("REP-11077-2");
        assertThat(acceptedWithBody.status()).as(acceptedWithBody.body()).isEqualTo(200);
    }

    @Test
    void theIssuerConsolidatesIntoItsDraftWithTheRowsSources() {
        Api.Reply reply = postEmpty("/api/v1/tasks/TASK-7/consolidation", districtSpecialist());
        Api.Reply withBody = api.postJson("/api/v1/tasks/TASK-7/consolidation", districtSpecialist(), "{}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("consolidation", true)
                .containsEntry("state", "DRAFT")
                .containsEntry("sourceReportIds", List.of("REP-11074-1", "REP-11077-2"));
        assertThat(list(reply.json(), "rows").get(0))
                .containsEntry("sourceUnitCode", "11074")
                .containsEntry("sourceUnitName", "Xã 11074");
        assertThat(((ConsolidateCampaignRequest) tasks.received().get(0).request()).getTaskId())
                .isEqualTo("TASK-7");
        assertThat(withBody.status()).as(withBody.body()).isEqualTo(200);
    }

    @Test
    void versionsAreListedWithoutRowsAndReadOneWithRows() {
        Api.Reply all = api.get("/api/v1/tasks/TASK-7/reports?unitCode=11077", districtSpecialist());
        Api.Reply one = api.get("/api/v1/campaign-reports/REP-11077-2", districtSpecialist());

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(list(all.json(), "reports"))
                .extracting(r -> r.get("version") + " " + r.get("state") + " " + r.get("rows"))
                .containsExactly("2 SUBMITTED []", "1 RETURNED []");
        ListCampaignReportsRequest listed =
                (ListCampaignReportsRequest) tasks.received().get(0).request();
        assertThat(listed.getTaskId()).isEqualTo("TASK-7");
        assertThat(listed.getUnitCode()).isEqualTo("11077");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(list(one.json(), "rows"))
                .extracting(r -> r.get("cells"))
                .containsExactly(
                        Map.of("procedure_code", "1.001193", "received", "12"),
                        Map.of("procedure_code", "2.000123", "received", ""));
    }

    @Test
    void theXlsxIsAnAttachmentForOfficersAndForThePuller() throws Exception {
        String machine = machine();
        HttpResponse<byte[]> officers =
                bytes("/api/v1/tasks/TASK-7/reports/export.xlsx?unitCode=298", districtSpecialist());
        HttpResponse<byte[]> puller = bytes("/api/v1/machine/tasks/TASK-7/reports/export.xlsx?unitCode=298", machine);

        for (HttpResponse<byte[]> response : List.of(officers, puller)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(FakeTasks.XLSX_BYTES);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"NV-7-11077-v2.xlsx\"");
            assertThat(response.headers().firstValue("Content-Length"))
                    .hasValue(String.valueOf(FakeTasks.XLSX_BYTES.length));
        }
        assertThat(tasks.received()).hasSize(2).allSatisfy(r -> {
            ExportCampaignReportRequest sent = (ExportCampaignReportRequest) r.request();
            assertThat(sent.getTaskId()).isEqualTo("TASK-7");
            assertThat(sent.getUnitCode()).isEqualTo("298");
        });
        assertThat(tasks.received().get(1).authorization()).isEqualTo("Bearer " + machine);
    }

    @Test
    void aFileNameThatIsNotPlainAsciiXlsxIsReplaced() throws Exception {
        for (String name : List.of("báo cáo.xlsx", "a\"b.xlsx", "../x.xlsx", "NV-7.csv", ".xlsx", "")) {
            tasks.exportFileName(name);
            HttpResponse<byte[]> response = bytes("/api/v1/tasks/TASK-7/reports/export.xlsx", districtSpecialist());
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .as(name)
                    .hasValue("attachment; filename=\"bao-cao-thu-thap.xlsx\"");
        }
    }

    @Test
    void anExportTheServiceCannotFindIsAProblemNotAFile() {
        tasks.failWith(DomainException.notFound("campaign report"));

        Api.Reply reply = api.get("/api/v1/tasks/TASK-7/reports/export.xlsx", districtSpecialist());
        Api.Reply machineReply = api.get("/api/v1/machine/tasks/TASK-7/reports/export.xlsx", machine());

        assertProblem(reply, 404, "NOT_FOUND");
        assertProblem(machineReply, 404, "NOT_FOUND");
        assertThat(reply.header("Content-Disposition")).isNull();
    }

    @Test
    void peopleAreRefusedOnTheMachineRouteAndMachinesOnThePeoplesRoute() {
        assertProblem(
                api.get("/api/v1/machine/tasks/TASK-7/reports/export.xlsx", districtSpecialist()),
                403,
                "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/tasks/TASK-7/reports/export.xlsx", machine()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/machine/tasks/punctuality", viewer()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/tasks/punctuality", machine()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/machine/tasks/TASK-7/reports/export.xlsx"), 401, "TOKEN_MISSING");
        assertThat(tasks.received()).isEmpty();
    }

    private HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        api.request(path)
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
