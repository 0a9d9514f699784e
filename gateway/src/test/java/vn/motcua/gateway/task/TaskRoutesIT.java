package vn.motcua.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.proto.report.v1.AssignTaskRequest;
import vn.motcua.proto.report.v1.ColumnType;
import vn.motcua.proto.report.v1.CompleteTaskRequest;
import vn.motcua.proto.report.v1.ExpectedOutput;
import vn.motcua.proto.report.v1.GetTaskPunctualityRequest;
import vn.motcua.proto.report.v1.IssueDirectiveRequest;
import vn.motcua.proto.report.v1.ListDirectivesRequest;
import vn.motcua.proto.report.v1.ListTaskNotificationsRequest;
import vn.motcua.proto.report.v1.ListTasksRequest;
import vn.motcua.proto.report.v1.MarkTaskNotificationReadRequest;
import vn.motcua.proto.report.v1.ReportTaskProgressRequest;
import vn.motcua.proto.report.v1.SetTaskContactsRequest;
import vn.motcua.proto.report.v1.TaskKind;
import vn.motcua.proto.report.v1.TaskListView;
import vn.motcua.proto.report.v1.TemplateColumn;
import vn.motcua.proto.report.v1.TemplatePrefill;

/**
 * Every directive, task and reminder route: what reaches TaskService (fields, the caller's token, Idempotency-Key as
 * request_id) and the JSON shape of its answer (camelCase, enums without prefix, instants ISO-8601 UTC, absent values
 * null, lists []).
 */
@MicronautTest(transactional = false)
class TaskRoutesIT extends TaskGatewayIT {

    private static final String UNIT_298 = "{code=298, name=Huyện Tứ Kỳ, level=DISTRICT, parentCode=30, depth=0}";

    @Test
    void aLeaderIssuesADirectiveAnsweredWithItsRoute() {
        String token = districtLeader();

        Api.Reply reply = api.postJson("/api/v1/directives", token, """
                {"issuingUnitCode": "298", "number": "125/KH-UBND", "signedOn": "2026-12-01",
                 "title": "Kế hoạch rà soát thủ tục hành chính năm 2026", "signer": "Phó Chủ tịch Nguyễn Văn A",
                 "documentId": "DOC-1"}""", "Idempotency-Key", "issue-125");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/directives/DIR-1");
        Map<String, Object> directive = reply.json();
        assertThat(directive)
                .containsEntry("directiveId", "DIR-1")
                .containsEntry("number", "125/KH-UBND")
                .containsEntry("signedOn", "2026-12-01")
                .containsEntry("title", "Kế hoạch rà soát thủ tục hành chính năm 2026")
                .containsEntry("signer", "Phó Chủ tịch Nguyễn Văn A")
                .containsEntry("documentId", "DOC-1")
                .containsEntry("issuedBy", "ld.tuky")
                .containsEntry("issuedAt", "2026-12-01T02:00:00Z")
                .containsEntry("tasks", List.of());
        assertThat(directive.get("issuingUnit").toString()).isEqualTo(UNIT_298);
        var call = tasks.only();
        assertThat(call.method()).isEqualTo("IssueDirective");
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        IssueDirectiveRequest sent = (IssueDirectiveRequest) call.request();
        assertThat(sent.getRequestId()).isEqualTo("issue-125");
        assertThat(sent.getIssuingUnitCode()).isEqualTo("298");
        assertThat(sent.getNumber()).isEqualTo("125/KH-UBND");
        assertThat(sent.getSignedOn()).isEqualTo("2026-12-01");
        assertThat(sent.getSigner()).isEqualTo("Phó Chủ tịch Nguyễn Văn A");
        assertThat(sent.getDocumentId()).isEqualTo("DOC-1");
    }

