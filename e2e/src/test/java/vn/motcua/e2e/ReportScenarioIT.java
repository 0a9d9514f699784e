package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.motcua.e2e.ReportScenario.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 13's "done when", end to end over REST as the demo users (and the officers a district would add): the
 * scenario of {@link ReportScenario} is imported from an old system's files, and form II.06a, the Decision 766 scores
 * and their drill-downs match the figures worked out by hand at commune, district and province level; a commune's
 * correction after submitting is version 2 with its diff and the district's consolidation shows it; the province's
 * puller pulls the consolidated XLSX with its machine token and the file reads back with the official layout; a rebuild
 * of the projection from seq 0 exports the same bytes as the incremental state, and so does a rebuild interrupted by
 * kill -9 of report-service and a restart.
 *
 * <p>It runs on the shared platform: report-service is started again after the kill, also when a test fails
 * half-way ({@link #leaveReportServiceRunning}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportScenarioIT extends ReportSystemTest {

    private static final String REPORT_SERVICE = "report-service";
    private static final String II06A = "/api/v1/reports/ii06a";
    private static final String INDICATORS = "/api/v1/reports/indicators";
    private static final String SUBMISSIONS = "/api/v1/reports/submissions";
    /** 766 periods are calendar ones whatever the request says; the window is left out. */
    private static final String PERIOD_766 = "periodKind=QUARTER&year=2026&number=2";
    /**
     * Dossiers of 2024 re-applied by each rebuild, a page of 1000 per transaction: a replay long enough to kill
     * report-service when part of it is applied and part is not.
     */
    private static final int BULK_ROWS = 5_000;

    private static final Set<String> SCENARIO_UNITS = Set.of(PROVINCE, DISTRICT, NGOC_SON, KY_SON, DAI_DONG);

    /** The exports of the incremental state (before any rebuild), by name. */
    private Map<String, byte[]> incremental;

    @BeforeAll
    void importTheScenario() throws Exception {
        awaitCaughtUp();
        ensureDistrictOfficers();
        importScenario();
        // the procedures' fields and paper-result flags come from dossier-service's feed: all of it applied
        awaitCaughtUp();
    }

    @AfterAll
    void leaveReportServiceRunning() throws Exception {
        if (platform != null && platform.process(REPORT_SERVICE).isEmpty()) {
            platform.startService(REPORT_SERVICE);
            awaitStatus("reachable again", s -> true);
        }
    }

    // --- form II.06a ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void formII06aMatchesTheHandComputedRowsOfEachCommuneTheDistrictAndTheProvince() throws Exception {
        String query = "?unitCode=298&grouping=UNIT&" + PERIOD;
        JsonNode district = read(II06A + query, DISTRICT_VIEWER);
        assertThat(district.path("period").path("from").asText()).isEqualTo("2026-04-01");
        assertThat(district.path("period").path("to").asText()).isEqualTo("2026-06-30");
        assertThat(district.path("timelinessRule").asText()).isEqualTo("DAY");
        assertThat(district.path("grouping").asText()).isEqualTo("UNIT");
        Map<String, Map<String, Long>> rows = unitRows(district);
        assertThat(rows.get(DISTRICT)).as("298's own dossiers").isEqualTo(DISTRICT_OWN_ROW);
        assertThat(rows.get(NGOC_SON)).as("11077").isEqualTo(NGOC_SON_ROW);
        assertThat(rows.get(KY_SON)).as("11080").isEqualTo(KY_SON_ROW);
        assertThat(rows.get(DAI_DONG)).as("11083").isEqualTo(DAI_DONG_ROW);
        assertOthersZero(rows);
        assertThat(rows.keySet())
                .as("the report's root has its total, not a subtotal row")
                .noneMatch(k -> k.endsWith(":subtotal"));
        assertThat(counts(district.path("total"))).as("298's total").isEqualTo(DISTRICT_TOTAL);

        // the district's leader reads the same figures as its report viewer
        assertThat(unitRows(read(II06A + query, DISTRICT_LEADER))).isEqualTo(rows);

        JsonNode province = read(II06A + "?unitCode=30&grouping=UNIT&" + PERIOD, "bc.haiduong");
        Map<String, Map<String, Long>> all = unitRows(province);
        assertThat(all.get(PROVINCE)).as("30's own dossiers").isEqualTo(PROVINCE_OWN_ROW);
        assertThat(all.get(DISTRICT + ":subtotal")).as("298's subtotal").isEqualTo(DISTRICT_TOTAL);
        assertThat(all.get(DISTRICT)).isEqualTo(DISTRICT_OWN_ROW);
        assertThat(all.get(NGOC_SON)).isEqualTo(NGOC_SON_ROW);
        assertThat(all.get(KY_SON)).isEqualTo(KY_SON_ROW);
        assertThat(all.get(DAI_DONG)).isEqualTo(DAI_DONG_ROW);
        assertOthersZero(all);
        assertThat(counts(province.path("total"))).as("the province's total").isEqualTo(PROVINCE_TOTAL);
        Map<String, Integer> depth = new HashMap<>();
        province.path("rows")
                .forEach(r -> depth.put(
                        r.path("unit").path("code").asText(),
                        r.path("unit").path("depth").asInt()));
        assertThat(depth).containsEntry(PROVINCE, 0).containsEntry(DISTRICT, 1).containsEntry(NGOC_SON, 2);
    }

    @Test
    @Order(2)
    void theFieldRowsAddUpToTheSameTotals() throws Exception {
        JsonNode province = read(II06A + "?unitCode=30&grouping=FIELD&" + PERIOD, "bc.haiduong");
        assertThat(fieldRows(province)).as("the province's fields, in order").isEqualTo(PROVINCE_FIELDS);
        assertThat(List.copyOf(fieldRows(province).keySet()))
                .as("Vietnamese order, Khác last")
                .containsExactly(CHUNG_THUC, HO_TICH, HO_KINH_DOANH, KHAC);
        assertThat(counts(province.path("total"))).isEqualTo(PROVINCE_TOTAL);

        JsonNode district = read(II06A + "?unitCode=298&grouping=FIELD&" + PERIOD, DISTRICT_LEADER);
        assertThat(fieldRows(district)).as("the district's fields").isEqualTo(DISTRICT_FIELDS);
        assertThat(counts(district.path("total"))).isEqualTo(DISTRICT_TOTAL);
    }

    @Test
    @Order(3)
    void aCommuneOfficerSeesOnlyTheirCommuneAndNoUnitAboveOrBeside() throws Exception {
        JsonNode own = read(II06A + "?grouping=UNIT&" + PERIOD, "mc.ngocson");
        assertThat(own.path("unit").path("code").asText()).isEqualTo(NGOC_SON);
        assertThat(unitRows(own)).containsOnlyKeys(NGOC_SON);
        assertThat(counts(own.path("total"))).isEqualTo(NGOC_SON_ROW);

        for (String elsewhere : List.of(DISTRICT, PROVINCE, KY_SON)) {
            HttpResponse<String> ii06a = get(II06A + "?unitCode=" + elsewhere + "&" + PERIOD, "mc.ngocson");
            assertThat(ii06a.statusCode()).as(describe(ii06a)).isEqualTo(404);
            HttpResponse<String> scores =
                    get(INDICATORS + "?unitCode=" + elsewhere + "&subtree=true&" + PERIOD_766, "mc.ngocson");
            assertThat(scores.statusCode()).as(describe(scores)).isEqualTo(404);
        }

        // the same quarter in Decree 09/2019's cut-off window: 15/03 to 14/06
        JsonNode cutoff =
                read(II06A + "?grouping=UNIT&periodKind=QUARTER&year=2026&number=2&window=CUTOFF_15", "mc.ngocson");
        assertThat(cutoff.path("period").path("from").asText()).isEqualTo("2026-03-15");
        assertThat(cutoff.path("period").path("to").asText()).isEqualTo("2026-06-14");
        assertThat(counts(cutoff.path("total"))).isEqualTo(NGOC_SON_CUTOFF_ROW);
    }

    // --- Decision 766 ----------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    void the766ScoresMatchTheHandComputedOnesAtCommuneDistrictAndProvinceLevel() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Scores expected : SCORES) {
            JsonNode scores = read(
                    INDICATORS + "?unitCode=" + expected.unit() + "&subtree=" + expected.subtree() + "&" + PERIOD_766,
                    expected.unit().equals(PROVINCE) ? "bc.haiduong" : DISTRICT_VIEWER);
            String scope = expected.unit() + (expected.subtree() ? " subtree" : " own");
            assertThat(scores.path("period").path("from").asText()).isEqualTo("2026-04-01");
            for (Score e : expected.scores()) {
                JsonNode s = indicator(scores, e.id());
                Score actual = new Score(
                        e.id(),
                        s.path("numerator").asLong(),
                        s.path("denominator").asLong(),
                        text(s.path("ratioPercent")),
                        text(s.path("score")));
                if (!actual.equals(e)) {
                    mismatches.add(scope + ": expected " + e + " but was " + actual);
                }
            }
            Map<String, Object> payment = Map.of(
                    "percent", String.valueOf(text(scores.path("onlinePaymentPercent"))),
                    "target", scores.path("onlinePaymentTargetPercent").asText(),
                    "met", scores.path("onlinePaymentTargetMet").asBoolean());
            Map<String, Object> expectedPayment =
                    Map.of("percent", expected.paymentPercent(), "target", "30", "met", expected.targetMet());
            if (!payment.equals(expectedPayment)) {
                mismatches.add(scope + ": online payment expected " + expectedPayment + " but was " + payment);
            }
        }
        assertThat(mismatches).as("766 figures unlike the hand-computed ones").isEmpty();
    }

    @Test
    @Order(5)
    void theDrillDownListsExactlyTheDossiersOfEachNumeratorAndDenominator() throws Exception {
        assertDrillDown(DISTRICT, "2.1", ON_TIME_298_NUMERATOR, ON_TIME_298_DENOMINATOR);
        assertDrillDown(DISTRICT, "3.6", PAID_ONLINE_298_NUMERATOR, PAID_ONLINE_298_DENOMINATOR);
        assertDrillDown(NGOC_SON, "4.1", E_RESULT_11077_NUMERATOR, E_RESULT_11077_DENOMINATOR);
    }

    /**
     * Both sides of one indicator of a unit's subtree list exactly the expected codes, every one imported, and their
     * totals are the score's numerator and denominator.
     */
    private void assertDrillDown(String unit, String id, List<String> numerator, List<String> denominator)
            throws Exception {
        JsonNode score =
                indicator(read(INDICATORS + "?unitCode=" + unit + "&subtree=true&" + PERIOD_766, DISTRICT_VIEWER), id);
        assertThat(score.path("drillable").asBoolean()).as(score.toString()).isTrue();
        for (String side : List.of("numerator", "denominator")) {
            List<String> expected = side.equals("numerator") ? numerator : denominator;
            List<JsonNode> dossiers = new ArrayList<>();
            long total = -1;
            String token = null;
            do {
                JsonNode page = read(
                        INDICATORS + "/" + id + "/dossiers?side=" + side + "&unitCode=" + unit + "&subtree=true&"
                                + PERIOD_766 + "&pageSize=10" + (token == null ? "" : "&pageToken=" + enc(token)),
                        DISTRICT_VIEWER);
                assertThat(page.path("indicatorId").asText()).isEqualTo(id);
                total = page.path("total").asLong();
                page.path("dossiers").forEach(dossiers::add);
                token = page.path("nextPageToken").isTextual()
                        ? page.path("nextPageToken").asText()
                        : null;
                assertThat(dossiers.size()).as("pages of %s %s", id, side).isLessThanOrEqualTo(expected.size());
            } while (token != null && !token.isEmpty());
            List<String> codes =
                    dossiers.stream().map(d -> d.path("dossierCode").asText()).toList();
            assertThat(codes).as("%s %s of %s", id, side, unit).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(dossiers)
                    .as("imported dossiers")
                    .allMatch(d -> d.path("imported").asBoolean());
            assertThat(total).as("%s %s total", id, side).isEqualTo(expected.size());
            assertThat(score.path(side).asLong()).as("%s score's %s", id, side).isEqualTo(expected.size());
        }
    }

    // --- submissions and consolidation ----------------------------------------------------------------------------

    @Test
    @Order(6)
    void aCorrectionAfterSubmittingIsVersion2WithItsDiffAndTheConsolidationsShowIt() throws Exception {
        JsonNode v1 = submit(NGOC_SON, "ld.ngocson", null);
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("submittedBy").asText()).isEqualTo("ld.ngocson");
        assertThat(v1.path("diff")).isEmpty();
        assertThat(v1.path("late").asBoolean())
                .as("Q2's leaf deadline (3 days after 30/06 at 16:00) is long past")
                .isTrue();
        assertThat(counts(v1.path("ii06a").path("total"))).isEqualTo(NGOC_SON_ROW);
        JsonNode kySon = submit(KY_SON, KY_SON_LEADER, null);
        assertThat(counts(kySon.path("ii06a").path("total"))).isEqualTo(KY_SON_ROW);

        // the correction: A7 was in fact decided on 16/06
        importHistory("admin.tuky", DISTRICT, NDJSON, A7_CORRECTED_JSONL);
        assertThat(counts(
                        read(II06A + "?unitCode=11077&" + PERIOD, "ld.ngocson").path("total")))
                .as("11077 live, corrected")
                .isEqualTo(NGOC_SON_CORRECTED);
        JsonNode frozen = read(SUBMISSIONS + "/" + v1.path("submissionId").asText(), DISTRICT_VIEWER);
        assertThat(counts(frozen.path("ii06a").path("total")))
                .as("version 1 stays as submitted")
                .isEqualTo(NGOC_SON_ROW);

        HttpResponse<String> silent = post(SUBMISSIONS, submissionBody(NGOC_SON, null), "ld.ngocson");
        assertThat(silent.statusCode())
                .as("a correction without a reason: %s", describe(silent))
                .isEqualTo(400);

        String reason = "Bổ sung kết quả hồ sơ H30.11077-260610-0007 đã giải quyết ngày 16/06/2026";
        JsonNode v2 = submit(NGOC_SON, "ld.ngocson", reason);
        JsonNode version2 = read(SUBMISSIONS + "/" + v2.path("submissionId").asText(), DISTRICT_VIEWER);
        assertThat(version2.path("version").asInt()).isEqualTo(2);
        assertThat(version2.path("reason").asText()).isEqualTo(reason);
        assertThat(version2.path("submittedBy").asText()).isEqualTo("ld.ngocson");
        assertThat(version2.path("submittedAt").asText()).isNotBlank();
        assertThat(version2.path("late").asBoolean()).isTrue();
        assertThat(counts(version2.path("ii06a").path("total"))).isEqualTo(NGOC_SON_CORRECTED);
        List<String> diff = new ArrayList<>();
        version2.path("diff")
                .forEach(d -> diff.add(d.path("rowKey").asText() + " "
                        + d.path("column").asText() + " " + d.path("before").asLong() + "→"
                        + d.path("after").asLong()));
        assertThat(diff)
                .as("A7 moved from in progress overdue to resolved early, in 11077's row and in the total")
                .containsExactly(
                        "11077 resolved 7→8",
                        "11077 resolved_early 3→4",
                        "11077 in_progress 3→2",
                        "11077 in_progress_overdue 2→1",
                        "total resolved 7→8",
                        "total resolved_early 3→4",
                        "total in_progress 3→2",
                        "total in_progress_overdue 2→1");
        JsonNode versions = read(SUBMISSIONS + "?unitCode=11077&kind=ii06a&" + PERIOD, DISTRICT_VIEWER);
        List<String> ids = new ArrayList<>();
        versions.path("submissions").forEach(v -> ids.add(v.path("submissionId").asText()));
        assertThat(ids)
                .as("newest first")
                .containsExactly(
                        v2.path("submissionId").asText(),
                        v1.path("submissionId").asText());

        // the district's consolidation: 11077 at version 2, 11080 at version 1, the other communes missing
        JsonNode consolidation =
                read("/api/v1/reports/consolidation?unitCode=298&kind=ii06a&" + PERIOD, DISTRICT_LEADER);
        Map<String, JsonNode> sources = sources(consolidation.path("sources"));
        assertSource(sources.get(NGOC_SON), 2, v2.path("submissionId").asText());
        assertSource(sources.get(KY_SON), 1, kySon.path("submissionId").asText());
        assertThat(sources.get(DAI_DONG).path("missing").asBoolean()).isTrue();
        assertThat(sources.get(DAI_DONG).path("version").asInt()).isZero();
        assertThat(sources.values().stream().filter(s -> !s.path("missing").asBoolean()))
                .as("only 11077 and 11080 submitted")
                .hasSize(2);
        Map<String, Map<String, Long>> rows = unitRows(consolidation.path("ii06a"));
        assertThat(rows)
                .containsOnlyKeys(DISTRICT, NGOC_SON, KY_SON)
                .containsEntry(DISTRICT, DISTRICT_OWN_ROW)
                .containsEntry(NGOC_SON, NGOC_SON_CORRECTED)
                .containsEntry(KY_SON, KY_SON_ROW);
        assertThat(counts(consolidation.path("ii06a").path("total"))).isEqualTo(CONSOLIDATED_298);

        // the district submits its consolidation; the province's consolidation takes it
        JsonNode district = submit(DISTRICT, DISTRICT_LEADER, null);
        assertThat(counts(district.path("ii06a").path("total"))).isEqualTo(CONSOLIDATED_298);
        Map<String, JsonNode> from = sources(district.path("sources"));
        assertThat(from.get(NGOC_SON).path("version").asInt()).isEqualTo(2);
        JsonNode province = read("/api/v1/reports/consolidation?unitCode=30&kind=ii06a&" + PERIOD, "bc.haiduong");
        assertSource(
                sources(province.path("sources")).get(DISTRICT),
                1,
                district.path("submissionId").asText());
        assertThat(counts(province.path("ii06a").path("total"))).isEqualTo(CONSOLIDATED_30);

        // a period whose deadline is still ahead is not late
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
        HttpResponse<String> onTime = post(
                SUBMISSIONS,
                "{\"unitCode\":\"11080\",\"kind\":\"II06A\",\"period\":{\"kind\":\"RANGE\",\"from\":\""
                        + yesterday.minusDays(6) + "\",\"to\":\"" + yesterday + "\"}}",
                KY_SON_LEADER);
        assertThat(onTime.statusCode()).as(describe(onTime)).isEqualTo(201);
        assertThat(json.readTree(onTime.body()).path("late").asBoolean()).isFalse();
    }

    private JsonNode submit(String unit, String leader, String reason) throws Exception {
        HttpResponse<String> submitted = post(SUBMISSIONS, submissionBody(unit, reason), leader);
        assertThat(submitted.statusCode()).as(describe(submitted)).isEqualTo(201);
        JsonNode submission = json.readTree(submitted.body());
        assertThat(submitted.headers().firstValue("Location"))
                .hasValue(SUBMISSIONS + "/" + submission.path("submissionId").asText());
        return submission;
    }

    private static String submissionBody(String unit, String reason) {
        return "{\"unitCode\":\"" + unit + "\",\"kind\":\"II06A\",\"period\":" + PERIOD_BODY
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    private static void assertSource(JsonNode source, int version, String submissionId) {
        assertThat(source).as("a source").isNotNull();
        assertThat(source.path("missing").asBoolean()).as(source.toString()).isFalse();
        assertThat(source.path("version").asInt()).as(source.toString()).isEqualTo(version);
        assertThat(source.path("submissionId").asText()).as(source.toString()).isEqualTo(submissionId);
        assertThat(source.path("late").asBoolean())
                .as("submitted months after the deadline: %s", source)
                .isTrue();
    }

    private static Map<String, JsonNode> sources(JsonNode list) {
        Map<String, JsonNode> byUnit = new LinkedHashMap<>();
        list.forEach(s -> byUnit.put(s.path("unit").path("code").asText(), s));
        return byUnit;
    }

    // --- the province's pull -------------------------------------------------------------------------------------

    @Test
    @Order(7)
    void theProvincePullsTheDistrictsConsolidatedXlsxWithItsMachineTokenInTheOfficialLayout() throws Exception {
        String path =
                "/api/v1/machine/reports/export?unitCode=298&kind=ii06a&format=xlsx&source=consolidated&" + PERIOD;
        HttpResponse<byte[]> file = download(path, machineToken(), null);
        assertThat(file.statusCode())
                .as("%s -> %s", path, new String(file.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(XLSX));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment").endsWith(".xlsx\""));
        String etag = file.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[^\"]+\"");

        HttpResponse<byte[]> again = download(path, machineToken(), etag);
        assertThat(again.statusCode()).as("the same figures again").isEqualTo(304);
        assertThat(again.body()).isEmpty();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cellsOf(sheet)).as("the form's number").contains("Biểu số II.06a/VPCP/KSTT");
            assertThat(cellsOf(sheet))
                    .as("the period")
                    .anyMatch(t -> t.startsWith("Kỳ báo cáo") && t.contains("01/04/2026") && t.contains("30/06/2026"));

            Row numbers = rowWith(sheet, "(1)");
            Map<String, Integer> column = new HashMap<>();
            numbers.forEach(c -> column.put(text(c), c.getColumnIndex()));
            for (int n = 1; n <= 13; n++) {
                assertThat(column).as("column number (%d)", n).containsKey("(" + n + ")");
                if (n > 1) {
                    assertThat(column.get("(" + n + ")")).isEqualTo(column.get("(" + (n - 1) + ")") + 1);
                }
            }
            // the group headers are merged over exactly their columns: (3)-(6), (7)-(10), (11)-(13)
            assertGroup(sheet, "Số hồ sơ nhận giải quyết", column.get("(3)"), column.get("(6)"), numbers);
            assertGroup(sheet, "Số lượng hồ sơ đã giải quyết", column.get("(7)"), column.get("(10)"), numbers);
            assertGroup(sheet, "Số lượng hồ sơ đang giải quyết", column.get("(11)"), column.get("(13)"), numbers);

            Map<String, Map<String, Long>> printed = new LinkedHashMap<>();
            for (int r = numbers.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(column.get("(2)")) == null) {
                    continue;
                }
                Cell first = row.getCell(column.get("(3)"));
                if (first == null || first.getCellType() != CellType.NUMERIC) {
                    continue;
                }
                Map<String, Long> figures = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    String label = i < 11 ? "(" + (i + 3) + ")" : "(" + (char) ('a' + i - 11) + ")";
                    assertThat(column).as("column %s", label).containsKey(label);
                    figures.put(COLUMNS.get(i), (long)
                            row.getCell(column.get(label)).getNumericCellValue());
                }
                printed.put(text(row.getCell(column.get("(2)"))), figures);
            }
            assertThat(printed.keySet())
                    .as("one row per unit in, then the total")
                    .hasSize(4)
                    .last()
                    .isEqualTo("Tổng cộng");
            assertThat(rowStarting(printed, "Huyện Tứ Kỳ")).isEqualTo(DISTRICT_OWN_ROW);
            assertThat(rowStarting(printed, "Xã Ngọc Sơn")).isEqualTo(NGOC_SON_CORRECTED);
            assertThat(rowStarting(printed, "Xã Kỳ Sơn")).isEqualTo(KY_SON_ROW);
            assertThat(printed.get("Tổng cộng")).isEqualTo(CONSOLIDATED_298);
            assertThat(cellsOf(sheet))
                    .as("the units that have not submitted are named")
                    .anyMatch(t ->
                            t.startsWith("Đơn vị chưa nộp") && t.contains("Xã Đại Đồng") && !t.contains("Xã Ngọc Sơn"));
        }

        // the same consolidation as JSON on the puller's route
        HttpResponse<byte[]> consolidation = download(
                "/api/v1/machine/reports/consolidation?unitCode=298&kind=ii06a&" + PERIOD, machineToken(), null);
        assertThat(consolidation.statusCode()).isEqualTo(200);
        assertThat(counts(json.readTree(consolidation.body()).path("ii06a").path("total")))
                .isEqualTo(CONSOLIDATED_298);
    }

    private static void assertGroup(Sheet sheet, String text, int firstColumn, int lastColumn, Row numbers) {
        CellRangeAddress region = null;
        for (CellRangeAddress r : sheet.getMergedRegions()) {
            Cell cell = sheet.getRow(r.getFirstRow()) == null
                    ? null
                    : sheet.getRow(r.getFirstRow()).getCell(r.getFirstColumn());
            if (cell != null && text.equals(text(cell))) {
                region = r;
            }
        }
        assertThat(region).as("a merged header cell \"%s\"", text).isNotNull();
        assertThat(region.getFirstColumn())
                .as("%s starts over its first column", text)
                .isEqualTo(firstColumn);
        assertThat(region.getLastColumn())
                .as("%s ends over its last column", text)
                .isEqualTo(lastColumn);
        assertThat(region.getLastRow())
                .as("%s is a header above the column numbers", text)
                .isLessThan(numbers.getRowNum());
    }

    private static Row rowWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (text.equals(text(cell))) {
                    return row;
                }
            }
        }
        throw new AssertionError("no cell \"" + text + "\" in the sheet: " + cellsOf(sheet));
    }

    private static List<String> cellsOf(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String t = text(cell);
                if (!t.isBlank()) {
                    texts.add(t);
                }
            }
        }
        return texts;
    }

    private static String text(Cell cell) {
        return new DataFormatter().formatCellValue(cell).strip();
    }

    private static Map<String, Long> rowStarting(Map<String, Map<String, Long>> printed, String name) {
        return printed.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + name + " in " + printed.keySet()));
    }

    // --- rebuilds -------------------------------------------------------------------------------------------------

    @Test
    @Order(8)
    void aRebuildFromSeqZeroExportsTheSameBytesAsTheIncrementalState() throws Exception {
        JsonNode bulk = importHistory("admin.tuky", DISTRICT, NDJSON, ReportScenario.bulkHistory2024(BULK_ROWS));
        assertThat(bulk.path("rowsImported").asLong()).isEqualTo(BULK_ROWS);
        JsonNode before = awaitCaughtUp();
        incremental = exports();

        long generation = rebuild("Kiểm thử: dựng lại số liệu từ đầu");
        assertThat(generation).isGreaterThan(before.path("generation").asLong());
        awaitRebuilt(generation, before);

        assertSameBytes(incremental, exports());
    }

    @Test
    @Order(9)
    void aKillDuringTheReplayAndARestartExportTheSameBytesAsAnUninterruptedRun() throws Exception {
        assumeTrue(incremental != null, "needs the exports of the incremental state");
        JsonNode before = awaitCaughtUp();
        JsonNode midway = null;
        long generation = 0;
        for (int attempt = 1; midway == null; attempt++) {
            // thousands of imported rows take a while to re-apply: a status half-way is all but certain
            assertThat(attempt).as("rebuilds started to see one replaying").isLessThanOrEqualTo(3);
            generation = rebuild("Kiểm thử: dựng lại số liệu, bị ngắt giữa chừng");
            midway = replaying(generation, before);
            if (midway == null) {
                awaitRebuilt(generation, before);
            }
        }
        ProcessHandle service = platform.process(REPORT_SERVICE).orElseThrow();
        assertThat(service.destroyForcibly())
                .as("SIGKILL sent to report-service")
                .isTrue();
        service.onExit().get(60, TimeUnit.SECONDS);
        System.out.println("[e2e] report-service killed during the replay of generation " + generation + ": " + midway);

        platform.startService(REPORT_SERVICE);
        JsonNode after = awaitRebuilt(generation, before);
        assertThat(after.path("generation").asLong())
                .as("the restart resumed the same rebuild")
                .isEqualTo(generation);

        assertSameBytes(incremental, exports());
    }

    /**
     * Polls the status until it shows the rebuild's replay part-way: some of the imported dossiers re-applied and not
     * all, or a feed past seq 0 and behind its producer. Answers that status; null when the replay was over before
     * any status showed it part-way.
     */
    private JsonNode replaying(long generation, JsonNode before) throws Exception {
        long facts = before.path("dossierFacts").asLong();
        long imported = before.path("importedFacts").asLong();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            JsonNode status = projectionStatus("bc.haiduong");
            assertThat(status).as("report-service answers before the kill").isNotNull();
            assertThat(status.path("generation").asLong()).as(status.toString()).isEqualTo(generation);
            long reapplied = status.path("importedFacts").asLong();
            boolean feedHalfWay = false;
            for (JsonNode feed : status.path("feeds")) {
                long applied = feed.path("appliedSeq").asLong();
                feedHalfWay |=
                        applied > 0 && applied < feed.path("highWaterSeq").asLong();
            }
            if ((reapplied > 0 && reapplied < imported) || feedHalfWay) {
                return status;
            }
            if (status.path("importedFacts").asLong() == imported
                    && status.path("dossierFacts").asLong() == facts) {
                return null;
            }
            assertThat(System.nanoTime())
                    .as("the replay of generation %d: %s", generation, status)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** POST /api/v1/reports/projections:rebuild as the province's unit_admin; answers the new generation. */
    private long rebuild(String reason) throws Exception {
        HttpResponse<String> started =
                post("/api/v1/reports/projections:rebuild", "{\"reason\":\"" + reason + "\"}", "admin.haiduong");
        assertThat(started.statusCode()).as(describe(started)).isEqualTo(202);
        return json.readTree(started.body()).path("generation").asLong();
    }

    /** The rebuild's generation with every feed applied and as many facts, imported ones included, as before it. */
    private JsonNode awaitRebuilt(long generation, JsonNode before) throws Exception {
        long facts = before.path("dossierFacts").asLong();
        long imported = before.path("importedFacts").asLong();
        return awaitStatus(
                "rebuilt (generation " + generation + ", " + facts + " facts of which " + imported + " imported)",
                s -> s.path("generation").asLong() == generation
                        && feedsCaughtUp(s)
                        && s.path("dossierFacts").asLong() == facts
                        && s.path("importedFacts").asLong() == imported);
    }

    /** II.06a of the province (by unit, by field, the 2024 year of the bulk history) and its 766 scores, as files. */
    private Map<String, byte[]> exports() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String ii06a = "kind=ii06a&unitCode=30&";
        files.put("II.06a Q2 by unit (JSON)", export(ii06a + "format=json&grouping=UNIT&" + PERIOD, "bc.haiduong"));
        files.put("II.06a Q2 by unit (CSV)", export(ii06a + "format=csv&grouping=UNIT&" + PERIOD, "bc.haiduong"));
        files.put("II.06a Q2 by field (JSON)", export(ii06a + "format=json&grouping=FIELD&" + PERIOD, "bc.haiduong"));
        files.put(
                "II.06a 2024 by unit (JSON)",
                export(ii06a + "format=json&grouping=UNIT&periodKind=YEAR&year=2024&window=CALENDAR", "bc.haiduong"));
        String scores = "kind=indicators&unitCode=30&" + PERIOD_766;
        files.put("766 Q2 (JSON)", export(scores + "&format=json", "bc.haiduong"));
        files.put("766 Q2 (CSV)", export(scores + "&format=csv", "bc.haiduong"));
        return files;
    }

    private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, bytes) -> assertThat(actual.get(name))
                .as(
                        "%s%nincremental:%n%s%nrebuilt:%n%s",
                        name,
                        new String(bytes, StandardCharsets.UTF_8),
                        new String(actual.get(name), StandardCharsets.UTF_8))
                .isEqualTo(bytes));
    }

    // --- reading the answers ----------------------------------------------------------------------------------------

    /** A II06aCounts object in form order. */
    static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> row = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            assertThat(counts.has(column)).as("column %s in %s", column, counts).isTrue();
            row.put(column, counts.path(column).asLong());
        }
        return row;
    }

    /** The rows of a UNIT report by unit code ("298:subtotal" for a subtotal row). */
    static Map<String, Map<String, Long>> unitRows(JsonNode report) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (JsonNode row : report.path("rows")) {
            String key = row.path("unit").path("code").asText()
                    + (row.path("subtotal").asBoolean() ? ":subtotal" : "");
            assertThat(rows).as("one row of %s", key).doesNotContainKey(key);
            rows.put(key, counts(row.path("counts")));
        }
        return rows;
    }

    /** The rows of a FIELD report by field name, in order. */
    static Map<String, Map<String, Long>> fieldRows(JsonNode report) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        report.path("rows").forEach(row -> rows.put(row.path("fieldName").asText(), counts(row.path("counts"))));
        return rows;
    }

    /** Every unit of a report outside the scenario has nothing in the period. */
    private static void assertOthersZero(Map<String, Map<String, Long>> rows) {
        rows.forEach((key, counts) -> {
            if (!SCENARIO_UNITS.contains(key.replace(":subtotal", ""))) {
                assertThat(counts)
                        .as("unit %s has no dossier in the period", key)
                        .isEqualTo(ZERO);
            }
        });
    }

    private static JsonNode indicator(JsonNode scores, String id) {
        for (JsonNode group : scores.path("groups")) {
            for (JsonNode indicator : group.path("indicators")) {
                if (id.equals(indicator.path("id").asText())) {
                    return indicator;
                }
            }
        }
        throw new AssertionError("no indicator " + id + " in " + scores);
    }

    /** A JSON string, or null for null or absent. */
    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
