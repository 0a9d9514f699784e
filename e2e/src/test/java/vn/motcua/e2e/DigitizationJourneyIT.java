package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.platform.testing.TestQrCodes;

/**
 * Issue 12's acceptance over REST with the demo users of Ngọc Sơn (11077): the reception officer digitizes the
 * components of a counter dossier (Đăng ký khai sinh: two scans uploaded, checked against the originals, which
 * QR-stamps them, and confirmed; the present-only identity papers exempt); the stamped PDF's QR code decodes to the
 * dossier, procedure, applicant and component; the specialist attaches a result signed by a signer of the run's
 * trusted CA, after a tampered copy and an untrusted signer's copy are refused with their verdicts; the clerk issues
 * the result, which lands in congdan.an's warehouse; and congdan.an's next online dossier takes a component from the
 * warehouse without an upload (reused, fromWarehouse).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigitizationJourneyIT extends DigitizationSystemTest {

    private String dossier;
    private byte[] signedResult;
    private JsonNode resultItem;

    @Test
    @Order(1)
    void theOfficerDigitizesTheComponentsOfACounterDossierWithQrStamps() throws Exception {
        dossier = counterDossier();
        JsonNode before = digitization(dossier, RECEPTION);
        assertThat(before.path("procedureCode").asText()).isEqualTo(BIRTH);
        assertThat(before.path("complete").asBoolean()).isFalse();
        JsonNode components = before.path("components");
        assertThat(components.size()).as(before.toString()).isEqualTo(3);
        assertThat(components.get(2).path("presentOnly").asBoolean()).isTrue();

        for (int n = 1; n <= 2; n++) {
            String name = components.get(n - 1).path("name").asText();
            assertThat(components.get(n - 1).path("state").asText()).isEqualTo("PENDING");
            String documentId = uploaded(
                    dossier, "thanh-phan-" + n + ".pdf", SamplePdfs.pageBytes("Thanh phan so " + n), RECEPTION);

            JsonNode attached = component(
                    dossier, n, "attach", "{\"documentId\":\"" + documentId + "\",\"source\":\"SCAN\"}", RECEPTION);
            assertThat(attached.path("state").asText()).isEqualTo("UPLOADED");
            assertThat(attached.path("source").asText()).isEqualTo("SCAN");

            JsonNode checked = component(dossier, n, "check", "{\"matchesOriginal\":true,\"note\":\"\"}", RECEPTION);
            assertThat(checked.path("state").asText()).isEqualTo("CHECKED");
            JsonNode stamped = checked.path("documentVersion");
            assertThat(stamped.path("origin").asText()).as(checked.toString()).isEqualTo("QR_STAMPED");

            HttpResponse<byte[]> pdf = download(
                    "/api/v1/documents/" + documentId + "/content?version="
                            + stamped.path("version").asInt(),
                    RECEPTION);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(pdf.headers().firstValue("ETag")).hasValue("\"" + sha256(pdf.body()) + "\"");
            assertThat(sha256(pdf.body())).isEqualTo(stamped.path("sha256").asText());
            Path file = Files.write(scratch().resolve(dossier + "-" + n + ".pdf"), pdf.body());
            String qr = TestQrCodes.firstPageTopLeft(file);
            JsonNode payload = json.readTree(qr);
            assertThat(payload.path("dossierCode").asText()).isEqualTo(dossier);
            assertThat(payload.path("procedureCode").asText()).isEqualTo(BIRTH);
            assertThat(payload.path("applicantId").asText()).isEqualTo(APPLICANT_ID);
            assertThat(payload.path("documentName").asText()).isEqualTo(name);
            assertThat(checked.path("qrPayload").asText()).isEqualTo(qr);

            JsonNode confirmed = component(dossier, n, "confirm", "{}", RECEPTION);
            assertThat(confirmed.path("state").asText()).isEqualTo("CONFIRMED");
            assertThat(confirmed.path("confirmedBy").asText()).isNotBlank();
        }
        JsonNode exempt = component(dossier, 3, "exempt", "{\"reason\":\"PRESENT_ONLY\"}", RECEPTION);
        assertThat(exempt.path("state").asText()).isEqualTo("EXEMPT");
        assertThat(exempt.path("exemptionReason").asText()).isEqualTo("PRESENT_ONLY");

        assertThat(digitization(dossier, CITIZEN).path("complete").asBoolean())
                .as("every component confirmed or exempt, seen by the applicant too")
                .isTrue();
        HttpResponse<String> stranger = get("/api/v1/dossiers/" + dossier + "/digitization", OTHER_CITIZEN);
        assertThat(stranger.statusCode()).as(describe(stranger)).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aSignedResultIsAttachedAfterATamperedCopyAndAnUntrustedSignerAreRefused() throws Exception {
        act(dossier, "transfer", "{}", RECEPTION);
        Path dir = scratch();

        assertRefused(TrustedSigning.tamperedPdf(dir, "Nguyễn Văn Ký"), "TAMPERED");
        assertRefused(TrustedSigning.untrustedPdf(dir, "Người Lạ"), "UNTRUSTED");

        signedResult = TrustedSigning.signedPdf(dir, "Nguyễn Văn Ký");
        String documentId = uploaded(dossier, "ket-qua.pdf", signedResult, SPECIALIST);
        HttpResponse<String> report = get("/api/v1/documents/" + documentId + "/signature", SPECIALIST);
        assertThat(report.statusCode()).as(describe(report)).isEqualTo(200);
        JsonNode verdict = json.readTree(report.body());
        assertThat(verdict.path("verdict").asText()).isEqualTo("VALID");
        assertThat(verdict.path("signatures").get(0).path("signerName").asText())
                .isEqualTo("Nguyễn Văn Ký");

        HttpResponse<String> attached =
                post("/api/v1/dossiers/" + dossier + "/result", "{\"documentId\":\"" + documentId + "\"}", SPECIALIST);
        assertThat(attached.statusCode()).as(describe(attached)).isEqualTo(200);
        JsonNode result = json.readTree(attached.body());
        assertThat(result.path("documentId").asText()).isEqualTo(documentId);
        assertThat(result.path("signature").path("verdict").asText()).isEqualTo("VALID");
        assertThat(digitization(dossier, SPECIALIST)
                        .path("result")
                        .path("documentId")
                        .asText())
                .isEqualTo(documentId);
    }

    @Test
    @Order(3)
    void theIssuedResultLandsInTheCitizensWarehouse() throws Exception {
        act(dossier, "issue-result", "{\"resultNote\":\"Giấy khai sinh điện tử\"}", CLERK);

        resultItem = awaitWarehouseItem(
                CITIZEN,
                item -> "RESULT".equals(item.path("kind").asText())
                        && dossier.equals(item.path("dossierCode").asText()));
        assertThat(resultItem.path("valid").asBoolean()).isTrue();
        assertThat(resultItem.path("procedureCode").asText()).isEqualTo(BIRTH);
        JsonNode component = awaitWarehouseItem(
                CITIZEN,
                item -> "COMPONENT".equals(item.path("kind").asText())
                        && dossier.equals(item.path("dossierCode").asText()));
        assertThat(component.path("documentId").asText()).isNotBlank();

        HttpResponse<byte[]> content =
                download("/api/v1/documents/" + resultItem.path("documentId").asText() + "/content", CITIZEN);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(sha256(content.body()))
                .as("the signed result, byte for byte")
                .isEqualTo(sha256(signedResult));

        HttpResponse<String> own =
                get("/api/v1/me/warehouse/" + resultItem.path("id").asText(), CITIZEN);
        assertThat(own.statusCode()).as(describe(own)).isEqualTo(200);
        HttpResponse<String> other =
                get("/api/v1/me/warehouse/" + resultItem.path("id").asText(), OTHER_CITIZEN);
        assertThat(other.statusCode()).as(describe(other)).isEqualTo(404);

        act(dossier, "return-result", "{\"channel\":\"COUNTER\"}", RECEPTION);
    }

    @Test
    @Order(4)
    void theCitizensNextOnlineDossierReusesTheResultWithoutAnUpload() throws Exception {
        HttpResponse<String> submitted = post("/api/v1/citizen/dossiers", MatrixFixtures.onlineDossierBody(), CITIZEN);
        assertThat(submitted.statusCode()).as(describe(submitted)).isEqualTo(201);
        String online = json.readTree(submitted.body()).path("code").asText();

        JsonNode filled = component(
                online,
                1,
                "fill-from-warehouse",
                "{\"warehouseItemId\":\"" + resultItem.path("id").asText() + "\"}",
                CITIZEN);
        assertThat(filled.path("fromWarehouse").asBoolean())
                .as(filled.toString())
                .isTrue();
        assertThat(filled.path("reused").asBoolean()).isTrue();
        assertThat(filled.path("source").asText()).isEqualTo("WAREHOUSE");
        assertThat(filled.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(filled.path("warehouseItemId").asText())
                .isEqualTo(resultItem.path("id").asText());
        assertThat(filled.path("documentId").asText())
                .as("the warehouse's document, not a new upload")
                .isEqualTo(resultItem.path("documentId").asText());

        JsonNode seenByDesk = digitization(online, RECEPTION).path("components").get(0);
        assertThat(seenByDesk.path("reused").asBoolean()).isTrue();
        assertThat(seenByDesk.path("fromWarehouse").asBoolean()).isTrue();
    }

    private void assertRefused(byte[] pdf, String verdict) throws Exception {
        String documentId = uploaded(dossier, verdict.toLowerCase(java.util.Locale.ROOT) + ".pdf", pdf, SPECIALIST);
        HttpResponse<String> report = get("/api/v1/documents/" + documentId + "/signature", SPECIALIST);
        assertThat(report.statusCode()).as(describe(report)).isEqualTo(200);
        assertThat(json.readTree(report.body()).path("verdict").asText()).isEqualTo(verdict);

        HttpResponse<String> refused =
                post("/api/v1/dossiers/" + dossier + "/result", "{\"documentId\":\"" + documentId + "\"}", SPECIALIST);
        assertThat(refused.statusCode()).as(describe(refused)).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("reason").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(digitization(dossier, SPECIALIST).path("result").isNull())
                .as("nothing attached")
                .isTrue();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
