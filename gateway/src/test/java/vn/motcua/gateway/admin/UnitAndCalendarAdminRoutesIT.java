package vn.motcua.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.AddCalendarDayRequest;
import vn.motcua.proto.dossier.v1.CalendarDayKind;
import vn.motcua.proto.dossier.v1.CloseUnitRequest;
import vn.motcua.proto.dossier.v1.CreateUnitRequest;
import vn.motcua.proto.dossier.v1.MergeUnitsRequest;
import vn.motcua.proto.dossier.v1.RemoveCalendarDayRequest;
import vn.motcua.proto.dossier.v1.RenderTrackingRegisterRequest;
import vn.motcua.proto.dossier.v1.ReplaceWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.Weekday;

/**
 * The unit, calendar and register routes against a double of dossier-service: what each route sends, what it
 * answers, who may call it, and that bad input is a field-level 400 without any call.
 */
@MicronautTest(transactional = false)
class UnitAndCalendarAdminRoutesIT extends GatewayIT {

    private final FakeAdministration admin = new FakeAdministration();

    @Override
    protected String dossierAddress() {
        return admin.address();
    }

    @BeforeEach
    void resetAdministration() {
        admin.reset();
    }

    @AfterAll
    void stopAdministration() {
        admin.close();
    }

    private String unitAdmin() {
        return idp.officer("admin.tuky", "298", "unit_admin");
    }

