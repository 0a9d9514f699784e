package vn.motcua.gateway.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;

/**
 * Bad input to the task and campaign routes is a problem+json 400 naming every bad field by its JSON path, before
 * any call to report-service: bodies that are not JSON, unknown fields, wrong types, dates and local deadlines that
 * are not what the contract writes, unknown enum names, bad path ids and query values. The service's own refusals
 * come back with its reason and its field violations under the names the client sent.
 */
@MicronautTest(transactional = false)
class TaskBadInputIT extends TaskGatewayIT {

    /** Every route with a JSON body: method, path, and a token of a role the gateway lets through. */
    private List<String[]> bodyRoutes() {
        return List.of(
                new String[] {"POST", "/api/v1/directives", districtLeader()},
                new String[] {"POST", "/api/v1/directives/DIR-1/tasks", districtLeader()},
                new String[] {"POST", "/api/v1/tasks/TASK-7/progress", communeOfficer()},
                new String[] {"POST", "/api/v1/tasks/TASK-7/complete", communeLeader()},
                new String[] {"PUT", "/api/v1/tasks/TASK-7/reports/draft", communeOfficer()},
                new String[] {"POST", "/api/v1/tasks/TASK-7/reports/submit", communeLeader()},
                new String[] {"POST", "/api/v1/tasks/TASK-7/consolidation", districtSpecialist()},
                new String[] {"POST", "/api/v1/campaign-reports/REP-1/return", districtSpecialist()},
                new String[] {"POST", "/api/v1/campaign-reports/REP-1/accept", districtSpecialist()},
                new String[] {"PUT", "/api/v1/task-contacts/11077", districtLeader()},
                new String[] {"POST", "/api/v1/task-notifications/N-1/read", communeOfficer()});
    }

