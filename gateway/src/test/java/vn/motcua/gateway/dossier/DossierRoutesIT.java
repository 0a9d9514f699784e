package vn.motcua.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;

@MicronautTest(transactional = false)
class DossierRoutesIT extends GatewayIT {

    private static final String VALID = """
            {"procedureCode":"1.001193",
             "applicant":{"fullName":"Nguyễn Văn An","citizenId":"001203004567","phone":"0912345678",
                          "email":"an.nguyen@example.vn","address":"Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"},
             "channel":"POSTAL","handoverSignedAt":"2025-03-03T08:30:00+07:00","note":"Bản sao có chứng thực"}
            """;

    @Test
    void receptionOfficerReceivesDossier() {
        String token = receptionOfficer();

        Api.Reply reply = api.postJson(
                "/api/v1/dossiers",
                token,
                VALID,
                "Idempotency-Key",
                "counter-7:2025-03-03.1",
                "X-Request-Id",
                "req-123",
                "traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/dossiers/H30.298.11077-250303-0001");
        assertThat(reply.header("X-Request-Id")).isEqualTo("req-123");
        Map<String, Object> dossier = reply.json();
        assertThat(dossier)
                .containsEntry("code", "H30.298.11077-250303-0001")
                .containsEntry("procedureCode", "1.001193")
                .containsEntry("procedureVersion", 2)
                .containsEntry("procedureName", "Đăng ký khai sinh")
                .containsEntry("receivingUnitCode", "11077")
                .containsEntry("competentUnitCode", "11077")
                .containsEntry("status", "RECEIVED")
                .containsEntry("statusLabel", "Đã tiếp nhận")
                .containsEntry("channel", "POSTAL")
                .containsEntry("receivedAt", "2025-03-03T01:30:00Z")
                .containsEntry("dueAt", "2025-03-07T10:00:00Z")
                .containsEntry("finishedAt", null)
                .containsEntry("note", "Bản sao có chứng thực");
        assertThat(dossier.get("applicant"))
                .isEqualTo(Map.of(
                        "fullName",
                        "Nguyễn Văn An",
                        "citizenId",
                        "001203004567",
                        "phone",
                        "0912345678",
                        "email",
                        "an.nguyen@example.vn",
                        "address",
                        "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"));

        var call = services.only();
        assertThat(call.method()).isEqualTo("ReceiveDossier");
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        assertThat(call.header(MetadataKeys.REQUEST_ID)).isEqualTo("req-123");
        assertThat(call.header(MetadataKeys.TRACEPARENT))
                .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01")
                .isNotEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        ReceiveDossierRequest sent = (ReceiveDossierRequest) call.request();
        assertThat(sent.getRequestId()).isEqualTo("counter-7:2025-03-03.1");
        assertThat(sent.getProcedureCode()).isEqualTo("1.001193");
        assertThat(sent.getChannel()).isEqualTo(Channel.CHANNEL_POSTAL);
        assertThat(sent.getApplicant().getCitizenId()).isEqualTo("001203004567");
        assertThat(Instant.ofEpochSecond(sent.getHandoverSignedAt().getSeconds()))
                .isEqualTo(Instant.parse("2025-03-03T01:30:00Z"));
        assertThat(sent.getNote()).isEqualTo("Bản sao có chứng thực");
    }