    private Api.Reply send(String method, String path, String token, String body) {
        HttpRequest.Builder b = api.request(path).header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return api.send(b.method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void changesTheServiceDecidedAreAuditedThereAndTheGatewayAuditsWhatItAnsweredItself() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger auditLogger = (Logger) LoggerFactory.getLogger(AdminAudit.LOGGER_NAME);
        lines.start();
        auditLogger.addAppender(lines);
        try {
            // decided by dossier-service (applied or refused there): its own audit line, none here
            api.postJson("/api/v1/admin/units/11089:close", unitAdmin(), "{\"validTo\": \"2026-03-09\"}");
            admin.failure = DomainException.permissionDenied("outside the subtree");
            send("DELETE", "/api/v1/admin/calendar/holidays/2026-09-02", unitAdmin(), null);
            admin.failure = null;
            // answered by the gateway alone
            api.postJson("/api/v1/admin/units", unitAdmin(), "{\"code\": 1}");
            api.postJson("/api/v1/admin/units:merge", idp.officer("mc.tuky", "298", "reception_officer"), "{}");
            api.postJson("/api/v1/admin/units/11077:rename", null, "{\"name\": \"X\"}");
            api.get("/api/v1/admin/units", unitAdmin());
        } finally {
            auditLogger.detachAppender(lines);
        }

        List<String> audit =
                lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0))
                .contains(
                        "\"action\":\"UNIT_CREATE\"",
                        "\"outcome\":\"FAILED\"",
                        "\"reason\":\"HTTP_400\"",
                        "\"actor\":\"admin.tuky\"",
                        "\"actorUnit\":\"298\"",
                        "\"requestId\":");
        assertThat(audit.get(1))
                .contains(
                        "\"action\":\"UNIT_MERGE\"",
                        "\"outcome\":\"DENIED\"",
                        "\"reason\":\"HTTP_403\"",
                        "\"actor\":\"mc.tuky\"");
        assertThat(audit.get(2))
                .contains(
                        "\"action\":\"UNIT_RENAME\"",
                        "\"outcome\":\"UNAUTHENTICATED\"",
                        "\"reason\":\"HTTP_401\"",
                        "\"target\":\"11077\"")
                .doesNotContain("\"actor\":\"");
    }

    @Test
    void createUnitMapsTheBodyAndIdempotencyKeyAndAnswers201() {
        Api.Reply reply = api.postJson("/api/v1/admin/units", unitAdmin(), """
                {"code": "11600", "agencyCode": "000.96.24.H30", "name": "Xã Tân Kỳ", "level": "COMMUNE",
                 "parentCode": "298", "validFrom": "2026-03-09"}""", "Idempotency-Key", "u-1");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json())
                .containsEntry("code", "11600")
                .containsEntry("name", "Xã Tân Kỳ")
                .containsEntry("validTo", null)
                .containsEntry("level", "COMMUNE");
        CreateUnitRequest sent = admin.last(CreateUnitRequest.class);
        assertThat(sent.getRequestId()).isEqualTo("u-1");
        assertThat(sent.getUnit().getLevel()).isEqualTo(UnitLevel.UNIT_LEVEL_COMMUNE);
        assertThat(sent.getUnit().getParentCode()).isEqualTo("298");
        assertThat(sent.getValidFrom()).isEqualTo("2026-03-09");
    }

    @Test
    void badUnitBodiesAreFieldLevelProblemsAndNothingIsCalled() {
        // codes, names, dates and times are the service's rules (AdminInput): valuesReachTheServiceAsTyped
        Api.Reply reply = api.postJson("/api/v1/admin/units", unitAdmin(), """
                {"code": 1, "agencyCode": ["a"], "name": "Xã", "level": "HAMLET", "validFrom": 20260230,
                 "extra": 1}""");
        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("code", "agencyCode", "level", "validFrom", "extra");
        assertProblem(api.postJson("/api/v1/admin/units:merge", unitAdmin(), """
                {"sourceCodes": "11083", "effectiveOn": "2026-03-10"}"""), 400, "INVALID_FIELD");
        assertProblem(send("PUT", "/api/v1/admin/units/11077/sessions", unitAdmin(), """
                {"sessions": [{"weekday": "FUNDAY", "start": "7h", "end": "25:00"}]}"""), 400, "INVALID_FIELD");
        assertProblem(api.postJson("/api/v1/admin/calendar/holidays", unitAdmin(), """
                {"date": "2026-13-01", "kind": "HOLIDAY", "name": ""}"""), 400, "INVALID_FIELD");
        assertProblem(
                api.get("/api/v1/registers/tracking?from=2026-03-10&to=2026-03-01", unitAdmin()), 400, "INVALID_FIELD");
        assertThat(admin.received).isEmpty();
    }

    @Test
    void closeMergeAndRenameReachTheService() {
        assertThat(api.postJson("/api/v1/admin/units/11089:close", unitAdmin(), "{\"validTo\": \"2026-03-09\"}")
                        .json())
                .containsEntry("validTo", "2026-03-09");
        assertThat(admin.last(CloseUnitRequest.class).getCode()).isEqualTo("11089");

        Api.Reply merged = api.postJson("/api/v1/admin/units:merge", unitAdmin(), """
                {"sourceCodes": ["11083", "11086"], "effectiveOn": "2026-03-10", "successor": {"code": "11200",
                 "agencyCode": "000.90.24.H30", "name": "Xã Đại Hưng", "level": "COMMUNE", "parentCode": "298"}}""", "Idempotency-Key", "m-1");
        assertThat(merged.status()).as(merged.body()).isEqualTo(201);
        assertThat((List<?>) merged.json().get("closed")).hasSize(1);
        MergeUnitsRequest sent = admin.last(MergeUnitsRequest.class);
        assertThat(sent.getSourceCodesList()).containsExactly("11083", "11086");
        assertThat(sent.getRequestId()).isEqualTo("m-1");
        assertThat(sent.getSuccessor().getName()).isEqualTo("Xã Đại Hưng");

        assertThat(api.postJson("/api/v1/admin/units/11600:rename", unitAdmin(), "{\"name\": \"Xã Tân Kỳ\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/admin/units", unitAdmin()).json()).containsKey("units");
    }

    @Test
    void serviceRefusalsBecomeProblems() {
        admin.failure = DomainException.permissionDenied("parent unit 30 is outside the subtree");
        assertProblem(api.postJson("/api/v1/admin/units", unitAdmin(), """
                {"code": "299", "agencyCode": "000.00.25.H30", "name": "Huyện Mới", "level": "DISTRICT",
                 "parentCode": "30", "validFrom": "2026-03-09"}"""), 403, "ROLE_NOT_ALLOWED");
        admin.failure = new DomainException(
                ErrorKind.ALREADY_EXISTS,
                ErrorReason.RULE_VIOLATED,
                "2026-02-17 is already in the table",
                Map.of("rule", "CALENDAR_DAY_TAKEN"),
                List.of());
        assertProblem(
                api.postJson(
                        "/api/v1/admin/calendar/holidays",
                        idp.officer("admin.haiduong", "30", "unit_admin"),
                        "{\"date\": \"2026-02-17\", \"kind\": \"DAY_OFF\", \"name\": \"Tết Nguyên đán\"}"),
                409,
                "RULE_VIOLATED");
    }

    @Test
    void holidaysAndSessionsRoundTrip() {
        String province = idp.officer("admin.haiduong", "30", "unit_admin");
        Api.Reply added = api.postJson(
                "/api/v1/admin/calendar/holidays",
                province,
                "{\"date\": \"2026-04-27\", \"kind\": \"DAY_OFF\", \"name\": \"Nghỉ bù Giỗ Tổ Hùng Vương\"}",
                "Idempotency-Key",
                "h-1");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json()).containsEntry("kind", "DAY_OFF").containsEntry("unitCode", null);
        AddCalendarDayRequest sent = admin.last(AddCalendarDayRequest.class);
        assertThat(sent.getDay().getKind()).isEqualTo(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF);
        assertThat(sent.getDay().getName()).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương");
        assertThat(sent.getRequestId()).isEqualTo("h-1");

        assertThat(api.get("/api/v1/admin/calendar/holidays?from=2026-01-01&to=2026-12-31", province)
                        .body())
                .contains("Tết Nguyên đán");
        assertThat(send("DELETE", "/api/v1/admin/calendar/holidays/2026-04-27?unitCode=298", province, null)
                        .status())
                .isEqualTo(200);
        assertThat(admin.last(RemoveCalendarDayRequest.class).getUnitCode()).isEqualTo("298");

        Api.Reply sessions = send("PUT", "/api/v1/admin/units/298/sessions", unitAdmin(), """
                {"sessions": [{"weekday": "SATURDAY", "start": "07:30", "end": "11:30"}],
                 "makeUpDaySessions": [{"start": "07:00", "end": "11:30"}]}""");
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        assertThat(sessions.json()).containsEntry("definedAt", "298");
        assertThat(admin.last(ReplaceWeeklySessionsRequest.class)
                        .getWeekly()
                        .getSessions(0)
                        .getWeekday())
                .isEqualTo(Weekday.WEEKDAY_SATURDAY);
        assertThat(api.get("/api/v1/admin/units/11077/sessions", unitAdmin()).json())
                .containsEntry("definedAt", "298");
    }

    @Test
    void theTrackingRegisterIsAPdfForOfficersOnly() {
        Api.Reply pdf = api.get(
                "/api/v1/registers/tracking?from=2026-03-01&to=2026-03-31&unitCode=11077",
                idp.officer("ld.ngocson", "11077", "unit_leader"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("mau-06-so-theo-doi-11077.pdf");
        assertThat(pdf.header("X-Row-Count")).isEqualTo("2");
        RenderTrackingRegisterRequest sent = admin.last(RenderTrackingRegisterRequest.class);
        assertThat(sent.getFrom()).isEqualTo("2026-03-01");
        assertThat(sent.getUnitCode()).isEqualTo("11077");

        assertProblem(
                api.get("/api/v1/registers/tracking?from=2026-03-01&to=2026-03-31", citizen()),
                403,
                "ROLE_NOT_ALLOWED");
        assertThat(api.get("/api/v1/registers/tracking?from=2026-03-01&to=2026-03-31")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void onlyUnitAdminsReachTheAdministrationRoutes() {
        admin.reset();
        for (String token : List.of(receptionOfficer(), citizen(), idp.officer("ks.tuky", "298", "tthc_controller"))) {
            assertProblem(api.get("/api/v1/admin/units", token), 403, "ROLE_NOT_ALLOWED");
            assertProblem(
                    api.postJson(
                            "/api/v1/admin/calendar/holidays",
                            token,
                            "{\"date\": \"2026-04-27\", \"kind\": \"DAY_OFF\", \"name\": \"Nghỉ\"}"),
                    403,
                    "ROLE_NOT_ALLOWED");
        }
        assertThat(api.get("/api/v1/admin/calendar/holidays").status()).isEqualTo(401);
        assertThat(admin.received).isEmpty();
    }

    /** The values' rules are the service's (issue 8): edge values reach it as typed, answered under JSON names. */
    @Test
    void valuesReachTheServiceAsTypedAndItsViolationsKeepTheJsonNames() {
        admin.failure = DomainException.invalid(List.of(
                new FieldViolation("unit.code", "1-32 characters"),
                new FieldViolation("unit.agency_code", "an agency code"),
                new FieldViolation("valid_from", "is not a date (YYYY-MM-DD)")));
        Api.Reply unit = api.postJson("/api/v1/admin/units", unitAdmin(), """
                {"code": "%s", "agencyCode": "a b", "name": "Xã", "parentCode": "298", "validFrom": "2026-02-30"}""".formatted("1".repeat(33)));
        assertProblem(unit, 400, "INVALID_FIELD");
        assertThat(unit.errors()).extracting(e -> e.get("field")).containsExactly("code", "agencyCode", "validFrom");
        assertThat(admin.last(CreateUnitRequest.class).getUnit().getCode()).hasSize(33);

        admin.failure = DomainException.invalid(List.of(
                new FieldViolation("day.name", "is required"),
                new FieldViolation("day.unit_code", "1-32 characters of A-Z a-z 0-9 . _ -")));
        Api.Reply day = api.postJson("/api/v1/admin/calendar/holidays", unitAdmin(), """
                {"date": "2026-09-02", "kind": "DAY_OFF", "name": " ", "unitCode": "a b"}""");
        assertThat(day.errors()).extracting(e -> e.get("field")).containsExactly("name", "unitCode");

        admin.failure = DomainException.invalid(
                List.of(new FieldViolation("make_up_day_sessions[0].start", "is not a time (HH:MM)")));
        Api.Reply sessions = send("PUT", "/api/v1/admin/units/11077/sessions", unitAdmin(), """
                {"sessions": [], "makeUpDaySessions": [{"start": "7h", "end": "11:30"}]}""");
        assertThat(sessions.errors()).extracting(e -> e.get("field")).containsExactly("makeUpDaySessions[0].start");
        assertThat(admin.last(ReplaceWeeklySessionsRequest.class)
                        .getWeekly()
                        .getMakeUpDaySessions(0)
                        .getStart())
                .isEqualTo("7h");
    }
}