    @Test
    void aBodyThatIsNotJsonIsMalformedOnEveryRoute() {
        for (String[] route : bodyRoutes()) {
            for (String body : List.of("{\"title\": ", "{} {}", "not json", "{\"a\": 1,}")) {
                Api.Reply reply = send(route[0], route[1], route[2], body);
                assertProblem(reply, 400, "MALFORMED_REQUEST");
            }
            Api.Reply array = send(route[0], route[1], route[2], "[]");
            assertProblem(array, 400, "INVALID_FIELD");
            assertThat(fields(array)).as(route[1]).first().isEqualTo("$");
        }
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void routesThatNeedInputRefuseAMissingBody() {
        for (String[] route : List.of(
                new String[] {"POST", "/api/v1/directives", districtLeader()},
                new String[] {"POST", "/api/v1/directives/DIR-1/tasks", districtLeader()},
                new String[] {"POST", "/api/v1/tasks/TASK-7/progress", communeOfficer()},
                new String[] {"PUT", "/api/v1/tasks/TASK-7/reports/draft", communeOfficer()},
                new String[] {"POST", "/api/v1/campaign-reports/REP-1/return", districtSpecialist()},
                new String[] {"PUT", "/api/v1/task-contacts/11077", districtLeader()})) {
            assertProblem(send(route[0], route[1], route[2], ""), 400, "MALFORMED_REQUEST");
        }
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void unknownFieldsAreNamedWhereverTheyAre() {
        assertThat(fields(invalid("POST", "/api/v1/directives", districtLeader(), "{\"numbr\": \"1\", \"kind\": 1}")))
                .containsExactlyInAnyOrder("numbr", "kind");
        assertThat(fields(invalid("POST", "/api/v1/directives/DIR-1/tasks", districtLeader(), """
                        {"kind": "CAMPAIGN", "expectedOutput": "REPORT_TEMPLATE", "assignees": ["11074"],
                         "template": {"colour": "red", "columns": [{"key": "a", "width": 3}]}}""")))
                .containsExactlyInAnyOrder("assignees", "template.colour", "template.columns[0].width");
        assertThat(fields(invalid(
                        "PUT",
                        "/api/v1/tasks/TASK-7/reports/draft",
                        communeOfficer(),
                        "{\"rows\": [{\"cells\": {}}, {\"values\": {}, \"sourceUnitCode\": \"11074\"}]}")))
                .containsExactlyInAnyOrder("rows[1].values", "rows[1].sourceUnitCode");
        assertThat(fields(invalid("POST", "/api/v1/tasks/TASK-7/progress", communeOfficer(), "{\"percentage\": 5}")))
                .containsExactly("percentage");
        assertThat(fields(invalid("POST", "/api/v1/tasks/TASK-7/complete", communeLeader(), "{\"done\": true}")))
                .containsExactly("done");
        assertThat(fields(invalid("POST", "/api/v1/tasks/TASK-7/reports/submit", communeLeader(), "{\"unit\": \"1\"}")))
                .containsExactly("unit");
        assertThat(fields(invalid("POST", "/api/v1/tasks/TASK-7/consolidation", districtSpecialist(), "{\"x\": 1}")))
                .containsExactly("x");
        assertThat(fields(invalid(
                        "POST", "/api/v1/campaign-reports/REP-1/return", districtSpecialist(), "{\"why\": \"x\"}")))
                .containsExactly("why");
        assertThat(fields(invalid(
                        "POST", "/api/v1/campaign-reports/REP-1/accept", districtSpecialist(), "{\"note\": \"ok\"}")))
                .containsExactly("note");
        assertThat(fields(invalid("PUT", "/api/v1/task-contacts/11077", districtLeader(), "{\"emails\": []}")))
                .containsExactly("emails");
        assertThat(fields(invalid("POST", "/api/v1/task-notifications/N-1/read", communeOfficer(), "{\"x\": 1}")))
                .containsExactly("x");
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void wrongTypesAreNamedByTheirPath() {
        assertThat(fields(invalid(
                        "POST",
                        "/api/v1/directives",
                        districtLeader(),
                        "{\"number\": 125, \"signedOn\": 20261201, \"title\": [\"t\"], \"documentId\": {}}")))
                .containsExactly("number", "signedOn", "title", "documentId");
        assertThat(fields(invalid("POST", "/api/v1/directives/DIR-1/tasks", districtLeader(), """
                        {"kind": "TASK", "expectedOutput": "YES_NO", "title": 1, "assigneeUnitCodes": "11074",
                         "deadline": 1765098000, "template": "none"}""")))
                .containsExactlyInAnyOrder("title", "assigneeUnitCodes", "deadline", "template");
        assertThat(fields(invalid("POST", "/api/v1/directives/DIR-1/tasks", districtLeader(), """
                        {"kind": "CAMPAIGN", "expectedOutput": "REPORT_TEMPLATE", "assigneeUnitCodes": [11074, "11077"],
                         "template": {"columns": [{"key": "a", "required": "yes"}, "b"]}}""")))
                .containsExactlyInAnyOrder(
                        "assigneeUnitCodes[0]", "template.columns[0].required", "template.columns[1]");
        assertThat(fields(invalid(
                        "POST",
                        "/api/v1/tasks/TASK-7/progress",
                        communeOfficer(),
                        "{\"text\": \"x\", \"percent\": \"60\", \"documentIds\": \"DOC-1\"}")))
                .containsExactly("percent", "documentIds");
        assertThat(fields(invalid("POST", "/api/v1/tasks/TASK-7/progress", communeOfficer(), "{\"percent\": 60.5}")))
                .containsExactly("percent");
        assertThat(fields(invalid(
                        "POST",
                        "/api/v1/tasks/TASK-7/complete",
                        communeLeader(),
                        "{\"answer\": \"yes\", \"note\": 1}")))
                .containsExactly("answer", "note");
        assertThat(fields(invalid("PUT", "/api/v1/tasks/TASK-7/reports/draft", communeOfficer(), """
                        {"unitCode": 11077, "rows": [{"cells": {"received": 12, "ok": true, "procedure_code": "1"}},
                          "row", {"cells": ["a"]}]}""")))
                .containsExactlyInAnyOrder(
                        "unitCode", "rows[0].cells.received", "rows[0].cells.ok", "rows[1]", "rows[2].cells");
        assertThat(fields(invalid("PUT", "/api/v1/tasks/TASK-7/reports/draft", communeOfficer(), "{\"rows\": {}}")))
                .containsExactly("rows");
        assertThat(fields(invalid(
                        "PUT", "/api/v1/task-contacts/11077", districtLeader(), "{\"leaderEmails\": \"a@b.vn\"}")))
                .containsExactly("leaderEmails");
        assertThat(fields(invalid(
                        "POST", "/api/v1/campaign-reports/REP-1/return", districtSpecialist(), "{\"reason\": 1}")))
                .containsExactly("reason");
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void datesAndLocalDeadlinesMustBeWhatTheContractWrites() {
        for (String bad : List.of("2026-02-30", "01/12/2026", "2026-12-1", "2026-12-01T00:00")) {
            Api.Reply reply = invalid(
                    "POST",
                    "/api/v1/directives",
                    districtLeader(),
                    "{\"number\": \"1\", \"signedOn\": \"" + bad + "\"}");
            assertThat(fields(reply)).as(bad).containsExactly("signedOn");
        }
        for (String bad : List.of(
                "2026-12-07 16:00",
                "2026-12-07T16:00Z",
                "2026-12-07T16:00+07:00",
                "2026-12-07T16:00:00",
                "2026-12-07T24:00",
                "2026-02-30T16:00",
                "2026-12-07",
                "16:00")) {
            Api.Reply reply = invalid(
                    "POST",
                    "/api/v1/directives/DIR-1/tasks",
                    districtLeader(),
                    "{\"kind\": \"CAMPAIGN\", \"expectedOutput\": \"REPORT_TEMPLATE\", \"deadline\": \"" + bad
                            + "\", \"upwardDeadline\": \"" + bad + "\"}");
            assertThat(fields(reply)).as(bad).containsExactly("deadline", "upwardDeadline");
            assertThat(reply.errors().get(0).get("message").toString()).contains("YYYY-MM-DDTHH:MM");
        }
        Api.Reply query = api.get("/api/v1/tasks/punctuality?from=2026-13-01&to=31/12/2026", viewer());
        assertProblem(query, 400, "INVALID_FIELD");
        assertThat(fields(query)).containsExactly("from", "to");
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void enumsTakeTheirNamesOnlyAndTheTaskNeedsItsKindAndOutput() {
        Api.Reply names = invalid("POST", "/api/v1/directives/DIR-1/tasks", districtLeader(), """
                {"kind": "task", "expectedOutput": "PDF",
                 "template": {"columns": [{"key": "a", "type": "NUMBER"}], "prefill": "ALL"}}""");
        Api.Reply missing = invalid("POST", "/api/v1/directives/DIR-1/tasks", districtLeader(), "{\"title\": \"t\"}");

        assertThat(fields(names))
                .containsExactly("kind", "expectedOutput", "template.columns[0].type", "template.prefill");
        assertThat(names.errors().get(0).get("message")).isEqualTo("must be one of CAMPAIGN, TASK");
        assertThat(fields(missing)).containsExactly("kind", "expectedOutput");
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void queryValuesAndPathIdsAreChecked() {
        Api.Reply list = api.get(
                "/api/v1/tasks?view=ALL&openOnly=yes&pageSize=0&pageToken=%3Cscript%3E&unitCode=a%20b",
                communeOfficer());
        Api.Reply inbox = api.get("/api/v1/task-notifications?unreadOnly=1&pageSize=501", communeOfficer());
        Api.Reply directives = api.get("/api/v1/directives?pageSize=x", communeOfficer());

        assertProblem(list, 400, "INVALID_FIELD");
        assertThat(fields(list)).containsExactly("view", "unitCode", "openOnly", "pageSize", "pageToken");
        assertThat(fields(inbox)).containsExactly("unreadOnly", "pageSize");
        assertThat(fields(directives)).containsExactly("pageSize");
        assertThat(fields(api.get("/api/v1/tasks/a%20b", communeOfficer()))).containsExactly("taskId");
        assertThat(fields(api.get("/api/v1/tasks/a%20b/board", communeOfficer())))
                .containsExactly("taskId");
        assertThat(fields(api.get("/api/v1/directives/a%20b", communeOfficer())))
                .containsExactly("directiveId");
        assertThat(fields(api.get("/api/v1/campaign-reports/a%20b", communeOfficer())))
                .containsExactly("reportId");
        assertThat(fields(api.get("/api/v1/task-contacts/a%20b", communeOfficer())))
                .containsExactly("unitCode");
        assertThat(fields(api.get("/api/v1/tasks/a%20b/reports/export.xlsx?unitCode=x%20y", communeOfficer())))
                .containsExactly("taskId", "unitCode");
        assertThat(fields(send("POST", "/api/v1/tasks/a%20b/progress", communeOfficer(), "{\"text\": \"x\"}")))
                .containsExactly("taskId");
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void anIdempotencyKeyMustBeSafe() {
        Api.Reply reply = send(
                "POST", "/api/v1/directives", districtLeader(), "{\"number\": \"1\"}", "Idempotency-Key", "two words");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(fields(reply)).containsExactly("Idempotency-Key");
        assertThat(tasks.received()).isEmpty();
    }

    @Test
    void theServicesFieldViolationsComeBackUnderTheJsonNames() {
        tasks.failWith(DomainException.invalid(List.of(
                new FieldViolation("assignee_unit_codes[1]", "is not below the issuing unit"),
                new FieldViolation("template.columns[0].key", "must match [a-z][a-z0-9_]{0,31}"),
                new FieldViolation("upward_deadline", "must be after deadline"))));
        Api.Reply assign = api.postJson(
                "/api/v1/directives/DIR-1/tasks",
                districtLeader(),
                "{\"kind\": \"CAMPAIGN\", \"expectedOutput\": \"REPORT_TEMPLATE\"}");
        assertProblem(assign, 400, "INVALID_FIELD");
        assertThat(fields(assign)).containsExactly("assigneeUnitCodes[1]", "template.columns[0].key", "upwardDeadline");

        tasks.failWith(DomainException.invalid(
                List.of(new FieldViolation("from_date", "is required"), new FieldViolation("to_date", "before from"))));
        assertThat(fields(api.get("/api/v1/tasks/punctuality", viewer()))).containsExactly("from", "to");

        tasks.failWith(DomainException.invalid(List.of(
                new FieldViolation("rows[0].cells.procedure_code", "is required"),
                new FieldViolation("rows[0].cells.decided_on", "must be a date YYYY-MM-DD"),
                new FieldViolation("rows[1].cells.Bad_key", "is not a column of the template"),
                new FieldViolation("rows", "must hold at most 5000 rows"))));
        Api.Reply draft = put(
                "/api/v1/tasks/TASK-7/reports/draft",
                communeOfficer(),
                "{\"rows\": [{\"cells\": {\"decided_on\": \"x\"}}, {\"cells\": {\"Bad_key\": \"1\"}}]}");
        assertProblem(draft, 400, "INVALID_FIELD");
        assertThat(fields(draft))
                .as("cell keys as the template names them, not camelCased")
                .containsExactly(
                        "rows[0].cells.procedure_code", "rows[0].cells.decided_on", "rows[1].cells.Bad_key", "rows");
    }

    @Test
    void theServicesRefusalsKeepTheirStatusAndReason() {
        tasks.failWith(DomainException.notFound("task"));
        assertProblem(api.get("/api/v1/tasks/TASK-9", communeOfficer()), 404, "NOT_FOUND");

        tasks.failWith(DomainException.permissionDenied("not a leader of the issuing unit"));
        assertProblem(
                api.postJson("/api/v1/directives", districtLeader(), "{\"number\": \"1\"}"), 403, "ROLE_NOT_ALLOWED");

        tasks.failWith(DomainException.of(
                vn.motcua.platform.error.ErrorKind.FAILED_PRECONDITION,
                ErrorReason.ILLEGAL_TRANSITION,
                "the report is SUBMITTED"));
        assertProblem(
                put("/api/v1/tasks/TASK-7/reports/draft", communeOfficer(), "{\"rows\": []}"),
                409,
                "ILLEGAL_TRANSITION");

        tasks.failWith(DomainException.of(
                vn.motcua.platform.error.ErrorKind.ALREADY_EXISTS,
                ErrorReason.REQUEST_ID_REUSED,
                "another body with this request id"));
        assertProblem(
                api.postJson(
                        "/api/v1/tasks/TASK-7/reports/submit", communeLeader(), "{}", "Idempotency-Key", "submit-1"),
                409,
                "REQUEST_ID_REUSED");
    }

    @Test
    void theGatewayRefusesRolesThatCanNeverActBeforeAnyCall() {
        String viewer = viewer();
        String specialist = districtSpecialist();
        String citizen = citizen();
        String machine = machine();
        // leaders only: issuing, assigning, completing, submitting
        assertProblem(api.postJson("/api/v1/directives", specialist, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/directives/DIR-1/tasks", viewer, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/tasks/TASK-7/complete", specialist, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/tasks/TASK-7/reports/submit", specialist, "{}"), 403, "ROLE_NOT_ALLOWED");
        // officers only, and people only: a citizen and the puller are refused on every other route
        for (String token : List.of(citizen, machine)) {
            assertProblem(api.get("/api/v1/tasks", token), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.get("/api/v1/directives", token), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.get("/api/v1/task-notifications", token), 403, "ROLE_NOT_ALLOWED");
            assertProblem(put("/api/v1/tasks/TASK-7/reports/draft", token, "{}"), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.postJson("/api/v1/campaign-reports/R/accept", token, "{}"), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.postJson("/api/v1/directives", token, "{}"), 403, "ROLE_NOT_ALLOWED");
        }
        assertProblem(api.get("/api/v1/tasks"), 401, "TOKEN_MISSING");
        assertThat(tasks.received()).isEmpty();
    }

    private Api.Reply invalid(String method, String path, String token, String body) {
        Api.Reply reply = send(method, path, token, body);
        assertProblem(reply, 400, "INVALID_FIELD");
        return reply;
    }
}
