package vn.motcua.gateway.digitization;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeDigitization;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.digitization.v1.AttachComponentDocumentRequest;
import vn.motcua.proto.digitization.v1.AttachResultRequest;
import vn.motcua.proto.digitization.v1.CertifyCopyRequest;
import vn.motcua.proto.digitization.v1.CheckComponentRequest;
import vn.motcua.proto.digitization.v1.ComponentSource;
import vn.motcua.proto.digitization.v1.ConfirmComponentRequest;
import vn.motcua.proto.digitization.v1.ExemptComponentRequest;
import vn.motcua.proto.digitization.v1.ExemptionReason;
import vn.motcua.proto.digitization.v1.FillComponentFromWarehouseRequest;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseRequest;
import vn.motcua.proto.digitization.v1.VerifyDocumentSignatureRequest;

/**
 * The digitization routes over digitization-service's contract: JSON mapping both ways, the caller's token
 * forwarded, strict bodies and path values refused before any call, the gateway's role gate, and the service's
 * answers as problems.
 */
@MicronautTest(transactional = false)
class DigitizationRoutesIT extends DigitizationGatewayIT {

    private static final String DOSSIER = "H30.298.11077-250303-0001";
    private static final String COMPONENTS = "/api/v1/dossiers/" + DOSSIER + "/components/";

