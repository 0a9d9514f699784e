package vn.motcua.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.dossier.v1.CreateProcedureDraftRequest;
import vn.motcua.proto.dossier.v1.IssueResultRequest;
import vn.motcua.proto.dossier.v1.ProcedureDraft;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.ReceiveSupplementRequest;
import vn.motcua.proto.dossier.v1.RecordProcessingStepRequest;
import vn.motcua.proto.dossier.v1.RejectDossierRequest;
import vn.motcua.proto.dossier.v1.ResubmitDossierRequest;
import vn.motcua.proto.feedback.v1.SubmitFeedbackRequest;

/**
 * The rules of the values a service validates are the service's alone (issue 8): the gateway passes edge values on
 * as typed and answers with the service's field violations, under the JSON names the client sent. The service's
 * own answers to these values are checked against the real services in e2e's BadInputSuiteIT.
 */
@MicronautTest(transactional = false)
class ServiceFieldRulesIT extends GatewayIT {

    private static final String NOTE_LIMIT = "n".repeat(1000);

    private static String reception(String phone, String note) {
        return """
                {"procedureCode":"1.001193","applicant":{"fullName":"Nguyễn Văn An","citizenId":"001203004567",
                 "phone":"%s"},"channel":"COUNTER","note":"%s"}""".formatted(phone, note);
    }

    @Test
    void edgeValuesReachTheServiceAsTyped() {
        for (String note : List.of(NOTE_LIMIT, NOTE_LIMIT + "n")) {
            services.reset();
            Api.Reply reply = api.postJson(
                    "/api/v1/dossiers",
                    receptionOfficer(),
                    reception("(024) 3825 1234", note),
                    "Idempotency-Key",
                    "edge-" + note.length());

            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            ReceiveDossierRequest sent = (ReceiveDossierRequest) services.only().request();
            assertThat(sent.getApplicant().getPhone()).isEqualTo("(024) 3825 1234");
            assertThat(sent.getNote()).isEqualTo(note);
        }
    }

    @Test
    void theServicesFieldViolationsAreAnsweredUnderTheJsonNames() {
        services.failWith(DomainException.invalid(List.of(
                new FieldViolation("applicant.full_name", "is required"),
                new FieldViolation("applicant.phone", "is not a phone number"),
                new FieldViolation("note", "at most 1000 characters"))));

        Api.Reply reply = api.postJson(
                "/api/v1/dossiers",
                receptionOfficer(),
                reception("(024) 3825 1234", NOTE_LIMIT + "n").replace("Nguyễn Văn An", " "),
                "Idempotency-Key",
                "edge-violations");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .containsExactly(
                        Map.of("field", "applicant.fullName", "message", "is required"),
                        Map.of("field", "applicant.phone", "message", "is not a phone number"),
                        Map.of("field", "note", "message", "at most 1000 characters"));
        assertThat(services.received()).hasSize(1);
    }

