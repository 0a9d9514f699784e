package vn.motcua.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeServices;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.proto.common.v1.UnitLevel;

/**
 * The user administration routes against the real unit-tree lookup (gRPC double) and an in-memory user directory:
 * authorization, validation, error mapping and the audit trail. Tree: province 30 > district 298 > communes 11077 and
 * 11080; province 31 > district 300 beside it.
 */
@MicronautTest(transactional = false)
class UserAdminRoutesIT extends GatewayIT {

    private static final String USERS = "/api/v1/admin/users";

    @Inject
    FakeUserDirectory directory;

    private final ListAppender<ILoggingEvent> auditLines = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger(AdminAudit.LOGGER_NAME);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.fake-user-directory", "true");
    }

    @BeforeEach
    void arrange() {
        directory.reset();
        services.unitTree(List.of(
                FakeServices.unit("30", null, UnitLevel.UNIT_LEVEL_PROVINCE),
                FakeServices.unit("298", "30", UnitLevel.UNIT_LEVEL_DISTRICT),
                FakeServices.unit("11077", "298", UnitLevel.UNIT_LEVEL_COMMUNE),
                FakeServices.unit("11080", "298", UnitLevel.UNIT_LEVEL_COMMUNE),
                FakeServices.unit("31", null, UnitLevel.UNIT_LEVEL_PROVINCE),
                FakeServices.unit("300", "31", UnitLevel.UNIT_LEVEL_DISTRICT)));
        auditLines.list.clear();
        auditLines.start();
        auditLogger.addAppender(auditLines);
    }

    @AfterEach
    void detach() {
        auditLogger.detachAppender(auditLines);
    }

    private String districtAdmin() {
        return idp.officer("admin.tuky", "298", "unit_admin");
    }

    private static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String newOfficer(String username, String unit, String role) {
        return """
                {"username":"%s","email":"%s@motcua.local","firstName":"Minh","lastName":"Trần Văn",
                 "unitCode":"%s","role":"%s","password":"Khoi-tao@2026","temporaryPassword":false}""".formatted(username, username, unit, role);
    }

    private Api.Reply post(String path, String token, String body) {
        return api.postJson(path, token, body);
    }

    private Api.Reply put(String path, String token, String body) {
        return api.send(api.request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    private List<Map<String, Object>> audit() {
        return auditLines.list.stream()
                .map(e -> {
                    try {
                        return json.readValue(
                                e.getFormattedMessage(),
                                io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
                    } catch (IOException ex) {
                        throw new AssertionError("audit line is not JSON: " + e.getFormattedMessage(), ex);
                    }
                })
                .toList();
    }

    @Test
    void aDistrictAdminCreatesAnOfficerForACommuneBelow() {
        Api.Reply reply = post(USERS, districtAdmin(), newOfficer("cv.moi", "11077", "specialist"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Map<String, Object> user = reply.json();
        assertThat(user)
                .containsEntry("username", "cv.moi")
                .containsEntry("unitCode", "11077")
                .containsEntry("roles", List.of("specialist"))
                .containsEntry("enabled", true)
                .containsKey("id")
                .doesNotContainKey("password");
        String id = (String) user.get("id");
        assertThat(directory.get(id)).get().satisfies(a -> {
            assertThat(a.roles()).contains("specialist");
            assertThat(a.unitCode()).isEqualTo("11077");
        });
        assertThat(directory.password(id)).isEqualTo("Khoi-tao@2026");
        assertThat(audit())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .containsEntry("action", "USER_CREATE")
                        .containsEntry("outcome", "OK")
                        .containsEntry("actor", "admin.tuky")
                        .containsEntry("actorId", subjectOf("admin.tuky"))
                        .containsEntry("actorUnit", "298")
                        .containsEntry("targetId", id)
                        .containsEntry("targetUsername", "cv.moi")
                        .containsEntry("unit", "11077")
                        .containsEntry("roles", List.of("specialist"))
                        .containsKey("requestId"));
        assertThat(auditLines.list.get(0).getFormattedMessage()).doesNotContain("Khoi-tao@2026");
        // the unit tree was asked for the admin's own subtree
        assertThat(services.received())
                .anySatisfy(call -> assertThat(call.method()).isEqualTo("ListUnits"));
    }

    @Test
    void temporaryPasswordIsTheDefault() {
        String body = newOfficer("mc.moi", "298", "reception_officer").replace(",\"temporaryPassword\":false", "");
        Api.Reply reply = post(USERS, districtAdmin(), body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(directory.password((String) reply.json().get("id"))).endsWith("(temporary)");
    }

    @Test
    void creatingAUserAboveOrBesideTheOwnUnitIsForbidden() {
        for (String unit : List.of("30", "31", "300", "99999")) {
            Api.Reply reply = post(USERS, districtAdmin(), newOfficer("cv.tinh", unit, "specialist"));
            assertProblem(reply, 403, "UNIT_OUT_OF_SCOPE");
        }
        assertThat(directory.calls).isEmpty();
        assertThat(audit())
                .hasSize(4)
                .allSatisfy(line -> assertThat(line)
                        .containsEntry("action", "USER_CREATE")
                        .containsEntry("outcome", "DENIED")
                        .containsEntry("reason", "UNIT_OUT_OF_SCOPE"));
    }

    @Test
    void rolesFollowTheGrantRules() {
        assertProblem(
                post(USERS, districtAdmin(), newOfficer("a.one", "298", "unit_admin")), 403, "ROLE_NOT_GRANTABLE");
        assertProblem(post(USERS, districtAdmin(), newOfficer("a.two", "11077", "citizen")), 403, "ROLE_NOT_GRANTABLE");
        assertProblem(
                post(USERS, districtAdmin(), newOfficer("a.three", "11077", "realm-admin")), 403, "ROLE_NOT_GRANTABLE");
        assertThat(directory.calls).isEmpty();

        Api.Reply communeAdmin = post(USERS, districtAdmin(), newOfficer("admin.ngocson", "11077", "unit_admin"));
        assertThat(communeAdmin.status()).as(communeAdmin.body()).isEqualTo(201);
    }

    @Test
    void onlyUnitAdminsMayUseTheRoutes() {
        String reception = receptionOfficer();
        assertProblem(post(USERS, reception, newOfficer("x.y", "11077", "specialist")), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(USERS, reception), 403, "ROLE_NOT_ALLOWED");
        assertProblem(post(USERS + "/some-id/disable", reception, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(USERS, citizen()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(USERS), 401, "TOKEN_MISSING");
        // an admin role without a unit cannot administer anything
        assertProblem(api.get(USERS, idp.officer("admin.nowhere", null, "unit_admin")), 403, "ROLE_NOT_ALLOWED");
        assertThat(directory.calls).isEmpty();
    }

    @Test
    void everyRefusedRequestLeavesAnAuditLineWithWhoeverWasAsking() {
        directory.put("u1", "cv.ngocson", "11077", false, "specialist");
        directory.calls.clear();

        assertProblem(
                post(USERS, receptionOfficer(), newOfficer("x.y", "11077", "specialist")), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(USERS, citizen()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(USERS), 401, "TOKEN_MISSING");
        assertProblem(post(USERS, districtAdmin(), "{\"username\": "), 400, "MALFORMED_REQUEST");
        assertProblem(
                post(USERS + "/u1/reset-password", districtAdmin(), "{\"password\":\"short\"}"), 400, "INVALID_FIELD");
        assertProblem(put(USERS + "/u1/roles", districtAdmin(), "{\"roles\":[]}"), 400, "INVALID_FIELD");
        assertProblem(post(USERS + "/bad%20id/disable", districtAdmin(), ""), 404, "NOT_FOUND");
        assertProblem(post(USERS + "/no-such-user/disable", districtAdmin(), ""), 404, "NOT_FOUND");

        assertThat(audit())
                .extracting(
                        l -> l.get("action") + " " + l.get("outcome") + " " + l.get("reason") + " " + l.get("actor"))
                .containsExactly(
                        "USER_CREATE DENIED HTTP_403 reception.binh",
                        "USER_LIST DENIED HTTP_403 citizen.chi",
                        "USER_LIST UNAUTHENTICATED HTTP_401 null",
                        "USER_CREATE FAILED HTTP_400 admin.tuky",
                        "USER_RESET_PASSWORD FAILED HTTP_400 admin.tuky",
                        "USER_SET_ROLES FAILED HTTP_400 admin.tuky",
                        "USER_DISABLE FAILED HTTP_404 admin.tuky",
                        "USER_DISABLE DENIED NOT_MANAGEABLE admin.tuky");
        assertThat(audit()).allSatisfy(line -> assertThat(line).containsKey("requestId"));
        assertThat(auditLines.list).noneMatch(e -> e.getFormattedMessage().contains("short"));
    }

    @Test
    void invalidBodiesAreRefusedWithEveryProblem() {
        Api.Reply reply = post(USERS, districtAdmin(), """
                {"username":"X","email":"not-an-email","firstName":"","unitCode":"<x>","password":"short"}""");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder(
                        "username", "email", "firstName", "lastName", "unitCode", "role", "password");
        assertThat(reply.body()).doesNotContain("short");
        assertProblem(post(USERS, districtAdmin(), "{\"username\": "), 400, "MALFORMED_REQUEST");
        assertThat(directory.calls).isEmpty();
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNotCoercedAndChangeNothing() {
        directory.put("u-1", "cv.ngocson", "11077", false, "specialist");
        directory.calls.clear();

        Api.Reply create = post(
                USERS,
                districtAdmin(),
                newOfficer("cv.moi", "11077", "specialist")
                        .replace("\"role\":\"specialist\"", "\"role\":[\"specialist\"]"));
        Api.Reply reset = post(USERS + "/u-1/reset-password", districtAdmin(), "{\"password\":12345678}");
        Api.Reply roles = put(USERS + "/u-1/roles", districtAdmin(), "{\"roles\":\"specialist\"}");
        Api.Reply twoDocuments = post(USERS, districtAdmin(), newOfficer("cv.hai", "11077", "specialist") + "{}");

        assertProblem(create, 400, "INVALID_FIELD");
        assertThat(create.errors()).extracting(e -> e.get("field")).containsExactly("role");
        assertProblem(reset, 400, "INVALID_FIELD");
        assertThat(reset.errors()).extracting(e -> e.get("field")).containsExactly("password");
        assertProblem(roles, 400, "INVALID_FIELD");
        assertProblem(twoDocuments, 400, "MALFORMED_REQUEST");
        assertThat(directory.calls).isEmpty();
        assertThat(directory.password("u-1")).isNull();
    }

    @Test
    void listShowsTheAdminsSubtreeOnly() {
        directory.put("u1", "cv.ngocson", "11077", false, "specialist");
        directory.put("u2", "mc.tuky", "298", false, "reception_officer");
        directory.put("u3", "bc.haiduong", "30", false, "report_viewer");
        directory.put("u4", "service-account-x", "11077", true, "report_viewer");
        directory.put("u5", "mc.other", "300", false, "reception_officer");

        Api.Reply all = api.get(USERS, districtAdmin());

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) all.json().get("users");
        assertThat(users).extracting(u -> u.get("username")).containsExactlyInAnyOrder("cv.ngocson", "mc.tuky");
        assertThat(users)
                .filteredOn(u -> u.get("username").equals("cv.ngocson"))
                .singleElement()
                .satisfies(u -> assertThat(u).containsEntry("roles", List.of("specialist")));

        Api.Reply one = api.get(USERS + "?unitCode=11077", districtAdmin());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains("cv.ngocson").doesNotContain("mc.tuky");

        assertProblem(api.get(USERS + "?unitCode=30", districtAdmin()), 403, "UNIT_OUT_OF_SCOPE");
        assertProblem(api.get(USERS + "?max=0", districtAdmin()), 400, "INVALID_FIELD");
    }

    @Test
    void disablingWorksInsideTheSubtreeAndLooksLikeNotFoundOutsideIt() {
        directory.put("u1", "cv.ngocson", "11077", false, "specialist");
        directory.put("u3", "bc.haiduong", "30", false, "report_viewer");
        directory.put("peer", "admin.peer", "298", false, "unit_admin");
        directory.put(subjectOf("admin.tuky"), "admin.tuky", "298", false, "unit_admin");

        Api.Reply ok = post(USERS + "/u1/disable", districtAdmin(), "");

        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json()).containsEntry("enabled", false).containsEntry("id", "u1");
        assertThat(directory.get("u1")).get().extracting(Account::enabled).isEqualTo(false);
        for (String id : List.of("u3", "peer", subjectOf("admin.tuky"), "no-such-user", "bad%20id")) {
            assertProblem(post(USERS + "/" + id + "/disable", districtAdmin(), ""), 404, "NOT_FOUND");
        }
        assertThat(directory.get("u3")).get().extracting(Account::enabled).isEqualTo(true);
        assertThat(audit())
                .extracting(l -> l.get("action") + " " + l.get("outcome") + " " + l.get("targetId"))
                .startsWith("USER_DISABLE OK u1")
                .contains("USER_DISABLE DENIED u3", "USER_DISABLE DENIED peer");
    }

    @Test
    void passwordResetIsAuditedWithoutThePassword() {
        directory.put("u1", "cv.ngocson", "11077", false, "specialist");

        Api.Reply reply = post(
                USERS + "/u1/reset-password", districtAdmin(), "{\"password\":\"Mat-khau-moi@1\",\"temporary\":true}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(directory.password("u1")).isEqualTo("Mat-khau-moi@1 (temporary)");
        assertThat(audit())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .containsEntry("action", "USER_RESET_PASSWORD")
                        .containsEntry("outcome", "OK")
                        .containsEntry("targetId", "u1")
                        .containsEntry("unit", "11077"));
        assertThat(auditLines.list.get(0).getFormattedMessage()).doesNotContain("Mat-khau-moi");
        assertProblem(
                post(USERS + "/u1/reset-password", districtAdmin(), "{\"password\":\"1234\"}"), 400, "INVALID_FIELD");
    }

    @Test
    void rolesAreReplacedWithinTheRules() {
        directory.put("u1", "cv.ngocson", "11077", false, "specialist");
        directory.put("u2", "mc.tuky", "298", false, "reception_officer");

        Api.Reply reply = put(USERS + "/u1/roles", districtAdmin(), "{\"roles\":[\"clerk\",\"unit_leader\"]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("roles", List.of("clerk", "unit_leader"));
        assertThat(directory.get("u1"))
                .get()
                .satisfies(a -> assertThat(a.roles())
                        .containsExactlyInAnyOrder("clerk", "unit_leader", "default-roles-motcua"));
        assertThat(directory.calls).contains("roles u1 +[clerk, unit_leader] -[specialist]");

        assertProblem(
                put(USERS + "/u2/roles", districtAdmin(), "{\"roles\":[\"unit_admin\"]}"), 403, "ROLE_NOT_GRANTABLE");
        assertProblem(
                put(USERS + "/u1/roles", districtAdmin(), "{\"roles\":[\"citizen\"]}"), 403, "ROLE_NOT_GRANTABLE");
        assertProblem(put(USERS + "/u1/roles", districtAdmin(), "{\"roles\":[]}"), 400, "INVALID_FIELD");
        // the invalid body is audited too (by AdministrationAuditFilter)
        assertThat(audit())
                .extracting(l -> l.get("action") + " " + l.get("outcome"))
                .containsExactly(
                        "USER_SET_ROLES OK", "USER_SET_ROLES DENIED", "USER_SET_ROLES DENIED", "USER_SET_ROLES FAILED");
    }

    @Test
    void identityProviderFailuresAreProblemsAndAudited() {
        directory.failure =
                new DirectoryException(DirectoryException.Kind.UNAVAILABLE, "connect to 127.0.0.1:18480 refused", null);
        Api.Reply down = post(USERS, districtAdmin(), newOfficer("cv.moi", "11077", "specialist"));

        assertProblem(down, 503, "IDENTITY_PROVIDER_UNAVAILABLE");
        assertThat(down.body()).doesNotContain("18480");
        assertThat(audit())
                .singleElement()
                .satisfies(line ->
                        assertThat(line).containsEntry("outcome", "FAILED").containsEntry("reason", "UNAVAILABLE"));

        directory.failure = null;
        assertThat(post(USERS, districtAdmin(), newOfficer("cv.moi", "11077", "specialist"))
                        .status())
                .isEqualTo(201);
        assertProblem(post(USERS, districtAdmin(), newOfficer("cv.moi", "11077", "specialist")), 409, "USER_EXISTS");
    }
}