    @Test
    void withoutAnIdempotencyKeyEveryDirectiveIsNewAndOptionalFieldsAreEmpty() {
        api.postJson("/api/v1/directives", districtLeader(), "{\"number\": \"1/KH\", \"title\": \"t\"}");
        api.postJson("/api/v1/directives", districtLeader(), "{\"number\": \"1/KH\", \"title\": \"t\"}");

        List<IssueDirectiveRequest> sent = tasks.received().stream()
                .map(r -> (IssueDirectiveRequest) r.request())
                .toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getRequestId())
                .isNotEmpty()
                .isNotEqualTo(sent.get(1).getRequestId());
        assertThat(sent.get(0).getIssuingUnitCode())
                .as("the caller's unit: the service's default")
                .isEmpty();
        assertThat(sent.get(0).getSignedOn()).isEmpty();
        assertThat(sent.get(0).getDocumentId()).isEmpty();
    }

    @Test
    void directivesAreListedAPageAtATimeAndReadWithTheirTasks() {
        String token = districtSpecialist();

        Api.Reply page = api.get("/api/v1/directives?unitCode=298&pageSize=20&pageToken=p1", token);
        Api.Reply one = api.get("/api/v1/directives/DIR-1", token);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json()).containsEntry("nextPageToken", "p2");
        assertThat(list(page.json(), "directives"))
                .extracting(d -> d.get("directiveId"))
                .containsExactly("DIR-2", "DIR-1");
        assertThat(list(page.json(), "directives").get(0))
                .containsEntry("documentId", null)
                .containsEntry("tasks", List.of());
        ListDirectivesRequest listed =
                (ListDirectivesRequest) tasks.received().get(0).request();
        assertThat(listed.getUnitCode()).isEqualTo("298");
        assertThat(listed.getPageSize()).isEqualTo(20);
        assertThat(listed.getPageToken()).isEqualTo("p1");

        assertThat(one.status()).as(one.body()).isEqualTo(200);
        List<Map<String, Object>> tasksOf = list(one.json(), "tasks");
        assertThat(tasksOf).hasSize(1);
        assertThat(tasksOf.get(0)).containsEntry("taskId", "TASK-7").containsEntry("kind", "CAMPAIGN");
    }

    @Test
    void aCampaignIsAssignedWithItsTemplateAndAnsweredWithItsRoute() {
        String token = districtLeader();

        Api.Reply reply = api.postJson("/api/v1/directives/DIR-1/tasks", token, """
                {"kind": "CAMPAIGN", "title": "Thống kê thủ tục hành chính", "description": "Theo biểu mẫu",
                 "assigneeUnitCodes": ["11074", "11077", "11080", "11083"],
                 "deadline": "2026-12-07T16:00", "upwardDeadline": "2026-12-10T16:00",
                 "expectedOutput": "REPORT_TEMPLATE",
                 "template": {"columns": [
                     {"key": "procedure_code", "label": "Mã thủ tục", "type": "TEXT", "required": true},
                     {"key": "received", "label": "Số hồ sơ tiếp nhận", "type": "INTEGER"}],
                   "prefill": "PROCEDURES"},
                 "followUpUser": "cv.tuky"}""", "Idempotency-Key", "assign-7");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/tasks/TASK-7");
        Map<String, Object> task = reply.json();
        assertThat(task)
                .containsEntry("taskId", "TASK-7")
                .containsEntry("directiveId", "DIR-1")
                .containsEntry("directiveLabel", "125/KH-UBND - Kế hoạch rà soát thủ tục hành chính năm 2026")
                .containsEntry("kind", "CAMPAIGN")
                .containsEntry("title", "Thống kê thủ tục hành chính")
                .containsEntry("description", null)
                .containsEntry("expectedOutput", "REPORT_TEMPLATE")
                .containsEntry("followUpUser", "cv.tuky")
                .containsEntry("createdBy", "ld.tuky")
                .containsEntry("createdAt", "2026-12-01T02:00:00Z");
        assertThat(task.get("template"))
                .isEqualTo(Map.of(
                        "columns",
                        List.of(
                                Map.of(
                                        "key",
                                        "procedure_code",
                                        "label",
                                        "Mã thủ tục",
                                        "type",
                                        "TEXT",
                                        "required",
                                        true),
                                Map.of(
                                        "key",
                                        "received",
                                        "label",
                                        "Số hồ sơ tiếp nhận",
                                        "type",
                                        "INTEGER",
                                        "required",
                                        false)),
                        "prefill",
                        "PROCEDURES"));
        List<Map<String, Object>> assignments = list(task, "assignments");
        Map<String, Object> done = new HashMap<>(assignments.get(0));
        assertThat(done.remove("unit").toString())
                .isEqualTo("{code=11074, name=Xã 11074, level=COMMUNE, parentCode=298, depth=0}");
        assertThat(done)
                .isEqualTo(entries(
                        "stage",
                        "ASSIGNEE",
                        "deadline",
                        "2026-12-07T09:00:00Z",
                        "effectiveDeadline",
                        "2026-12-08T09:00:00Z",
                        "timeliness",
                        "ON_TIME",
                        "doneAt",
                        "2026-12-07T08:59:58Z",
                        "doneBy",
                        "ld.11074",
                        "workingDaysLate",
                        0,
                        "progressPercent",
                        100,
                        "lastActivityAt",
                        "2026-12-07T08:59:58Z",
                        "silent",
                        false,
                        "answer",
                        true,
                        "documentId",
                        null,
                        "reportVersion",
                        0,
                        "reportState",
                        null));
        assertThat(assignments.get(1))
                .containsEntry("timeliness", "MISSING")
                .containsEntry("doneAt", null)
                .containsEntry("lastActivityAt", null)
                .containsEntry("workingDaysLate", 2)
                .containsEntry("silent", true);

        AssignTaskRequest sent = (AssignTaskRequest) tasks.only().request();
        assertThat(sent.getRequestId()).isEqualTo("assign-7");
        assertThat(sent.getDirectiveId()).isEqualTo("DIR-1");
        assertThat(sent.getKind()).isEqualTo(TaskKind.TASK_KIND_CAMPAIGN);
        assertThat(sent.getTitle()).isEqualTo("Thống kê thủ tục hành chính");
        assertThat(sent.getDescription()).isEqualTo("Theo biểu mẫu");
        assertThat(sent.getAssigneeUnitCodesList()).containsExactly("11074", "11077", "11080", "11083");
        assertThat(sent.getDeadline()).as("local, as the contract writes it").isEqualTo("2026-12-07T16:00");
        assertThat(sent.getUpwardDeadline()).isEqualTo("2026-12-10T16:00");
        assertThat(sent.getExpectedOutput()).isEqualTo(ExpectedOutput.EXPECTED_OUTPUT_REPORT_TEMPLATE);
        assertThat(sent.getTemplate().getColumnsList())
                .containsExactly(
                        TemplateColumn.newBuilder()
                                .setKey("procedure_code")
                                .setLabel("Mã thủ tục")
                                .setType(ColumnType.COLUMN_TYPE_TEXT)
                                .setRequired(true)
                                .build(),
                        TemplateColumn.newBuilder()
                                .setKey("received")
                                .setLabel("Số hồ sơ tiếp nhận")
                                .setType(ColumnType.COLUMN_TYPE_INTEGER)
                                .build());
        assertThat(sent.getTemplate().getPrefill()).isEqualTo(TemplatePrefill.TEMPLATE_PREFILL_PROCEDURES);
        assertThat(sent.getFollowUpUser()).isEqualTo("cv.tuky");
    }

    @Test
    void aTaskWithoutTemplateSendsNone() {
        Api.Reply reply = api.postJson("/api/v1/directives/DIR-1/tasks", districtLeader(), """
                {"kind": "TASK", "title": "Xây dựng kế hoạch", "assigneeUnitCodes": ["11074"],
                 "deadline": "2026-12-07T16:00", "expectedOutput": "DOCUMENT"}""");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        AssignTaskRequest sent = (AssignTaskRequest) tasks.only().request();
        assertThat(sent.getKind()).isEqualTo(TaskKind.TASK_KIND_TASK);
        assertThat(sent.getExpectedOutput()).isEqualTo(ExpectedOutput.EXPECTED_OUTPUT_DOCUMENT);
        assertThat(sent.hasTemplate()).isFalse();
        assertThat(sent.getUpwardDeadline()).isEmpty();
        assertThat(sent.getRequestId()).as("a fresh request id").isNotEmpty();
    }

    @Test
    void tasksAreListedByViewUnitAndOpenness() {
        String token = communeOfficer();

        Api.Reply assigned = api.get("/api/v1/tasks", token);
        Api.Reply issued =
                api.get("/api/v1/tasks?view=ISSUED&unitCode=298&openOnly=true&pageSize=10&pageToken=t2", token);

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json()).containsEntry("nextPageToken", null);
        assertThat(list(assigned.json(), "tasks"))
                .extracting(t -> t.get("taskId"))
                .containsExactly("TASK-7");
        ListTasksRequest byDefault = (ListTasksRequest) tasks.received().get(0).request();
        assertThat(byDefault.getView()).isEqualTo(TaskListView.TASK_LIST_VIEW_ASSIGNED);
        assertThat(byDefault.getUnitCode()).isEmpty();
        assertThat(byDefault.getOpenOnly()).isFalse();
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        ListTasksRequest asked = (ListTasksRequest) tasks.received().get(1).request();
        assertThat(asked.getView()).isEqualTo(TaskListView.TASK_LIST_VIEW_ISSUED);
        assertThat(asked.getUnitCode()).isEqualTo("298");
        assertThat(asked.getOpenOnly()).isTrue();
        assertThat(asked.getPageSize()).isEqualTo(10);
        assertThat(asked.getPageToken()).isEqualTo("t2");
    }

    @Test
    void oneTaskAndItsBoard() {
        Api.Reply task = api.get("/api/v1/tasks/TASK-7", districtSpecialist());
        Api.Reply board = api.get("/api/v1/tasks/TASK-7/board", districtSpecialist());

        assertThat(task.status()).as(task.body()).isEqualTo(200);
        assertThat(task.json()).containsEntry("taskId", "TASK-7");
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        assertThat(board.json().get("counts"))
                .isEqualTo(Map.of("onTime", 2, "late", 1, "missing", 1, "pending", 0, "silent", 1));
        assertThat(map(board.json().get("task"))).containsEntry("taskId", "TASK-7");
        Map<String, Object> progress = list(board.json(), "progress").get(0);
        assertThat(progress)
                .containsEntry("progressId", "PRG-1")
                .containsEntry("taskId", "TASK-7")
                .containsEntry("text", "Đã rà soát 40 thủ tục")
                .containsEntry("percent", 60)
                .containsEntry("documentIds", List.of("DOC-9"))
                .containsEntry("reportedBy", "cv.11074")
                .containsEntry("reportedAt", "2026-12-01T02:00:00Z");
        assertThat(tasks.received()).extracting(FakeTasks.Received::method).containsExactly("GetTask", "GetTaskBoard");
    }

    @Test
    void anAssigneeReportsProgressAnswered201WithTheAssignment() {
        String token = communeOfficer();

        Api.Reply reply = api.postJson(
                "/api/v1/tasks/TASK-7/progress",
                token,
                "{\"text\": \"Đã rà soát 40 thủ tục\", \"percent\": 60, \"documentIds\": [\"DOC-9\", \"DOC-10\"]}",
                "Idempotency-Key",
                "progress-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(map(reply.json().get("progress"))).containsEntry("progressId", "PRG-1");
        assertThat(map(reply.json().get("assignment")))
                .containsEntry("timeliness", "PENDING")
                .containsEntry("progressPercent", 60)
                .containsEntry("doneAt", null);
        ReportTaskProgressRequest sent =
                (ReportTaskProgressRequest) tasks.only().request();
        assertThat(sent.getRequestId()).isEqualTo("progress-1");
        assertThat(sent.getTaskId()).isEqualTo("TASK-7");
        assertThat(sent.getUnitCode()).isEmpty();
        assertThat(sent.getText()).isEqualTo("Đã rà soát 40 thủ tục");
        assertThat(sent.getPercent()).isEqualTo(60);
        assertThat(sent.getDocumentIdsList()).containsExactly("DOC-9", "DOC-10");
        assertThat(tasks.only().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void aLeaderCompletesWithABodyOrWithNone() {
        Api.Reply answered = api.postJson(
                "/api/v1/tasks/TASK-7/complete",
                communeLeader(),
                "{\"unitCode\": \"11077\", \"answer\": true, \"note\": \"Đã thực hiện\"}",
                "Idempotency-Key",
                "done-7");
        Api.Reply bare = postEmpty("/api/v1/tasks/TASK-7/complete", communeLeader());

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(map(answered.json().get("assignment")))
                .containsEntry("timeliness", "ON_TIME")
                .containsEntry("answer", true);
        CompleteTaskRequest sent = (CompleteTaskRequest) tasks.received().get(0).request();
        assertThat(sent.getRequestId()).isEqualTo("done-7");
        assertThat(sent.getUnitCode()).isEqualTo("11077");
        assertThat(sent.getAnswer()).isTrue();
        assertThat(sent.getNote()).isEqualTo("Đã thực hiện");
        assertThat(bare.status()).as(bare.body()).isEqualTo(200);
        assertThat(((CompleteTaskRequest) tasks.received().get(1).request()).getTaskId())
                .isEqualTo("TASK-7");
    }

    @Test
    void punctualityIsTheSameForOfficersAndThePuller() {
        String query = "?unitCode=298&from=2026-12-01&to=2026-12-31";
        String machine = machine();

        Api.Reply officers = api.get("/api/v1/tasks/punctuality" + query, viewer());
        Api.Reply puller = api.get("/api/v1/machine/tasks/punctuality" + query, machine);

        assertThat(officers.status()).as(officers.body()).isEqualTo(200);
        assertThat(puller.status()).as(puller.body()).isEqualTo(200);
        assertThat(puller.body()).isEqualTo(officers.body());
        List<Map<String, Object>> units = list(officers.json(), "units");
        assertThat(units).extracting(u -> u.get("onTimePerMille")).containsExactly(500, -1);
        assertThat(map(units.get(0).get("unit"))).containsEntry("code", "11074");
        assertThat(units.get(1).get("counts"))
                .isEqualTo(Map.of("onTime", 0, "late", 0, "missing", 0, "pending", 0, "silent", 0));
        assertThat(map(officers.json().get("total"))).containsEntry("onTime", 2);
        GetTaskPunctualityRequest sent =
                (GetTaskPunctualityRequest) tasks.received().get(1).request();
        assertThat(sent.getUnitCode()).isEqualTo("298");
        assertThat(sent.getFromDate()).isEqualTo("2026-12-01");
        assertThat(sent.getToDate()).isEqualTo("2026-12-31");
        assertThat(tasks.received().get(1).authorization()).isEqualTo("Bearer " + machine);
    }

    @Test
    void aUnitsReminderAddressesAreReadAndReplaced() {
        String admin = idp.officer("admin.tuky", "298", "unit_admin");

        Api.Reply read = api.get("/api/v1/task-contacts/11077", districtSpecialist());
        Api.Reply replaced = put(
                "/api/v1/task-contacts/11077",
                admin,
                "{\"assigneeEmails\": [\"vanthu.11077@haiduong.gov.vn\"], \"leaderEmails\": []}");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json())
                .isEqualTo(entries(
                        "unitCode",
                        "11077",
                        "assigneeEmails",
                        List.of(),
                        "leaderEmails",
                        List.of(),
                        "updatedBy",
                        null,
                        "updatedAt",
                        null));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json())
                .containsEntry("assigneeEmails", List.of("vanthu.11077@haiduong.gov.vn"))
                .containsEntry("updatedBy", "admin.tuky")
                .containsEntry("updatedAt", "2026-12-01T02:00:00Z");
        SetTaskContactsRequest sent =
                (SetTaskContactsRequest) tasks.received().get(1).request();
        assertThat(sent.getUnitCode()).isEqualTo("11077");
        assertThat(sent.getAssigneeEmailsList()).containsExactly("vanthu.11077@haiduong.gov.vn");
        assertThat(sent.getLeaderEmailsList()).isEmpty();
    }

    @Test
    void theInboxIsListedAndANotificationMarkedRead() {
        String token = communeOfficer();

        Api.Reply inbox = api.get("/api/v1/task-notifications?unreadOnly=true&pageSize=5", token);
        Api.Reply read = postEmpty("/api/v1/task-notifications/N-2/read", token);
        Api.Reply readWithBody = api.postJson("/api/v1/task-notifications/N-2/read", token, "{}");

        assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
        assertThat(inbox.json()).containsEntry("unread", 1).containsEntry("nextPageToken", null);
        Map<String, Object> first =
                new HashMap<>(list(inbox.json(), "notifications").get(0));
        assertThat(map(first.remove("unit"))).containsEntry("code", "11077");
        assertThat(first)
                .isEqualTo(entries(
                        "notificationId", "N-2",
                        "taskId", "TASK-7",
                        "taskTitle", "Thống kê thủ tục hành chính",
                        "audience", "ASSIGNEE",
                        "kind", "DUE_SOON",
                        "message", "Nhiệm vụ \"Thống kê thủ tục hành chính\" đến hạn lúc 16:00 ngày 07/12/2026",
                        "createdAt", "2026-12-01T02:00:00Z",
                        "readAt", null,
                        "emailedTo", 2));
        ListTaskNotificationsRequest listed =
                (ListTaskNotificationsRequest) tasks.received().get(0).request();
        assertThat(listed.getUnreadOnly()).isTrue();
        assertThat(listed.getPageSize()).isEqualTo(5);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json()).containsEntry("readAt", "2026-12-07T08:59:58Z");
        assertThat(readWithBody.status()).as(readWithBody.body()).isEqualTo(200);
        assertThat(((MarkTaskNotificationReadRequest) tasks.received().get(1).request()).getNotificationId())
                .isEqualTo("N-2");
    }

    @Test
    void emptyListsAreSentAsEmptyArraysAndAbsentValuesAsNull() throws Exception {
        assertThat(write(new TaskJson.Directives(List.of(), null)))
                .isEqualTo("{\"directives\":[],\"nextPageToken\":null}");
        assertThat(write(new TaskJson.Tasks(List.of(), null))).isEqualTo("{\"tasks\":[],\"nextPageToken\":null}");
        assertThat(write(new TaskJson.Reports(List.of()))).isEqualTo("{\"reports\":[]}");
        assertThat(write(new TaskJson.Notifications(List.of(), null, 0)))
                .isEqualTo("{\"notifications\":[],\"nextPageToken\":null,\"unread\":0}");
        assertThat(write(new TaskJson.Punctuality(List.of(), null))).isEqualTo("{\"units\":[],\"total\":null}");
    }

    @Test
    void theDocumentTellsWhoTheServiceLetsActOnTheBroaderRoutes() throws Exception {
        var doc = new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(api.get("/openapi/motcua.yml").body())
                .path("paths");

        for (String path : List.of(
                "/api/v1/tasks/{taskId}/consolidation",
                "/api/v1/campaign-reports/{reportId}/return",
                "/api/v1/campaign-reports/{reportId}/accept")) {
            var post = doc.path(path).path("post");
            assertThat(post.path("x-access").asText()).as(path).isEqualTo("report_reader");
            assertThat(post.path("x-acting-roles").toString()).as(path).isEqualTo("[\"specialist\",\"unit_leader\"]");
        }
        assertThat(doc.path("/api/v1/task-contacts/{unitCode}")
                        .path("put")
                        .path("x-acting-roles")
                        .toString())
                .isEqualTo("[\"unit_leader\",\"unit_admin\"]");
        assertThat(doc.path("/api/v1/directives").path("post").path("x-access").asText())
                .isEqualTo("unit_leader");
        assertThat(doc.path("/api/v1/machine/tasks/{taskId}/reports/export.xlsx")
                        .path("get")
                        .path("x-access")
                        .asText())
                .isEqualTo("report_machine");
    }

    private String write(Object value) throws java.io.IOException {
        return new String(json.writeValueAsBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A map with null values allowed (Map.of refuses them), from name, value pairs. */
    static Map<String, Object> entries(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
