package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console defects issue 17 reported, each seen in the browser where a person meets it
 * (browser/defects.journey.cjs): Vietnamese dates, announced lookup, focus and title on opening a dossier, units by
 * name, no English on a not-found page, a citizen header without "undefined".
 */
class ConsoleDefectsJourneyIT extends SystemTest {

    @Test
    void theReportedDefectsAreGoneFromTheConsole() throws Exception {
        HttpResponse<String> received = post("/api/v1/dossiers", """
                {"procedureCode":"1.001193","channel":"COUNTER",
                 "applicant":{"fullName":"Nguyễn Văn An","citizenId":"030090001234","phone":"0912345678",
                              "address":"Thôn Đông, xã Ngọc Sơn"}}""", "mc.ngocson");
        assertThat(received.statusCode()).as(describe(received)).isEqualTo(201);
        JsonNode dossier = json.readTree(received.body());

        String log = BrowserJourney.run(
                platform,
                "defects.journey.cjs",
                Map.of(
                        "DOSSIER_CODE", dossier.path("code").asText(),
                        "LOOKUP_KEY", dossier.path("lookupKey").asText()));

        assertThat(log)
                .contains(
                        "step: lookup result announced (defects 8, 9)",
                        "step: dossier page asks an anonymous visitor to log in (defect 5)",
                        "step: dossier opened: focus, title, unit names, dates (defects 7, 8, 9)",
                        "step: unknown dossier: Vietnamese, way back (defect 5)",
                        "step: citizen header (defect 1)",
                        "journey defects: ok");
    }
}
