package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Digitization in a real browser (browser/digitization.journey.cjs), in three parts with the workflow moved on
 * through the API in between, as the people at the other desks would: the reception officer digitizes a component
 * of a counter birth registration (upload through the file input, check against the original, confirm) and exempts
 * the present-only one; after the transfer the specialist attaches a result signed by a signer of the run's trusted
 * CA ({@link TrustedSigning}) and sees the signature valid; after the clerk issued the result the desk certifies an
 * electronic copy for congdan.an, who finds result, digitized paper and copy in "Kho dữ liệu của tôi" and fills a
 * component of a new online dossier from it. The API then confirms what the screens showed.
 */
class ConsoleDigitizationJourneyIT extends DigitizationSystemTest {

    private static final String RESULT_SIGNER = "Phạm Thị Hoa";
    private static final String COPY_SIGNER = "Trần Văn Bình";
    private static final String SCRIPT = "digitization.journey.cjs";

    @Test
    void theDeskDigitizesTheSpecialistAttachesASignedResultAndTheCitizenReusesIt() throws Exception {
        Path dir = Files.createDirectories(scratch().resolve("console"));
        String dossier = counterDossier();

        assertThat(part("desk", Map.of("DOSSIER_CODE", dossier)))
                .contains(
                        "step: officer uploaded the scan of component 1",
                        "step: officer checked component 1 against the original",
                        "step: component 1 is digitized",
                        "step: the present-only component is exempt");
        JsonNode components = digitization(dossier, RECEPTION).path("components");
        assertThat(components.get(0).path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(components.get(0).path("source").asText()).isEqualTo("SCAN");
        assertThat(components.get(0).path("documentVersion").path("origin").asText())
                .as("confirmed on the QR-stamped version: %s", components.get(0))
                .isEqualTo("QR_STAMPED");
        assertThat(components.get(1).path("state").asText()).isEqualTo("PENDING");
        assertThat(components.get(2).path("state").asText()).isEqualTo("EXEMPT");
        assertThat(components.get(2).path("exemptionReason").asText()).isEqualTo("PRESENT_ONLY");

        act(dossier, "transfer", "{}", RECEPTION);
        Path result = Files.write(dir.resolve("ket-qua-khai-sinh.pdf"), TrustedSigning.signedPdf(dir, RESULT_SIGNER));
        assertThat(part(
                        "result",
                        Map.of(
                                "DOSSIER_CODE",
                                dossier,
                                "RESULT_PDF",
                                result.toString(),
                                "RESULT_SIGNER",
                                RESULT_SIGNER)))
                .contains("step: specialist attached the signed result");
        JsonNode attached = digitization(dossier, SPECIALIST).path("result");
        assertThat(attached.path("signature").path("verdict").asText())
                .as(attached.toString())
                .isEqualTo("VALID");
        assertThat(attached.path("attachedBy").asText()).isEqualTo(SPECIALIST);

        act(dossier, "issue-result", "{\"resultNote\":\"Giấy khai sinh điện tử\"}", CLERK);
        JsonNode resultItem = awaitWarehouseItem(
                CITIZEN,
                item -> "RESULT".equals(item.path("kind").asText())
                        && dossier.equals(item.path("dossierCode").asText()));
        HttpResponse<String> submitted = post("/api/v1/citizen/dossiers", MatrixFixtures.onlineDossierBody(), CITIZEN);
        assertThat(submitted.statusCode()).as(describe(submitted)).isEqualTo(201);
        String online = json.readTree(submitted.body()).path("code").asText();
        Path copy = Files.write(dir.resolve("ban-sao-bang-tot-nghiep.pdf"), TrustedSigning.signedPdf(dir, COPY_SIGNER));

        assertThat(part(
                        "citizen",
                        Map.of(
                                "DOSSIER_CODE",
                                dossier,
                                "ONLINE_CODE",
                                online,
                                "COPY_PDF",
                                copy.toString(),
                                "OWNER_ID",
                                APPLICANT_ID)))
                .contains(
                        "step: the certified copy is in the register",
                        "step: citizen sees the result, the digitized paper and the certified copy in the warehouse",
                        "step: component 1 is filled from the warehouse");
        JsonNode filled = digitization(online, CITIZEN).path("components").get(0);
        assertThat(filled.path("state").asText()).as(filled.toString()).isEqualTo("CONFIRMED");
        assertThat(filled.path("fromWarehouse").asBoolean()).isTrue();
        assertThat(filled.path("reused").asBoolean()).isTrue();
        assertThat(filled.path("warehouseItemId").asText())
                .as("the result picked in the browser")
                .isEqualTo(resultItem.path("id").asText());
        HttpResponse<String> register = get("/api/v1/units/11077/certified-copies?pageSize=50", RECEPTION);
        assertThat(register.statusCode()).as(describe(register)).isEqualTo(200);
        assertThat(json.readTree(register.body()).path("copies").findValuesAsText("ownerId"))
                .contains(APPLICANT_ID);
    }

    /** Runs one part of the journey (the script's PART) and answers its output. */
    private String part(String name, Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("PART", name);
        String log = BrowserJourney.run(platform, SCRIPT, all);
        assertThat(log).contains("journey digitization-" + name + ": ok");
        return log;
    }
}