    private FakeDigitization.Received onlyCall(String method, String token) {
        FakeDigitization.Received call = digitization.only();
        assertThat(call.method()).isEqualTo(method);
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        return call;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDossiersDigitizationShowsComponentsAndTheResultInTheApisTerms() {
        String token = citizen();
        Api.Reply reply = api.get("/api/v1/dossiers/" + DOSSIER + "/digitization", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> d = reply.json();
        assertThat(d).containsEntry("dossierCode", DOSSIER).containsEntry("complete", false);
        List<Map<String, Object>> components = (List<Map<String, Object>>) d.get("components");
        assertThat(components.get(0))
                .containsEntry("number", 1)
                .containsEntry("state", "CHECKED")
                .containsEntry("source", "SCAN")
                .containsEntry("documentId", FakeDigitization.DOCUMENT_ID)
                .containsEntry("checkedAt", "2025-03-03T11:06:40Z")
                .containsEntry("exemptionReason", null);
        assertThat((Map<String, Object>) components.get(0).get("documentVersion"))
                .containsEntry("origin", "QR_STAMPED")
                .containsEntry("sha256", "cd".repeat(32));
        assertThat(components.get(1))
                .containsEntry("presentOnly", true)
                .containsEntry("state", "PENDING")
                .containsEntry("documentVersion", null);
        Map<String, Object> result = (Map<String, Object>) d.get("result");
        assertThat((Map<String, Object>) result.get("signature")).containsEntry("verdict", "VALID");
        onlyCall("GetDossierDigitization", token);
    }

    @Test
    void componentActionsCarryTheirFields() {
        String officer = receptionOfficer();
        Api.Reply attached =
                api.postJson(COMPONENTS + "2:attach", officer, "{\"documentId\":\"DOC-1\",\"source\":\"SCAN\"}");
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        assertThat(attached.json()).containsEntry("state", "UPLOADED").containsEntry("number", 2);
        AttachComponentDocumentRequest attach = (AttachComponentDocumentRequest)
                onlyCall("AttachComponentDocument", officer).request();
        assertThat(attach.getDossierCode()).isEqualTo(DOSSIER);
        assertThat(attach.getComponentNumber()).isEqualTo(2);
        assertThat(attach.getDocumentId()).isEqualTo("DOC-1");
        assertThat(attach.getSource()).isEqualTo(ComponentSource.COMPONENT_SOURCE_SCAN);

        digitization.reset();
        api.postJson(COMPONENTS + "1:check", officer, "{\"matchesOriginal\":false,\"note\":\"Thiếu trang 2\"}");
        CheckComponentRequest check =
                (CheckComponentRequest) onlyCall("CheckComponent", officer).request();
        assertThat(check.getMatchesOriginal()).isFalse();
        assertThat(check.getNote()).isEqualTo("Thiếu trang 2");

        digitization.reset();
        api.postJson(COMPONENTS + "1:confirm", officer, "");
        ConfirmComponentRequest confirm =
                (ConfirmComponentRequest) onlyCall("ConfirmComponent", officer).request();
        assertThat(confirm.hasValidUntil()).isFalse();
        digitization.reset();
        api.postJson(COMPONENTS + "1:confirm", officer, "{\"validUntil\":\"2030-01-01T00:00:00+07:00\"}");
        assertThat(((ConfirmComponentRequest) digitization.only().request())
                        .getValidUntil()
                        .getSeconds())
                .isEqualTo(1893430800L);

        digitization.reset();
        Api.Reply exempt = api.postJson(COMPONENTS + "3:exempt", officer, "{\"reason\":\"PRESENT_ONLY\"}");
        assertThat(exempt.json()).containsEntry("state", "EXEMPT").containsEntry("exemptionReason", "PRESENT_ONLY");
        ExemptComponentRequest exemptRpc =
                (ExemptComponentRequest) onlyCall("ExemptComponent", officer).request();
        assertThat(exemptRpc.getReason()).isEqualTo(ExemptionReason.EXEMPTION_REASON_PRESENT_ONLY);
        assertThat(exemptRpc.getSource()).isEqualTo(ComponentSource.COMPONENT_SOURCE_UNSPECIFIED);

        digitization.reset();
        String citizen = citizen();
        Api.Reply filled =
                api.postJson(COMPONENTS + "1:fill-from-warehouse", citizen, "{\"warehouseItemId\":\"WH-9\"}");
        assertThat(filled.json())
                .containsEntry("source", "WAREHOUSE")
                .containsEntry("fromWarehouse", true)
                .containsEntry("reused", true)
                .containsEntry("warehouseItemId", "WH-9");
        assertThat(((FillComponentFromWarehouseRequest)
                                onlyCall("FillComponentFromWarehouse", citizen).request())
                        .getWarehouseItemId())
                .isEqualTo("WH-9");
    }

    @Test
    void theResultIsAttachedByItsDocument() {
        String specialist = officer("specialist");
        Api.Reply reply = api.postJson(
                "/api/v1/dossiers/" + DOSSIER + "/result",
                specialist,
                "{\"documentId\":\"DOC-R\",\"validUntil\":\"2031-01-01T00:00:00Z\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("documentId", "DOC-R")
                .containsEntry("validUntil", "2031-01-01T00:00:00Z");
        AttachResultRequest sent =
                (AttachResultRequest) onlyCall("AttachResult", specialist).request();
        assertThat(sent.getDossierCode()).isEqualTo(DOSSIER);
    }

    @Test
    void aRefusedSignatureIsAConflictWithTheServicesWords() {
        digitization.failWith(DomainException.of(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.RULE_VIOLATED,
                "the result's signature is TAMPERED: only a VALID signature is attached"));
        Api.Reply reply =
                api.postJson("/api/v1/dossiers/" + DOSSIER + "/result", officer("clerk"), "{\"documentId\":\"DOC-R\"}");

        assertProblem(reply, 409, "RULE_VIOLATED");
        assertThat(reply.json().get("detail").toString()).contains("TAMPERED");
    }

    @Test
    void theServicesFieldViolationsAreNamedAsTheRouteNamesThem() {
        digitization.failWith(DomainException.invalid(List.of(
                new FieldViolation("component_number", "the procedure has 3 components"),
                new FieldViolation("document_id", "is not a document of this dossier"))));
        Api.Reply reply = api.postJson(
                COMPONENTS + "7:attach", receptionOfficer(), "{\"documentId\":\"DOC-1\",\"source\":\"UPLOAD\"}");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder("n", "documentId");
    }

    @Test
    void badShapesAreRefusedBeforeAnyCall() {
        String officer = receptionOfficer();
        assertFields(api.postJson(COMPONENTS + "1:attach", officer, "{\"source\":\"SCAN\"}"), "documentId");
        assertFields(
                api.postJson(COMPONENTS + "1:attach", officer, "{\"documentId\":\"DOC-1\",\"source\":\"FAX\"}"),
                "source");
        assertFields(
                api.postJson(COMPONENTS + "1:attach", officer, "{\"documentId\":\"DOC-1\",\"source\":\"WAREHOUSE\"}"),
                "source");
        assertFields(
                api.postJson(COMPONENTS + "0:attach", officer, "{\"documentId\":\"DOC-1\",\"source\":\"SCAN\"}"), "n");
        assertFields(
                api.postJson(COMPONENTS + "x1:attach", officer, "{\"documentId\":\"DOC-1\",\"source\":\"SCAN\"}"), "n");
        assertFields(
                api.postJson(COMPONENTS + "1000:attach", officer, "{\"documentId\":\"DOC-1\",\"source\":\"SCAN\"}"),
                "n");
        assertFields(api.postJson(COMPONENTS + "1:check", officer, "{\"note\":\"\"}"), "matchesOriginal");
        assertFields(api.postJson(COMPONENTS + "1:check", officer, "{\"matchesOriginal\":\"yes\"}"), "matchesOriginal");
        assertFields(api.postJson(COMPONENTS + "1:confirm", officer, "{\"validUntil\":\"mai\"}"), "validUntil");
        assertFields(api.postJson(COMPONENTS + "1:exempt", officer, "{\"reason\":\"LAZY\"}"), "reason");
        assertFields(
                api.postJson(
                        COMPONENTS + "1:exempt", officer, "{\"reason\":\"NATIONAL_DATABASE\",\"source\":\"SCAN\"}"),
                "source");
        assertFields(api.postJson(COMPONENTS + "1:fill-from-warehouse", citizen(), "{}"), "warehouseItemId");
        assertFields(
                api.postJson("/api/v1/dossiers/" + DOSSIER + "/result", officer("specialist"), "{\"documentId\":7}"),
                "documentId");
        assertFields(api.get("/api/v1/documents/DOC-1/signature?version=0", officer), "version");
        assertFields(api.get("/api/v1/me/warehouse?validOnly=yes", citizen()), "validOnly");
        assertProblem(api.postJson(COMPONENTS + "1:attach", officer, "{\"documentId\":"), 400, "MALFORMED_REQUEST");
        assertProblem(api.postJson(COMPONENTS + "1:attach", officer, ""), 400, "MALFORMED_REQUEST");
        assertThat(digitization.received()).isEmpty();
    }

    @Test
    void theGatewayAdmitsOnlyTheRolesThatDigitize() {
        String clerk = officer("clerk");
        String specialist = officer("specialist");
        String leader = officer("unit_leader");
        assertProblem(
                api.postJson(COMPONENTS + "1:attach", clerk, "{\"documentId\":\"DOC-1\",\"source\":\"SCAN\"}"),
                403,
                "ROLE_NOT_ALLOWED");
        assertProblem(
                api.postJson(COMPONENTS + "1:check", citizen(), "{\"matchesOriginal\":true}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson(COMPONENTS + "1:confirm", leader, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(
                api.postJson("/api/v1/dossiers/" + DOSSIER + "/result", receptionOfficer(), "{\"documentId\":\"D\"}"),
                403,
                "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/me/warehouse", specialist), 403, "ROLE_NOT_ALLOWED");
        assertProblem(
                api.postJson("/api/v1/units/11077/certified-copies", specialist, "{\"documentId\":\"D\"}"),
                403,
                "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/dossiers/" + DOSSIER + "/digitization"), 401, "TOKEN_MISSING");
        assertThat(digitization.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentsAndTheirSignaturesAreShownWithTheirVersions() {
        String token = citizen();
        Api.Reply document = api.get("/api/v1/documents/DOC-1", token);
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        assertThat(document.json())
                .containsEntry("id", "DOC-1")
                .containsEntry("dossierCode", DOSSIER)
                .containsEntry("certifyingUnitCode", null);
        List<Map<String, Object>> versions =
                (List<Map<String, Object>>) document.json().get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1)).containsEntry("origin", "QR_STAMPED").containsEntry("pageCount", 2);

        digitization.reset();
        Api.Reply signature = api.get("/api/v1/documents/DOC-1/signature?version=2", token);
        assertThat(signature.json()).containsEntry("verdict", "VALID").containsEntry("summary", "Chữ ký số hợp lệ");
        assertThat(((List<Map<String, Object>>) signature.json().get("signatures")).get(0))
                .containsEntry("signerName", "Nguyễn Văn Ký")
                .containsEntry("intact", true)
                .containsEntry("coversWholeDocument", true)
                .containsEntry("trusted", true);
        assertThat(((VerifyDocumentSignatureRequest)
                                onlyCall("VerifyDocumentSignature", token).request())
                        .getVersion())
                .isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCitizensWarehouseIsListedAndRead() {
        String token = citizen();
        Api.Reply list = api.get("/api/v1/me/warehouse?validOnly=true&pageSize=20", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json()).containsEntry("nextPageToken", "wh2");
        assertThat(((List<Map<String, Object>>) list.json().get("items")).get(0))
                .containsEntry("kind", "RESULT")
                .containsEntry("valid", true)
                .containsEntry("validUntil", null);
        ListMyWarehouseRequest sent =
                (ListMyWarehouseRequest) onlyCall("ListMyWarehouse", token).request();
        assertThat(sent.getValidOnly()).isTrue();
        assertThat(sent.getPage().getPageSize()).isEqualTo(20);

        digitization.reset();
        digitization.failWith(DomainException.of(ErrorKind.NOT_FOUND, ErrorReason.NOT_FOUND, "no such item"));
        assertProblem(api.get("/api/v1/me/warehouse/WH-OTHER", token), 404, "NOT_FOUND");
    }

    /**
     * Stamping a scan and verifying a signed PDF take time that grows with the file: with the 5 s downstream deadline
     * the gateway answered 504 while the service went on and committed.
     */
    @Test
    void callsThatStampOrVerifyAWholeFileGetTheProcessingDeadlineOthersTheShortOne() {
        String specialist = officer("specialist");
        api.postJson(COMPONENTS + "1:check", specialist, "{\"matchesOriginal\":true}");
        api.postJson("/api/v1/dossiers/" + DOSSIER + "/result", specialist, "{\"documentId\":\"DOC-R\"}");
        api.get("/api/v1/documents/" + FakeDigitization.DOCUMENT_ID + "/signature", specialist);
        api.postJson(
                "/api/v1/units/11077/certified-copies",
                receptionOfficer(),
                "{\"documentId\":\"DOC-C\",\"ownerId\":\"030090001234\",\"title\":\"Giấy khai sinh\"}",
                "Idempotency-Key",
                "cc-deadline");
        assertThat(digitization.received())
                .extracting(FakeDigitization.Received::method)
                .containsExactly("CheckComponent", "AttachResult", "VerifyDocumentSignature", "CertifyCopy");
        assertThat(digitization.received())
                .allSatisfy(
                        call -> assertThat(call.deadline()).as(call.method()).isGreaterThan(Duration.ofMinutes(4)));

        digitization.reset();
        api.postJson(COMPONENTS + "1:confirm", specialist, "");
        assertThat(digitization.only().deadline()).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aReceptionOfficerCertifiesACopyAtTheirOwnUnitOnly() {
        String officer = receptionOfficer();
        Api.Reply reply = api.postJson(
                "/api/v1/units/11077/certified-copies",
                officer,
                "{\"documentId\":\"DOC-C\",\"ownerId\":\"030090001234\",\"title\":\"Giấy khai sinh\"}",
                "Idempotency-Key",
                "cc-1");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json())
                .containsEntry("certificateNumber", "11077/2026/000001")
                .containsEntry("ownerId", "030090001234");
        CertifyCopyRequest sent =
                (CertifyCopyRequest) onlyCall("CertifyCopy", officer).request();
        assertThat(sent.getRequestId()).isEqualTo("cc-1");
        assertThat(sent.getDocumentId()).isEqualTo("DOC-C");
        assertThat(sent.getTitle()).isEqualTo("Giấy khai sinh");

        digitization.reset();
        assertProblem(
                api.postJson(
                        "/api/v1/units/11080/certified-copies",
                        officer,
                        "{\"documentId\":\"DOC-C\",\"ownerId\":\"030090001234\",\"title\":\"Giấy khai sinh\"}"),
                404,
                "NOT_FOUND");
        assertThat(digitization.received()).isEmpty();

        Api.Reply register = api.get("/api/v1/units/11077/certified-copies?pageSize=10", officer("clerk"));
        assertThat(register.status()).as(register.body()).isEqualTo(200);
        assertThat(((ListCertifiedCopiesRequest) digitization.only().request()).getUnitCode())
                .isEqualTo("11077");
    }

    private static void assertFields(Api.Reply reply, String... fields) {
        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder((Object[]) fields);
    }
}