    @Test
    void withoutIdempotencyKeyEachRequestGetsItsOwnRequestId() {
        api.postJson("/api/v1/dossiers", receptionOfficer(), VALID);
        api.postJson("/api/v1/dossiers", receptionOfficer(), VALID);

        var ids = services.received().stream()
                .map(c -> ((ReceiveDossierRequest) c.request()).getRequestId())
                .toList();
        assertThat(ids).hasSize(2).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        Api.Reply reply = api.send(api.request("/api/v1/dossiers")
                .header("Authorization", "Bearer " + receptionOfficer())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                .build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(((ReceiveDossierRequest) services.only().request())
                        .getApplicant()
                        .getFullName())
                .isEqualTo("Nguyễn Văn An");
    }

    @Test
    void unsafeIdempotencyKeyIsRefused() {
        Api.Reply reply = api.postJson("/api/v1/dossiers", receptionOfficer(), VALID, "Idempotency-Key", "a b;c");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactly("Idempotency-Key");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void onlyReceptionOfficersReceive() {
        assertProblem(api.postJson("/api/v1/dossiers", citizen(), VALID), 403, "ROLE_NOT_ALLOWED");
        assertProblem(
                api.postJson("/api/v1/dossiers", officer("specialist", "unit_leader"), VALID), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/dossiers", null, VALID), 401, "TOKEN_MISSING");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWithoutCallingTheService() {
        Api.Reply reply = api.postJson("/api/v1/dossiers", receptionOfficer(), "{\"procedureCode\": \"1.0");

        assertProblem(reply, 400, "MALFORMED_REQUEST");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void aSecondJsonDocumentOrTheDocumentNullIsRefusedWithoutCallingTheService() {
        String valid = "{\"procedureCode\":\"1.001193\",\"channel\":\"COUNTER\",\"applicant\":"
                + "{\"fullName\":\"Nguyễn Văn An\",\"citizenId\":\"030090001234\"}}";

        assertProblem(api.postJson("/api/v1/dossiers", receptionOfficer(), valid + valid), 400, "MALFORMED_REQUEST");
        assertProblem(api.postJson("/api/v1/dossiers", receptionOfficer(), "null"), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void emptyBodyIsRefused() {
        assertProblem(api.postJson("/api/v1/dossiers", receptionOfficer(), ""), 400, "MALFORMED_REQUEST");
        assertProblem(api.postJson("/api/v1/dossiers", receptionOfficer(), "[1,2]"), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void missingFieldsTheGatewayNeedsAreListedOneByOne() {
        // procedureCode, applicant.fullName and applicant.citizenId are the service's to require
        Api.Reply reply = api.postJson("/api/v1/dossiers", receptionOfficer(), "{\"applicant\":{}}");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder("channel");
        assertThat(reply.errors()).allSatisfy(e -> assertThat(e.get("message")).isEqualTo("is required"));
        assertThat(services.received()).isEmpty();
    }

    @Test
    void wrongTypesUnknownFieldsAndBadChoicesAreAllReported() {
        // too long, malformed or badly typed values of the service's rules (procedureCode, fullName, email, note)
        // are passed on: ServiceFieldRulesIT
        String body = """
                {"procedureCode":"1.001193 OR 1=1","applicant":{"fullName":%s,"citizenId":1203004567,
                 "email":"not-an-email","nickname":"x"},"channel":"ONLINE","handoverSignedAt":"yesterday",
                 "note":"%s","priority":"high"}
                """.formatted("\"" + "A".repeat(201) + "\"", "n".repeat(501));

        Api.Reply reply = api.postJson("/api/v1/dossiers", receptionOfficer(), body);

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder(
                        "applicant.citizenId", "applicant.nickname", "channel", "handoverSignedAt", "priority");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void wrongContentTypeIs415() {
        Api.Reply reply = api.send(api.request("/api/v1/dossiers")
                .header("Authorization", "Bearer " + receptionOfficer())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                .build());

        assertProblem(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void tenMegabyteBodyIs413() {
        String huge = "{\"note\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";

        Api.Reply reply = api.postJson("/api/v1/dossiers", receptionOfficer(), huge);

        assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void anySignedInCallerReadsADossierAndTheServiceDecidesScope() {
        String token = citizen();

        Api.Reply reply = api.get("/api/v1/dossiers/H30.298.11077-250303-0001", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("code", "H30.298.11077-250303-0001")
                .containsEntry("channel", "COUNTER")
                .containsEntry("note", null);
        var call = services.only();
        assertThat(((GetDossierRequest) call.request()).getCode()).isEqualTo("H30.298.11077-250303-0001");
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void notFoundFromTheServicePassesThrough() {
        services.failWith(DomainException.notFound("dossier"));

        Api.Reply reply = api.get("/api/v1/dossiers/H30.298.11077-250303-0009", officer("specialist"));

        assertProblem(reply, 404, "NOT_FOUND");
        assertThat(reply.json()).containsEntry("detail", "dossier not found");
    }

    @Test
    void malformedDossierCodeIsRefusedBeforeAnyCall() {
        assertProblem(api.get("/api/v1/dossiers/abc%20def", officer("specialist")), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/dossiers/" + "A".repeat(65), officer("specialist")), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/dossiers/x%27%3B--", officer("specialist")), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void publicStatusLookupNeedsNoTokenAndShowsNoPersonalData() {
        Api.Reply reply = api.get("/api/v1/public/dossiers/H30.298.11077-250303-0001/status?lookupKey=7k3m-9qxa");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsOnlyKeys(
                        "code",
                        "procedureName",
                        "receivingUnitName",
                        "status",
                        "statusLabel",
                        "receivedAt",
                        "dueAt",
                        "finishedAt")
                .containsEntry("status", "IN_PROCESS")
                .containsEntry("receivedAt", "2025-03-03T01:30:00Z");
        var call = services.only();
        assertThat(((LookupDossierStatusRequest) call.request()).getCode()).isEqualTo("H30.298.11077-250303-0001");
        assertThat(((LookupDossierStatusRequest) call.request()).getLookupKey())
                .as("the key goes to the service as typed: its rules are the service's")
                .isEqualTo("7k3m-9qxa");
        assertThat(call.authorization()).isNull();
        assertThat(call.header(MetadataKeys.REQUEST_ID)).isEqualTo(reply.header("X-Request-Id"));
    }
}
