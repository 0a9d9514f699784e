package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.e2e.Expect.everyone;
import static vn.motcua.e2e.Expect.expect;
import static vn.motcua.e2e.Subject.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the gateway against every role of architecture.md §5, with and without a token, on resources of the
 * caller's own unit and of another one, on the real platform (Keycloak, every jar in mysql mode). Each cell asserts
 * the exact status. The table below is checked against the gateway's OpenAPI document, so a new route cannot be
 * added without a row: adding one is one line in {@link #table()}.
 *
 * <p>Reading a cell: 401 no or bad token; 403 the role may not do this (at the gateway, or the service's role
 * check); 404 the resource is outside the caller's scope (services never reveal that it exists); 409 the caller may
 * act in this state in principle but a legal rule refuses it (written where that is the honest answer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends SystemTest {

    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String DELETE = "DELETE";
    private static final String MACHINE_SECRET = "province-report-puller-demo-secret";
    /** Infrastructure routes outside /api (health, prometheus, the OpenAPI files, swagger-ui) are not in the matrix. */
    private static final String API_PREFIX = "/api/";

    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    /** Tokens are fetched again after this long: the run may outlast Keycloak's access token lifespan. */
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(60);

    private final Map<Subject, CachedToken> subjectTokens = new HashMap<>();

    private record CachedToken(String token, Instant fetched) {}

    private Api api;
    private MatrixFixtures f;

    @BeforeAll
    void connect() {
        api = new Api(http, platform.gatewayUrl(), this::tokenOf, json);
        f = new MatrixFixtures(
                api, new Api(http, platform.gatewayUrl(), s -> token(MatrixFixtures.DISTRICT_LEADER), json));
    }

    /** The nationwide days off of year 2099 the holiday rows added stay out of the shared platform's calendar. */
    @AfterAll
    void removeTheHolidaysAdded() throws Exception {
        f.removeHolidayYear();
    }

    /**
     * The table's rebuild row restarts report-service's projections from seq 0: the next test class on the shared
     * platform must find them caught up again (units, procedures, facts), not empty and replaying.
     */
    @AfterAll
    void awaitRebuiltProjection() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String previous = null;
        while (true) {
            Api.Reply reply = api.send(REPORT_VIEWER, GET, "/api/v1/reports/projections/status", null, null);
            JsonNode status = reply.status() == 200 ? json.readTree(reply.body()) : null;
            if (status != null && ReportSystemTest.feedsCaughtUp(status, null)) {
                if (reply.body().equals(previous)) {
                    return;
                }
                previous = reply.body();
            } else {
                previous = null;
            }
            assertThat(System.nanoTime())
                    .as("report-service's projection caught up after the rebuild: %s", reply.body())
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    // --- the matrix -------------------------------------------------------------------------------------------

    private List<Route> table() {
        String code = "code";
        String id = "id";
        return List.of(
                // public: a token, if sent, is ignored
                row(GET, "/api/v1/units", everyone(200)),
                row(GET, "/api/v1/public/procedures", everyone(200), query("q=khai%20sinh")),
                row(GET, "/api/v1/public/procedures/{code}", everyone(200), fixed(code, MatrixFixtures.BIRTH)),
                row(
                        GET,
                        "/api/v1/public/units/{unitCode}/listing",
                        everyone(200),
                        fixed("unitCode", MatrixFixtures.UNIT)),
                row(
                        GET,
                        "/api/v1/public/dossiers/{code}/status",
                        everyone(200),
                        f::receivedWithLookupKey,
                        withLookupKey(code)),
                row(GET, "/api/v1/public/feedback", everyone(200)),

                // officers' reads
                // the other commune's officer asks for 11077's list: outside their subtree, so "no such unit"
                row(
                        GET,
                        "/api/v1/procedures",
                        expect(NONE, 401)
                                .and(CITIZENS, 403)
                                .and(RECEPTION_OTHER, 404)
                                .otherwise(200),
                        query("unitCode=11077")),
                row(GET, "/api/v1/inbox", officers(200)),
                row(GET, "/api/v1/reports/daily-receptions", officers(200), query(todayRange())),
                row(
                        GET,
                        "/api/v1/machine/reports/daily-receptions",
                        expect(NONE, 401).and(MACHINE, 200).otherwise(403),
                        query(todayRange())),

                // statistics (report-service, issue 13): people with an officer role read their subtree (the other
                // commune's officer asking for 11077 finds no unit: 404); the province's puller reads on its own
                // machine routes only; submitting is the unit's leader's, rules and rebuild the root's unit_admin's,
                // recompute and import a unit_admin's covering 11077
                row(GET, "/api/v1/reports/ii06a", reportReaders(200), query(unitPeriod())),
                row(GET, "/api/v1/machine/reports/ii06a", machineOnly(200), query(unitPeriod())),
                row(GET, "/api/v1/reports/indicators", reportReaders(200), query(unitPeriod() + "&subtree=true")),
                row(GET, "/api/v1/machine/reports/indicators", machineOnly(200), query(unitPeriod() + "&subtree=true")),
                row(
                        GET,
                        "/api/v1/reports/indicators/{id}/dossiers",
                        reportReaders(200),
                        (r, s) -> call(Map.of(id, "2.1"), unitPeriod() + "&side=denominator", null, null)),
                row(GET, "/api/v1/reports/indicator-rules", everyReader(200)),
                row(
                        POST,
                        "/api/v1/reports/indicator-rules",
                        rootAdmin(201),
                        f::ruleVersionBody,
                        (r, s) -> call(Map.of(), null, r, "application/json")),
                row(
                        POST,
                        "/api/v1/reports/indicators:recompute",
                        unitAdmins(200),
                        Route.NO_FIXTURE,
                        body("{\"unitCode\":\"" + MatrixFixtures.UNIT + "\",\"period\":"
                                + MatrixFixtures.lastMonthBody()
                                + ",\"subtree\":true,\"reason\":\"Ma trận quyền: tính lại\"}")),
                row(GET, "/api/v1/reports/internal-evaluation", reportReaders(200), query(unitPeriod())),
                row(
                        GET,
                        "/api/v1/reports/dossiers/{code}/evaluation",
                        reportReaders(200),
                        f::projectedDossier,
                        on(code)),
                row(GET, "/api/v1/reports/overdue", reportReaders(200), query("unitCode=" + MatrixFixtures.UNIT)),
                row(
                        POST,
                        "/api/v1/reports/submissions",
                        expect(NONE, 401).and(LEADER, 201).otherwise(403),
                        Route.NO_FIXTURE,
                        body(MatrixFixtures.submissionBody())),
                row(GET, "/api/v1/reports/submissions", reportReaders(200), query(unitPeriod() + "&kind=ii06a")),
                row(GET, "/api/v1/reports/submissions/{id}", reportReaders(200), f::submission, on(id)),
                // district 298's consolidation: officers of 11077 and of 11080 are below it, so it is not theirs
                row(
                        GET,
                        "/api/v1/reports/consolidation",
                        expect(NONE, 401)
                                .and(CITIZENS, 403)
                                .and(MACHINE, 403)
                                .and(CONTROLLER, 200)
                                .and(ADMIN_DISTRICT, 200)
                                .and(ADMIN_PROVINCE, 200)
                                .and(REPORT_VIEWER, 200)
                                .otherwise(404),
                        query("unitCode=298&kind=ii06a&" + MatrixFixtures.lastMonthQuery())),
                row(
                        GET,
                        "/api/v1/machine/reports/consolidation",
                        machineOnly(200),
                        query("unitCode=298&kind=ii06a&" + MatrixFixtures.lastMonthQuery())),
                row(GET, "/api/v1/reports/export", reportReaders(200), query(unitPeriod() + "&kind=ii06a&format=xlsx")),
                row(
                        GET,
                        "/api/v1/machine/reports/export",
                        machineOnly(200),
                        query(unitPeriod() + "&kind=ii06a&format=xlsx")),
                // a file whose one row lacks every field: the service reports line 1 and applies nothing (200)
                row(
                        POST,
                        "/api/v1/reports/imports",
                        unitAdmins(200),
                        Route.NO_FIXTURE,
                        (r, s) -> call(Map.of(), "unitCode=" + MatrixFixtures.UNIT, "{}\n", "application/x-ndjson")),
                row(GET, "/api/v1/reports/projections/status", everyReader(200)),

                // directive tasks and campaigns (report-service, issue 14): the tasks are district 298's, assigned to
                // 11077 alone, so 11077's officers see their assignment, 298's and 30's the whole task, and 11080's
                // officer nothing (404); only a unit leader issues and assigns (the district's leader is no subject:
                // 11077's leader finds no district directive to assign under); an assignment is acted on by officers
                // of its own unit (a leader completes and submits); returning, accepting and consolidating are the
                // receiving unit's (298's) leader's or specialist's, which no subject is
                row(
                        POST,
                        "/api/v1/directives",
                        expect(NONE, 401).and(LEADER, 201).otherwise(403),
                        Route.NO_FIXTURE,
                        (r, s) -> call(Map.of(), null, MatrixFixtures.directiveBody(null), "application/json")),
                row(GET, "/api/v1/directives", reportReaders(200), query("unitCode=" + MatrixFixtures.UNIT)),
                row(GET, "/api/v1/directives/{directiveId}", reportReaders(200), f::ownDirective, on("directiveId")),
                row(
                        POST,
                        "/api/v1/directives/{directiveId}/tasks",
                        expect(NONE, 401)
                                .questionable(
                                        LEADER,
                                        404,
                                        "a commune's leader is not shown the district's directive, so it is not found")
                                .otherwise(403),
                        f::districtDirective,
                        on("directiveId", MatrixFixtures.taskBody())),
                row(GET, "/api/v1/tasks", reportReaders(200), query("view=ASSIGNED&unitCode=" + MatrixFixtures.UNIT)),
                row(GET, "/api/v1/tasks/{taskId}", reportReaders(200), f::campaign, on("taskId")),
                row(
                        POST,
                        "/api/v1/tasks/{taskId}/progress",
                        ownUnitOfficers(201),
                        f::task,
                        on("taskId", MatrixFixtures.progressBody())),
                row(
                        POST,
                        "/api/v1/tasks/{taskId}/complete",
                        expect(NONE, 401).and(LEADER, 200).otherwise(403),
                        f::task,
                        on("taskId", MatrixFixtures.completeBody())),
                row(GET, "/api/v1/tasks/{taskId}/board", issuerReaders(), f::campaign, on("taskId")),
                row(
                        GET,
                        "/api/v1/tasks/punctuality",
                        reportReaders(200),
                        query("unitCode=" + MatrixFixtures.UNIT + "&" + todayRange())),
                row(
                        GET,
                        "/api/v1/machine/tasks/punctuality",
                        machineOnly(200),
                        query("unitCode=" + MatrixFixtures.UNIT + "&" + todayRange())),
                row(
                        GET,
                        "/api/v1/task-contacts/{unitCode}",
                        reportReaders(200),
                        fixed("unitCode", MatrixFixtures.UNIT)),
                row(
                        PUT,
                        "/api/v1/task-contacts/{unitCode}",
                        expect(NONE, 401)
                                .and(CITIZENS, 403)
                                .and(MACHINE, 403)
                                .and(LEADER, 200)
                                .and(ADMIN_DISTRICT, 200)
                                .and(ADMIN_PROVINCE, 200)
                                .otherwise(403),
                        Route.NO_FIXTURE,
                        (r, s) -> call(
                                Map.of("unitCode", MatrixFixtures.UNIT),
                                null,
                                MatrixFixtures.contactsBody(),
                                "application/json")),
                // each officer reads the inbox of their own unit
                row(GET, "/api/v1/task-notifications", everyReader(200)),
                row(
                        POST,
                        "/api/v1/task-notifications/{notificationId}/read",
                        unitInbox(),
                        f::assignedNotification,
                        on("notificationId", "{}")),
                row(
                        PUT,
                        "/api/v1/tasks/{taskId}/reports/draft",
                        ownUnitOfficers(200),
                        f::campaign,
                        on("taskId", MatrixFixtures.CAMPAIGN_DRAFT)),
                row(
                        POST,
                        "/api/v1/tasks/{taskId}/reports/submit",
                        expect(NONE, 401).and(LEADER, 200).otherwise(403),
                        () -> f.campaignDraft().split(" ")[0],
                        on("taskId", "{\"unitCode\":\"" + MatrixFixtures.UNIT + "\"}")),
                row(
                        POST,
                        "/api/v1/tasks/{taskId}/consolidation",
                        receivingUnitOnly(),
                        f::acceptedCampaign,
                        on("taskId", "{}")),
                row(
                        GET,
                        "/api/v1/tasks/{taskId}/reports",
                        reportReaders(200),
                        f::campaignDraft,
                        (r, s) -> vars("taskId", part(r, 0))),
                row(
                        GET,
                        "/api/v1/campaign-reports/{reportId}",
                        reportReaders(200),
                        f::submittedCampaignReport,
                        (r, s) -> vars("reportId", part(r, 1))),
                row(
                        POST,
                        "/api/v1/campaign-reports/{reportId}/return",
                        receivingUnitOnly(),
                        f::submittedCampaignReport,
                        (r, s) -> vars("reportId", part(r, 1)).json("{\"reason\":\"Thử ma trận quyền: trả lại\"}")),
                row(
                        POST,
                        "/api/v1/campaign-reports/{reportId}/accept",
                        receivingUnitOnly(),
                        f::submittedCampaignReport,
                        (r, s) -> vars("reportId", part(r, 1)).json("{}")),
                row(
                        GET,
                        "/api/v1/tasks/{taskId}/reports/export.xlsx",
                        reportReaders(200),
                        f::submittedCampaignReport,
                        (r, s) -> call(Map.of("taskId", part(r, 0)), "unitCode=" + MatrixFixtures.UNIT, null, null)),
                row(
                        GET,
                        "/api/v1/machine/tasks/{taskId}/reports/export.xlsx",
                        machineOnly(200),
                        f::submittedCampaignReport,
                        (r, s) -> call(Map.of("taskId", part(r, 0)), "unitCode=" + MatrixFixtures.UNIT, null, null)),

                // dossiers: reception, reading, online submission
                row(
                        POST,
                        "/api/v1/dossiers",
                        receiveAtTheDesk(),
                        Route.NO_FIXTURE,
                        body(MatrixFixtures.counterDossierBody(MatrixFixtures.BIRTH))),
                row(GET, "/api/v1/dossiers/{code}", readDossier(), f::received, on(code)),
                row(GET, "/api/v1/dossiers/{code}/timeline", readDossier(), f::received, on(code)),
                row(GET, "/api/v1/dossiers/{code}/actions", readDossier(), f::received, on(code)),
                row(
                        GET,
                        "/api/v1/dossiers/{code}/forms/{kind}",
                        readDossier(),
                        f::received,
                        (c, s) -> vars(code, c, "kind", "receipt")),
                row(
                        POST,
                        "/api/v1/citizen/dossiers",
                        expect(NONE, 401).and(CITIZENS, 201).otherwise(403),
                        Route.NO_FIXTURE,
                        body(MatrixFixtures.onlineDossierBody())),
                row(
                        GET,
                        "/api/v1/citizen/dossiers",
                        expect(NONE, 401).and(CITIZENS, 200).otherwise(403)),

                // dossier workflow: each fixture is in the state the action needs
                // a paper dossier sent back for a supplement (Form 02) or refused (Form 03) at the counter, before
                // acceptance (ND61 Art 17(1)(a),(b)): the same route and roles as a reception
                row(
                                POST,
                                "/api/v1/dossiers",
                                receiveAtTheDesk(),
                                Route.NO_FIXTURE,
                                body(MatrixFixtures.counterPreSupplementBody(MatrixFixtures.BIRTH)))
                        .variant("sent back for a supplement at the counter"),
                row(POST, "/api/v1/dossiers/{code}:accept", officerAction(RECEPTION_OWN), f::submitted, on(code, "{}")),
                // accepting the completed paper dossier starts its clock and gives it its legal code
                row(
                                POST,
                                "/api/v1/dossiers/{code}:accept",
                                officerAction(RECEPTION_OWN),
                                f::counterPreSupplement,
                                on(code, "{}"))
                        .variant("the completed paper dossier"),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:request-pre-supplement",
                        officerAction(RECEPTION_OWN),
                        f::submitted,
                        on(code, reason())),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:reject",
                        officerAction(RECEPTION_OWN),
                        f::submitted,
                        on(code, reason())),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:resubmit",
                        applicantAction(),
                        f::preSupplement,
                        on(code, "{\"note\":\"Đã bổ sung\"}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:transfer",
                        officerAction(RECEPTION_OWN),
                        f::received,
                        on(code, "{}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:steps",
                        officerAction(SPECIALIST, LEADER),
                        f::inProcess,
                        (c, s) -> vars(code, c).json(step(s))),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:request-supplement",
                        officerAction(SPECIALIST),
                        f::inProcess,
                        on(code, reason())),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:receive-supplement",
                        applicantOrDesk(),
                        f::supplementRequested,
                        on(code, "{\"note\":\"Đủ giấy tờ\"}")),
                row(POST, "/api/v1/dossiers/{code}:refuse", officerAction(LEADER), f::inProcess, on(code, reason())),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:extend",
                        officerAction(LEADER),
                        () -> f.inProcess(MatrixFixtures.MARRIAGE),
                        on(code, extension())),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:require-financial-obligation",
                        officerAction(SPECIALIST),
                        f::inProcess,
                        on(code, reason())),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:confirm-financial-obligation",
                        officerAction(SPECIALIST, RECEPTION_OWN),
                        f::awaitingPayment,
                        on(code, "{}")),
                row(POST, "/api/v1/dossiers/{code}:withdraw", applicantOrDesk(), f::received, on(code, reason())),
                // dossiers filed today fall under Decree 118/2025 (ADR 0004): a stop is the applicant's request,
                // made online by the applicant or recorded by the desk (Circular 03/2025 Art 7); no unit stops alone
                row(
                        POST,
                        "/api/v1/dossiers/{code}:stop",
                        applicantOrDesk(),
                        f::received,
                        on(
                                code,
                                "{\"reason\":\"Không còn nhu cầu\",\"ground\":\"APPLICANT_REQUEST_DIRECT_OR_POSTAL\"}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:issue-result",
                        officerAction(CLERK),
                        f::withSignedResult,
                        on(code, "{\"resultNote\":\"Giấy khai sinh số 12\"}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}:return-result",
                        officerAction(RECEPTION_OWN),
                        f::resultReady,
                        on(code, "{\"channel\":\"COUNTER\"}")),
                row(POST, "/api/v1/dossiers/{code}:rate", applicantAction(), f::returned, on(code, RATING)),

                // feedback (PAKN)
                row(
                        POST,
                        "/api/v1/feedback",
                        expect(NONE, 401)
                                .and(CITIZENS, 201)
                                .and(RECEPTION_OWN, 201)
                                .and(CONTROLLER, 201)
                                .and(RECEPTION_OTHER, 404)
                                .otherwise(403),
                        Route.NO_FIXTURE,
                        body(MatrixFixtures.feedbackBody())),
                row(
                        GET,
                        "/api/v1/feedback/{id}",
                        expect(NONE, 401)
                                .and(CITIZEN, 200)
                                .and(CITIZEN_OTHER, 404)
                                .and(CONTROLLER, 200)
                                .otherwise(403),
                        f::feedback,
                        on(id)),
                row(GET, "/api/v1/feedback", controllerOnly(200)),
                row(
                        GET,
                        "/api/v1/citizen/feedback",
                        expect(NONE, 401).and(CITIZENS, 200).otherwise(403)),
                row(
                        POST,
                        "/api/v1/feedback/{id}:classify",
                        controllerOnly(200),
                        f::feedback,
                        on(id, "{\"classification\":\"STAFF_BEHAVIOUR\"}")),
                row(
                        POST,
                        "/api/v1/feedback/{id}:forward",
                        controllerOnly(200),
                        () -> f.feedbackInProcessing(false),
                        on(id, "{\"forwardedTo\":\"Sở Tư pháp\"}")),
                row(
                        POST,
                        "/api/v1/feedback/{id}:answer",
                        controllerOnly(200),
                        () -> f.feedbackInProcessing(true),
                        on(id, "{\"answer\":\"Đã tiếp thu.\"}")),
                row(POST, "/api/v1/feedback/{id}:publish", controllerOnly(200), f::answeredFeedback, on(id, "{}")),
                row(
                        POST,
                        "/api/v1/feedback/{id}:react",
                        expect(NONE, 401).and(CITIZENS, 200).otherwise(403),
                        f::publishedFeedback,
                        on(id, "{\"reaction\":\"LIKE\"}")),

                // catalogue management: district 298's controller manages what only its commune 11077 receives
                row(
                        POST,
                        "/api/v1/catalog/procedures",
                        controllerOnly(201),
                        Route.NO_FIXTURE,
                        (r, s) -> call(
                                Map.of(),
                                null,
                                MatrixFixtures.draftBody(MatrixFixtures.freshProcedureCode()),
                                "application/json")),
                row(
                        POST,
                        "/api/v1/catalog/procedures/{code}/versions/{version}:publish",
                        controllerOnly(200),
                        f::draft,
                        (r, s) -> vars(code, r.split("/")[0], "version", r.split("/")[1])
                                .json(MatrixFixtures.publicationBody())),
                row(
                        POST,
                        "/api/v1/catalog/procedures/{code}:withdraw",
                        controllerOnly(200),
                        f::publishedProcedure,
                        on(code, reason())),
                row(
                        POST,
                        "/api/v1/catalog:import",
                        controllerOnly(200),
                        Route.NO_FIXTURE,
                        (r, s) -> call(
                                Map.of(),
                                null,
                                MatrixFixtures.importCsv(MatrixFixtures.freshProcedureCode()),
                                "text/csv")),
                row(GET, "/api/v1/catalog:export", controllerOnly(200), query("format=csv")),
                row(GET, "/api/v1/catalog/review", controllerOnly(200)),

                // account administration on Keycloak: the accounts are at province 30, outside district 298
                row(
                        POST,
                        "/api/v1/admin/users",
                        expect(NONE, 401)
                                .and(ADMIN_PROVINCE, 201)
                                .and(ADMIN_DISTRICT, 403)
                                .otherwise(403),
                        Route.NO_FIXTURE,
                        (r, s) -> call(
                                Map.of(),
                                null,
                                MatrixFixtures.accountBody(MatrixFixtures.freshUsername()),
                                "application/json")),
                row(
                        GET,
                        "/api/v1/admin/users",
                        expect(NONE, 401)
                                .and(ADMIN_PROVINCE, 200)
                                .and(ADMIN_DISTRICT, 200)
                                .otherwise(403)),
                row(POST, "/api/v1/admin/users/{id}/disable", adminOfAccount(200), f::provinceAccount, on(id, "{}")),
                row(
                        POST,
                        "/api/v1/admin/users/{id}/reset-password",
                        adminOfAccount(204),
                        f::provinceAccount,
                        on(id, "{\"password\":\"" + MatrixFixtures.PASSWORD + "-2\",\"temporary\":true}")),
                row(
                        PUT,
                        "/api/v1/admin/users/{id}/roles",
                        adminOfAccount(200),
                        f::provinceAccount,
                        on(id, "{\"roles\":[\"report_viewer\",\"specialist\"]}")),

                // units as data: throwaway communes under district 298, which both administrators reach
                row(GET, "/api/v1/admin/units", unitAdmins(200)),
                row(
                        POST,
                        "/api/v1/admin/units",
                        unitAdmins(201),
                        Route.NO_FIXTURE,
                        (r, s) -> call(
                                Map.of(),
                                null,
                                MatrixFixtures.communeBody(MatrixFixtures.freshUnitCode()),
                                "application/json")),
                row(
                        POST,
                        "/api/v1/admin/units/{code}:rename",
                        unitAdmins(200),
                        f::commune,
                        (c, s) -> vars(code, c).json("{\"name\":\"Xã Thử Đổi Tên " + c + "\"}")),
                row(
                        POST,
                        "/api/v1/admin/units/{code}:close",
                        unitAdmins(200),
                        f::commune,
                        on(code, "{\"validTo\":\"" + MatrixFixtures.today() + "\"}")),
                row(
                        POST,
                        "/api/v1/admin/units:merge",
                        unitAdmins(201),
                        f::twoCommunes,
                        (c, s) -> call(Map.of(), null, MatrixFixtures.mergerBody(c), "application/json")),
                row(GET, "/api/v1/admin/units/{code}/sessions", unitAdmins(200), fixed(code, MatrixFixtures.UNIT)),
                row(
                        PUT,
                        "/api/v1/admin/units/{code}/sessions",
                        unitAdmins(200),
                        f::commune,
                        on(code, MatrixFixtures.SESSIONS)),

                // the holiday table: nationwide entries (year 2099) are for the administrator of the root unit 30 only
                row(GET, "/api/v1/admin/calendar/holidays", unitAdmins(200)),
                row(
                        POST,
                        "/api/v1/admin/calendar/holidays",
                        rootAdmin(201),
                        Route.NO_FIXTURE,
                        (r, s) -> call(
                                Map.of(),
                                null,
                                MatrixFixtures.nationwideHolidayBody(MatrixFixtures.freshHolidayDate()),
                                "application/json")),
                row(DELETE, "/api/v1/admin/calendar/holidays/{date}", rootAdmin(200), f::nationwideHoliday, on("date")),

                // fees (payment-service): the payer and the officers of the unit subtree read; the desk records a
                // payment, cancels and refunds; the provider's callback and return are public (the signature is the
                // proof); each unit's reception officers and leaders reconcile their own unit
                row(
                        GET,
                        "/api/v1/dossiers/{code}/payments",
                        // a list shows the payments the caller reaches: empty, not 404, for everyone else
                        expect(NONE, 401).otherwise(200),
                        f::feeDossier,
                        on(code)),
                row(GET, "/api/v1/payments/{id}", readPayment(), f::owedPayment, (r, s) -> vars(id, part(r, 0))),
                row(
                        POST,
                        "/api/v1/payments/{id}:start-online",
                        expect(NONE, 401)
                                .and(CITIZEN, 200)
                                .and(CITIZEN_OTHER, 404)
                                .otherwise(403),
                        f::owedPayment,
                        (r, s) -> vars(id, part(r, 0)).json("{}")),
                row(
                        POST,
                        "/api/v1/payments/{id}:record-counter",
                        desk(),
                        f::owedPayment,
                        (r, s) -> vars(id, part(r, 0))
                                .json("{\"channel\":\"COUNTER_CASH\",\"amount\":" + part(r, 1) + "}")),
                row(
                        POST,
                        "/api/v1/payments/{id}:cancel",
                        desk(),
                        f::owedPayment,
                        (r, s) -> vars(id, part(r, 0)).json(reason())),
                row(
                        POST,
                        "/api/v1/payments/{id}:refund",
                        desk(),
                        f::paidPayment,
                        (r, s) -> vars(id, part(r, 0)).json("{\"amount\":1000,\"reason\":\"Hoàn phí thử ma trận\"}")),
                row(
                        GET,
                        "/api/v1/payments/{id}/receipt.pdf",
                        readPayment(),
                        f::paidPayment,
                        (r, s) -> vars(id, part(r, 0))),
                row(
                        GET,
                        "/api/v1/public/receipts/{number}",
                        everyone(200),
                        f::paidReceipt,
                        (r, s) -> call(Map.of("number", part(r, 0)), "check=" + part(r, 1), null, null)),
                // a notification nobody signed: the provider's answer (97), always HTTP 200
                row(
                        GET,
                        "/api/v1/payments/provider/callback",
                        everyone(200),
                        query("order_ref=PAY-MATRIX-1&amount=8000&response_code=00&secure_hash=00")),
                // a return that does not verify: to the console's neutral page
                row(
                        GET,
                        "/api/v1/payments/provider/return",
                        everyone(303),
                        query("order_ref=PAY-MATRIX-1&amount=8000&response_code=00&secure_hash=00")),
                row(
                        GET,
                        "/api/v1/units/{unit}/reconciliation/{date}",
                        reconcilers(200),
                        (r, s) -> vars("unit", MatrixFixtures.UNIT, "date", settlementDay())),
                row(
                        PUT,
                        "/api/v1/units/{unit}/reconciliation/{date}/settlement",
                        reconcilers(200),
                        Route.NO_FIXTURE,
                        (r, s) -> call(
                                Map.of("unit", MatrixFixtures.UNIT, "date", settlementDay()),
                                null,
                                "order_ref,transaction_no,amount,currency,pay_date,status\r\n",
                                "text/csv")),

                // digitization (digitization-service): who sees a dossier is dossier-service's rule, so its documents
                // and components are hidden (404) from whoever it hides the dossier from; the gateway admits the roles
                // that digitize (x-roles), the service the roles of each step (x-acting-roles)
                row(
                        POST,
                        "/api/v1/documents",
                        uploaders(201),
                        f::submitted,
                        (r, s) -> call(
                                Map.of(),
                                MatrixFixtures.uploadQuery(r),
                                SamplePdfs.page("Ma tran quyen"),
                                "application/pdf")),
                row(GET, "/api/v1/documents/{id}", readDigitization(), f::documentOfDossier, on(id)),
                row(GET, "/api/v1/documents/{id}/content", readDigitization(), f::documentOfDossier, on(id)),
                row(GET, "/api/v1/documents/{id}/signature", readDigitization(), f::documentOfDossier, on(id)),
                row(GET, "/api/v1/dossiers/{code}/digitization", readDigitization(), f::received, on(code)),
                row(
                        POST,
                        "/api/v1/dossiers/{code}/components/{n}:attach",
                        uploaders(200),
                        f::uploadedByTheApplicant,
                        (r, s) -> vars(code, part(r, 0), "n", "1")
                                .json("{\"documentId\":\"" + part(r, 1) + "\",\"source\":\"UPLOAD\"}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}/components/{n}:check",
                        digitizers(),
                        f::attachedComponent,
                        (r, s) -> vars(code, r, "n", "1").json("{\"matchesOriginal\":true,\"note\":\"\"}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}/components/{n}:confirm",
                        digitizers(),
                        f::checkedComponent,
                        (r, s) -> vars(code, r, "n", "1").json("{}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}/components/{n}:exempt",
                        digitizers(),
                        f::received,
                        (r, s) -> vars(code, r, "n", "3").json("{\"reason\":\"PRESENT_ONLY\"}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}/components/{n}:fill-from-warehouse",
                        uploaders(200),
                        f::fillableFromTheWarehouse,
                        (r, s) ->
                                vars(code, part(r, 0), "n", "1").json("{\"warehouseItemId\":\"" + part(r, 1) + "\"}")),
                row(
                        POST,
                        "/api/v1/dossiers/{code}/result",
                        expect(NONE, 401)
                                .and(SPECIALIST, 200)
                                .and(LEADER, 200)
                                .and(CLERK, 200)
                                .otherwise(403),
                        f::signedResult,
                        (r, s) -> vars(code, part(r, 0)).json("{\"documentId\":\"" + part(r, 1) + "\"}")),
                // a citizen's own warehouse; another citizen's item is 404, officers never list a warehouse
                row(
                        GET,
                        "/api/v1/me/warehouse",
                        expect(NONE, 401).and(CITIZENS, 200).otherwise(403)),
                row(
                        GET,
                        "/api/v1/me/warehouse/{id}",
                        expect(NONE, 401)
                                .and(CITIZEN, 200)
                                .and(CITIZEN_OTHER, 404)
                                .otherwise(403),
                        f::warehouseItem,
                        on(id)),
                // certified copies: a reception officer at their own unit; the register for the unit's officers
                row(
                        POST,
                        "/api/v1/units/{unit}/certified-copies",
                        expect(NONE, 401)
                                .and(RECEPTION_OWN, 201)
                                .and(RECEPTION_OTHER, 404)
                                .otherwise(403),
                        f::certifiableCopy,
                        (r, s) -> vars("unit", MatrixFixtures.UNIT)
                                .json("{\"documentId\":\"" + r + "\",\"ownerId\":\"" + MatrixFixtures.APPLICANT_ID
                                        + "\",\"title\":\"Giấy khai sinh\"}")),
                row(GET, "/api/v1/units/{unit}/certified-copies", copyRegister(), fixed("unit", MatrixFixtures.UNIT)),

                // Form 06 lists applicants' names, addresses and phones: officers who handle dossiers, in their subtree
                row(
                        GET,
                        "/api/v1/registers/tracking",
                        expect(NONE, 401)
                                .and(CITIZENS, 403)
                                .and(REPORT_VIEWER, 403)
                                .and(MACHINE, 403)
                                .and(RECEPTION_OTHER, 404)
                                .otherwise(200),
                        query(todayRange() + "&unitCode=" + MatrixFixtures.UNIT)),

                // last: the rebuild empties report-service's projections (the unit tree included) until its replay
                // catches up, and the report and task rows read that tree; awaitRebuiltProjection waits for it
                row(
                        POST,
                        "/api/v1/reports/projections:rebuild",
                        rootAdmin(202),
                        Route.NO_FIXTURE,
                        body("{\"reason\":\"Ma trận quyền: dựng lại số liệu\"}")));
    }

    // --- cell shorthands --------------------------------------------------------------------------------------

    /**
     * Statistics of 11077: people with an officer role (the machine has its own routes); the other commune's officer
     * is outside 11077's subtree, so report-service answers that there is no such unit (404).
     */
    private static Expect reportReaders(int status) {
        return expect(NONE, 401)
                .and(CITIZENS, 403)
                .and(MACHINE, 403)
                .and(RECEPTION_OTHER, 404)
                .otherwise(status);
    }

    /**
     * An assignment of 11077 acted on by its own officers ({@code status}); the officers above it read the task but
     * are not of the unit (403); 11080's officer does not see it (404).
     */
    private static Expect ownUnitOfficers(int status) {
        return expect(NONE, 401)
                .and(CITIZENS, 403)
                .and(MACHINE, 403)
                .and(RECEPTION_OTHER, 404)
                .and(RECEPTION_OWN, status)
                .and(SPECIALIST, status)
                .and(LEADER, status)
                .and(CLERK, status)
                .otherwise(403);
    }

    /**
     * A task's board: the issuing unit 298 and units above it; 11077's officers know the task (their assignment) but
     * the board is the issuer's; 11080's officer does not see the task.
     */
    private static Expect issuerReaders() {
        String assignee = "an assignee knows the task exists, so the issuer's board is refused, not hidden";
        return expect(NONE, 401)
                .and(CITIZENS, 403)
                .and(MACHINE, 403)
                .and(RECEPTION_OTHER, 404)
                .questionable(RECEPTION_OWN, 403, assignee)
                .questionable(SPECIALIST, 403, assignee)
                .questionable(LEADER, 403, assignee)
                .questionable(CLERK, 403, assignee)
                .otherwise(200);
    }

    /**
     * Return, accept, consolidate: a unit_leader or specialist of the receiving (issuing) unit 298, which no subject
     * is; whoever reads the task is refused (403), 11080's officer does not see it (404).
     */
    private static Expect receivingUnitOnly() {
        return expect(NONE, 401).and(RECEPTION_OTHER, 404).otherwise(403);
    }

    /** Marking a notification of 11077 read: its officers; the inbox of a unit is its own, not its ancestors'. */
    private static Expect unitInbox() {
        String above =
                "an officer above 11077 does not share its inbox (only officers of the notification's own unit read it)";
        return expect(NONE, 401)
                .and(CITIZENS, 403)
                .and(MACHINE, 403)
                .and(RECEPTION_OTHER, 404)
                .and(RECEPTION_OWN, 200)
                .and(SPECIALIST, 200)
                .and(LEADER, 200)
                .and(CLERK, 200)
                .questionable(CONTROLLER, 404, above)
                .questionable(ADMIN_DISTRICT, 404, above)
                .questionable(ADMIN_PROVINCE, 404, above)
                .questionable(REPORT_VIEWER, 404, above);
    }

    /** What any person with an officer role reads whatever their unit (rule versions, the projection's state). */
    private static Expect everyReader(int status) {
        return expect(NONE, 401).and(CITIZENS, 403).and(MACHINE, 403).otherwise(status);
    }

    /** The province's puller alone (client credentials with report_viewer); people are refused at the gateway. */
    private static Expect machineOnly(int status) {
        return expect(NONE, 401).and(MACHINE, status).otherwise(403);
    }

    /** Any officer role passes the gateway; a citizen does not. */
    private static Expect officers(int status) {
        return expect(NONE, 401).and(CITIZENS, 403).and(OFFICERS, status).and(MACHINE, status);
    }

    /**
     * Any officer passes the gateway; the service then hides the dossier from the other commune's officer (404) and
     * lets only the roles of the state machine act: {@code allowed} get 200, every other officer in scope 403.
     */
    private static Expect officerAction(Subject... allowed) {
        Expect e = officerRefusals();
        for (Subject s : allowed) {
            e.and(s, 200);
        }
        return e.otherwise(403);
    }

    /** No token, citizens refused at the gateway, the dossier hidden from the other commune; the rest to add. */
    private static Expect officerRefusals() {
        return expect(NONE, 401).and(CITIZENS, 403).and(RECEPTION_OTHER, 404);
    }

    /** The applicant alone; another citizen does not see the dossier, officers are refused at the gateway. */
    private static Expect applicantAction() {
        return expect(NONE, 401).and(CITIZEN, 200).and(CITIZEN_OTHER, 404).otherwise(403);
    }

    /** The applicant online or the receiving desk on paper. */
    private static Expect applicantOrDesk() {
        return expect(NONE, 401)
                .and(CITIZEN, 200)
                .and(CITIZEN_OTHER, 404)
                .and(RECEPTION_OWN, 200)
                .and(RECEPTION_OTHER, 404)
                .otherwise(403);
    }

    /**
     * Report viewers, the province's puller included, read statistics, not dossiers (architecture.md 5): the
     * service refuses them every dossier read with 403, whether or not the code exists.
     */
    /** A reception at the counter: any reception officer, at their own unit. */
    private static Expect receiveAtTheDesk() {
        return expect(NONE, 401)
                .and(RECEPTION_OWN, 201)
                .and(RECEPTION_OTHER, 201)
                .otherwise(403);
    }

    private static Expect readDossier() {
        return expect(NONE, 401)
                .and(CITIZEN, 200)
                .and(CITIZEN_OTHER, 404)
                .and(REPORT_VIEWER, 403)
                .and(MACHINE, 403)
                .and(RECEPTION_OTHER, 404)
                .otherwise(200);
    }

    /**
     * A dossier's digitization and documents: whoever dossier-service shows the dossier to (the applicant, officers
     * of its unit subtree); digitization-service answers 404 to everyone else, report viewers included (dossier-service
     * refuses them dossiers, which digitization-service reports as not found); the machine is refused at the gateway.
     */
    private static Expect readDigitization() {
        return expect(NONE, 401)
                .and(CITIZEN, 200)
                .and(CITIZEN_OTHER, 404)
                .and(RECEPTION_OTHER, 404)
                .questionable(
                        REPORT_VIEWER,
                        404,
                        "dossier-service's 403 for report viewers becomes digitization-service's NOT_FOUND")
                .and(MACHINE, 403)
                .otherwise(200);
    }

    /** Upload, attach, fill from the warehouse: the applicant and the desk and specialist of the dossier's unit. */
    private static Expect uploaders(int status) {
        return expect(NONE, 401)
                .and(CITIZEN, status)
                .and(CITIZEN_OTHER, 404)
                .and(RECEPTION_OWN, status)
                .questionable(SPECIALIST, status, "a specialist acting on an online dossier before it is accepted")
                .and(RECEPTION_OTHER, 404)
                .otherwise(403);
    }

    /** Check, confirm, exempt: the reception officer or specialist of the dossier's unit. */
    private static Expect digitizers() {
        return expect(NONE, 401)
                .and(RECEPTION_OWN, 200)
                .and(SPECIALIST, 200)
                .and(RECEPTION_OTHER, 404)
                .otherwise(403);
    }

    /** A unit's certified-copy register: its own officers; officers of the units above it are not "of that unit". */
    private static Expect copyRegister() {
        String above = "an officer of a unit above 11077 is not of 11077 (brief: list copies = officers of that unit)";
        return expect(NONE, 401)
                .and(CITIZENS, 403)
                .and(RECEPTION_OWN, 200)
                .and(SPECIALIST, 200)
                .and(LEADER, 200)
                .and(CLERK, 200)
                .and(RECEPTION_OTHER, 404)
                .questionable(CONTROLLER, 404, above)
                .questionable(ADMIN_DISTRICT, 404, above)
                .questionable(ADMIN_PROVINCE, 404, above)
                .questionable(REPORT_VIEWER, 404, above)
                .questionable(MACHINE, 404, above)
                .otherwise(403);
    }

    /**
     * A payment: its payer, and the officers whose unit is the payment's unit or above it among those who read
     * payments (reception, specialist, leader, clerk, report viewers, the puller included); payment-service answers
     * 404 to everyone else, as for anything outside a caller's scope.
     */
    private static Expect readPayment() {
        return expect(NONE, 401)
                .and(CITIZEN, 200)
                .and(RECEPTION_OWN, 200)
                .and(SPECIALIST, 200)
                .and(LEADER, 200)
                .and(CLERK, 200)
                .and(REPORT_VIEWER, 200)
                .and(MACHINE, 200)
                .otherwise(404);
    }

    /** The desk's actions on a payment: the gateway admits reception officers, the service those of the unit. */
    private static Expect desk() {
        return expect(NONE, 401)
                .and(RECEPTION_OWN, 200)
                .and(RECEPTION_OTHER, 404)
                .otherwise(403);
    }

    /** Reconciliation of unit 11077: its reception officer and leader; the other commune's officer finds no unit. */
    private static Expect reconcilers(int status) {
        return expect(NONE, 401)
                .and(RECEPTION_OWN, status)
                .and(LEADER, status)
                .and(RECEPTION_OTHER, 404)
                .otherwise(403);
    }

    private static Expect controllerOnly(int status) {
        return expect(NONE, 401).and(CONTROLLER, status).otherwise(403);
    }

    /** An account of province 30: its administrator manages it, district 298's does not see it. */
    private static Expect adminOfAccount(int status) {
        return expect(NONE, 401)
                .and(ADMIN_PROVINCE, status)
                .and(ADMIN_DISTRICT, 404)
                .otherwise(403);
    }

    /** Unit administration: the gateway admits unit_admin alone, the machine client never. */
    private static Expect unitAdmins(int status) {
        return expect(NONE, 401)
                .and(ADMIN_DISTRICT, status)
                .and(ADMIN_PROVINCE, status)
                .otherwise(403);
    }

    /** The nationwide holiday table: the province (a root unit) only; district 298's administrator is refused. */
    private static Expect rootAdmin(int status) {
        return expect(NONE, 401)
                .and(ADMIN_PROVINCE, status)
                .and(ADMIN_DISTRICT, 403)
                .otherwise(403);
    }

    // --- request shorthands -----------------------------------------------------------------------------------

    private static final String RATING = """
            {"timeScore":5,"contactsScore":5,"agenciesScore":4,"attitudeScore":5,"satisfied":true,
             "comment":"Nhanh, chu đáo"}""";

    private static String reason() {
        return "{\"reason\":\"Lý do thử ma trận quyền\"}";
    }

    private static String extension() {
        String newDue = Instant.now()
                .plus(40, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return "{\"reason\":\"Cần xác minh thêm\",\"newDueAt\":\"" + newDue + "\"}";
    }

    /** A settlement day long past, so the empty file the matrix imports replaces nobody's real reconciliation. */
    private static String settlementDay() {
        return java.time.LocalDate.parse(MatrixFixtures.today()).minusYears(1).toString();
    }

    /** The i-th space-separated part of a fixture's resource ("" when missing, as for the unfilled "~/~"). */
    private static String part(String resource, int i) {
        String[] parts = resource == null ? new String[0] : resource.split(" ");
        return i < parts.length ? parts[i] : "";
    }

    /** Unit 11077 and last month, as the report routes' query. */
    private static String unitPeriod() {
        return "unitCode=" + MatrixFixtures.UNIT + "&" + MatrixFixtures.lastMonthQuery();
    }

    private static String todayRange() {
        return "from=" + MatrixFixtures.today() + "&to=" + MatrixFixtures.today();
    }

    /** The leader's step is assigning; everyone else tries the specialist's appraisal. */
    private static String step(Subject s) {
        return s == LEADER
                ? "{\"step\":\"ASSIGN\",\"target\":\"cv.ngocson\",\"note\":\"Giao chuyên viên\"}"
                : "{\"step\":\"APPRAISE\",\"note\":\"Hồ sơ hợp lệ\"}";
    }

    private static Route row(String method, String template, Expect expect) {
        return row(method, template, expect, Route.NO_FIXTURE, (r, s) -> call(Map.of(), null, null, null));
    }

    private static Route row(String method, String template, Expect expect, Route.Request request) {
        return row(method, template, expect, Route.NO_FIXTURE, request);
    }

    private static Route row(
            String method, String template, Expect expect, Route.Fixture fixture, Route.Request request) {
        return new Route(method, template, expect, fixture, request, null);
    }

    private static Route.Request query(String query) {
        return (r, s) -> call(Map.of(), query, null, null);
    }

    private static Route.Request fixed(String var, String value) {
        return (r, s) -> call(Map.of(var, value), null, null, null);
    }

    private static Route.Request body(String json) {
        return (r, s) -> call(Map.of(), null, json, "application/json");
    }

    private static Route.Request on(String var) {
        return (r, s) -> call(Map.of(var, r), null, null, null);
    }

    /** The public lookup: the code in the path, the receipt's key as the lookupKey query parameter. */
    private static Route.Request withLookupKey(String var) {
        return (r, s) -> {
            String[] codeAndKey = r.split(" ");
            return call(Map.of(var, codeAndKey[0]), "lookupKey=" + codeAndKey[1], null, null);
        };
    }

    private static Route.Request on(String var, String json) {
        return (r, s) -> vars(var, r).json(json);
    }

    private static Route.Call call(Map<String, String> vars, String query, String body, String contentType) {
        return new Route.Call(vars, query, body, contentType);
    }

    private static Route.Call vars(String... namesAndValues) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            vars.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return call(vars, null, null, null);
    }

    // --- the tests --------------------------------------------------------------------------------------------

    @Test
    void theTableHasExactlyOneRowPerRouteOfTheOpenApiDocument() throws Exception {
        Api.Reply reply = api.get(NONE, "/openapi/motcua.yml");
        assertThat(reply.status()).as(reply.describe()).isEqualTo(200);
        JsonNode paths = yaml.readTree(reply.body()).path("paths");
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith(API_PREFIX)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        List<Route> table = table();
        assertThat(table.stream().map(Route::name).toList())
                .as("rows named twice")
                .doesNotHaveDuplicates();
        List<String> rows =
                table.stream().filter(r -> r.variant() == null).map(Route::key).toList();
        Set<String> inTable = new TreeSet<>(rows);
        assertThat(rows).as("routes with two main rows").doesNotHaveDuplicates();
        assertThat(table.stream().filter(r -> r.variant() != null).map(Route::key))
                .as("variants of routes without a main row")
                .allMatch(inTable::contains);

        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inTable);
        Set<String> extra = new TreeSet<>(inTable);
        extra.removeAll(documented);
        assertThat(missing)
                .as("routes of the OpenAPI document without a row in the matrix")
                .isEmpty();
        assertThat(extra)
                .as("rows of the matrix for routes the OpenAPI document does not have")
                .isEmpty();
    }

    @Test
    void everyRoleGetsExactlyTheExpectedStatusOnEveryRoute() throws Exception {
        List<String> mismatches = new ArrayList<>();
        Map<String, String> questionable = new java.util.LinkedHashMap<>();
        int cells = 0;
        for (Route route : table()) {
            String resource = null;
            boolean fresh = true;
            for (Subject subject : failuresFirst(route)) {
                int expected = route.expect().status(subject);
                cells++;
                if (fresh) {
                    try {
                        resource = route.fixture().create();
                        fresh = false;
                    } catch (Exception e) {
                        // one line for the row, not one per subject
                        mismatches.add(route.name() + " | fixture failed, row skipped: " + e);
                        break;
                    }
                }
                try {
                    Route.Call call = route.request().build(resource, subject);
                    Api.Reply reply = api.send(
                            subject, route.method(), call.path(route.template()), call.body(), call.contentType());
                    if (reply.status() != expected) {
                        mismatches.add(route.name() + " | " + subject + " | expected " + expected + " | actual "
                                + reply.describe() + " | resource " + resource);
                    }
                    // a successful call may have moved or used up the resource: the next cell gets a new one
                    fresh = reply.status() / 100 == 2;
                } catch (Exception e) {
                    mismatches.add(route.name() + " | " + subject + " | expected " + expected + " | no answer: " + e);
                    fresh = true;
                }
                String question = route.expect().questions().get(subject);
                if (question != null) {
                    questionable.put(route.name() + " | " + subject + " -> " + expected, question);
                }
            }
        }
        System.out.printf(
                "[matrix] %d routes x %d subjects = %d cells, %d mismatches%n",
                table().size(), Subject.values().length, cells, mismatches.size());
        questionable.forEach((cell, why) -> System.out.println("[matrix] QUESTIONABLE " + cell + ": " + why));
        mismatches.forEach(m -> System.out.println("[matrix] MISMATCH " + m));
        assertThat(mismatches)
                .as("cells whose status differs from the matrix (route | subject | expected | actual)")
                .isEmpty();
    }

    @Test
    void withoutATokenEveryWriteIsRefusedBeforeItsBodyIsRead() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Route route : table()) {
            if (route.method().equals(GET) || route.expect().status(NONE) != 401) {
                continue;
            }
            // a malformed body and a path variable that is no dossier code, id or version: 400 if it were looked at
            String path = route.template().replaceAll("\\{[^}]+}", "~");
            // in the content type the route consumes: another one is the router's 415, before any filter
            String type = route.request().build("~/~", NONE).contentType();
            Api.Reply reply =
                    api.send(NONE, route.method(), path, "{\"truncated\": ", type == null ? "application/json" : type);
            cells++;
            if (reply.status() != 401) {
                mismatches.add(route.name() + " -> " + reply.describe());
            }
        }
        System.out.printf("[matrix] %d writes refused without a token before validation%n", cells);
        assertThat(cells).as("write routes that need a token").isGreaterThan(30);
        assertThat(mismatches)
                .as("writes that looked at the body before asking for a token")
                .isEmpty();
    }

    /**
     * Refusals first, then the cells expected to succeed: a refusal that wrongly changed the resource shows up as
     * the allowed cell's failure on the same fixture.
     */
    private static List<Subject> failuresFirst(Route route) {
        List<Subject> order = new ArrayList<>(EnumSet.allOf(Subject.class));
        order.sort(Comparator.comparing(s -> route.expect().status(s) / 100 == 2));
        return order;
    }

    // --- tokens -----------------------------------------------------------------------------------------------

    private String tokenOf(Subject subject) throws IOException, InterruptedException {
        if (subject == NONE) {
            return null;
        }
        CachedToken cached = subjectTokens.get(subject);
        if (cached == null || cached.fetched().plus(TOKEN_REUSE).isBefore(Instant.now())) {
            String token = subject == MACHINE
                    ? clientCredentials(subject.account, MACHINE_SECRET)
                    : passwordToken(subject.account);
            cached = new CachedToken(token, Instant.now());
            subjectTokens.put(subject, cached);
        }
        return cached.token();
    }

    private String passwordToken(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = passwordGrant(username, DEMO_PASSWORD);
        assertThat(response.statusCode())
                .as("password grant for %s: %s", username, response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    private String clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode())
                .as("client credentials for %s: %s", clientId, response.body())
                .isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }
}