    @Test
    void aMissingReasonIsTheServicesToRefuse() {
        services.failWith(DomainException.invalid(List.of(new FieldViolation("reason", "is required"))));

        Api.Reply reply = api.postJson(
                "/api/v1/dossiers/H30.298.11077-250303-0001:reject",
                receptionOfficer(),
                "{}",
                "Idempotency-Key",
                "edge-reason");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).containsExactly(Map.of("field", "reason", "message", "is required"));
        assertThat(((RejectDossierRequest) services.only().request()).getReason())
                .isEmpty();
    }

    @Test
    void feedbackTextsAreTheServicesToJudge() {
        services.failWith(DomainException.invalid(List.of(
                new FieldViolation("sender_name", "is required"),
                new FieldViolation("title", "at most 300 characters"))));
        String title = "t".repeat(301);

        Api.Reply reply = api.postJson(
                "/api/v1/feedback",
                officer("reception_officer"),
                "{\"unitCode\":\"11077\",\"title\":\"" + title + "\",\"content\":\"c\"}",
                "Idempotency-Key",
                "edge-feedback");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .containsExactly(
                        Map.of("field", "senderName", "message", "is required"),
                        Map.of("field", "title", "message", "at most 300 characters"));
        assertThat(((SubmitFeedbackRequest) services.only().request()).getTitle())
                .isEqualTo(title);
    }

    @Test
    void workflowNotesReachTheServiceAsTyped() {
        String dossier = "/api/v1/dossiers/H30.298.11077-250303-0001";
        String tooLong = NOTE_LIMIT + "n";

        api.postJson(
                dossier + ":steps",
                officer("unit_leader"),
                "{\"step\":\"APPRAISE\",\"note\":\"" + tooLong + "\",\"target\":\"a b\"}",
                "Idempotency-Key",
                "edge-step");
        RecordProcessingStepRequest step =
                (RecordProcessingStepRequest) services.only().request();
        assertThat(step.getNote()).isEqualTo(tooLong);
        assertThat(step.getTarget()).isEqualTo("a b");

        services.reset();
        api.postJson(dossier + ":resubmit", citizen(), "{\"note\":\"a\\u001bb\"}", "Idempotency-Key", "edge-re");
        assertThat(((ResubmitDossierRequest) services.only().request()).getNote())
                .isEqualTo("a\u001bb");

        services.reset();
        api.postJson(
                dossier + ":receive-supplement",
                receptionOfficer(),
                "{\"note\":\"   \"}",
                "Idempotency-Key",
                "edge-sup");
        assertThat(((ReceiveSupplementRequest) services.only().request()).getNote())
                .isEqualTo("   ");

        services.reset();
        api.postJson(
                dossier + ":issue-result",
                officer("clerk"),
                "{\"resultNote\":\"a\\u2066b\"}",
                "Idempotency-Key",
                "edge-result");
        assertThat(((IssueResultRequest) services.only().request()).getResultNote())
                .isEqualTo("a\u2066b");
    }

    @Test
    void aResultNoteIsReportedAsTheClientNamedIt() {
        services.failWith(
                DomainException.invalid(List.of(new FieldViolation("result_note", "at most 1000 characters"))));

        Api.Reply reply = api.postJson(
                "/api/v1/dossiers/H30.298.11077-250303-0001:issue-result",
                officer("clerk"),
                "{\"resultNote\":\"" + NOTE_LIMIT + "n\"}",
                "Idempotency-Key",
                "edge-result-note");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).containsExactly(Map.of("field", "resultNote", "message", "at most 1000 characters"));
    }

    @Test
    void aReceptionWithoutCitizenIdIsTheServicesToRefuse() {
        services.failWith(DomainException.invalid(List.of(new FieldViolation("applicant.citizen_id", "is required"))));

        Api.Reply reply = api.postJson(
                "/api/v1/dossiers",
                receptionOfficer(),
                reception("0912345678", "").replace(",\"citizenId\":\"001203004567\"", ""),
                "Idempotency-Key",
                "edge-citizen-id");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).containsExactly(Map.of("field", "applicant.citizenId", "message", "is required"));
        assertThat(((ReceiveDossierRequest) services.only().request())
                        .getApplicant()
                        .getCitizenId())
                .isEmpty();
    }

    @Test
    void aDraftsViolationsComeBackUnderTheJsonNames() {
        services.failWith(DomainException.invalid(List.of(
                new FieldViolation("draft.name", "must be one line"),
                new FieldViolation("draft.time_limit.amount", "must be greater than 0"),
                new FieldViolation("draft.fees[0].amount.currency_code", "fees are in đồng: VND or empty"),
                new FieldViolation("draft.receiving_units[1].unit_code", "unit 99999 does not exist"),
                new FieldViolation("draft.fees[0].legal_basis", "at most 500 characters"),
                new FieldViolation("draft.online_fee_discount_percent", "must be between 0 and 100"))));
        String name = "Đăng ký\\nkhai sinh";

        Api.Reply reply = api.postJson(
                "/api/v1/catalog/procedures",
                officer("tthc_controller"),
                """
                {"code":"1.001193","name":"%s","field":"Hộ tịch","level":"COMMUNE",
                 "timeLimit":{"amount":0,"unit":"WORKING_DAYS"},"fees":[{"name":"Lệ phí","amount":8000,
                 "currencyCode":"USD","legalBasis":"%s"}],"onlineFeeDiscountPercent":101,"receivingUnits":[{"unitCode":"11077","competentUnitCode":"11077"},
                 {"unitCode":"99999","competentUnitCode":"11077"}],"effectiveOn":"2025-03-15"}""".formatted(name, "Đ".repeat(501)),
                "Idempotency-Key",
                "edge-draft");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactly(
                        "name",
                        "timeLimit.amount",
                        "fees[0].currencyCode",
                        "receivingUnits[1].unitCode",
                        "fees[0].legalBasis",
                        "onlineFeeDiscountPercent");
        ProcedureDraft sent = ((CreateProcedureDraftRequest) services.only().request()).getDraft();
        assertThat(sent.getName()).isEqualTo("Đăng ký\nkhai sinh");
        assertThat(sent.getTimeLimit().getAmount()).isZero();
        assertThat(sent.getFees(0).getAmount().getCurrencyCode()).isEqualTo("USD");
        // the range and the length are the service's rules: the gateway passes the values on
        assertThat(sent.getFees(0).getLegalBasis()).hasSize(501);
        assertThat(sent.getOnlineFeeDiscountPercent()).isEqualTo(101);
    }
}
