package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provincial report viewer in a real browser (browser/reports.journey.cjs): the daily receptions report for a date
 * range, for the province and for one commune, downloaded as CSV. A dossier is received at Xã Ngọc Sơn first (REST),
 * so the range has at least one row whatever the other tests did.
 */
class ConsoleReportsJourneyIT extends SystemTest {

    private static final Duration REPORT_WAIT = Duration.ofSeconds(60);
    private static final String DOSSIER = """
            {"procedureCode":"1.001193",
             "applicant":{"fullName":"Phạm Văn Báo","citizenId":"030090004321","phone":"0912345678",
                          "address":"Thôn Đông, xã Ngọc Sơn"},
             "channel":"COUNTER"}""";

    @Test
    void aReportViewerSeesDailyReceptionsForADateRange() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        HttpResponse<String> received = post("/api/v1/dossiers", DOSSIER, "mc.ngocson");
        assertThat(received.statusCode()).as(describe(received)).isEqualTo(201);
        awaitReportRow(today);

        String log = BrowserJourney.run(
                platform,
                "reports.journey.cjs",
                Map.of("FROM", today.minusDays(7).toString(), "TO", today.toString()));
        assertThat(log)
                .contains(
                        "step: the report for this month",
                        "step: the report for a date range",
                        "step: the report for one commune",
                        "step: the report downloaded as CSV",
                        "journey reports: ok");
    }

    /** The report is a projection of the dossier feed: wait until today's row of 11077 is there. */
    private void awaitReportRow(LocalDate today) throws Exception {
        long deadline = System.nanoTime() + REPORT_WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = get(
                    "/api/v1/reports/daily-receptions?unitCode=11077&from=" + today + "&to=" + today, "bc.haiduong");
            assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
            for (JsonNode row : json.readTree(response.body()).path("rows")) {
                if ("11077".equals(row.path("unitCode").asText())
                        && row.path("received").asInt() > 0) {
                    return;
                }
            }
            assertThat(System.nanoTime())
                    .as("today's reception row in the report")
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
