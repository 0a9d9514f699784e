package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14's "done when", end to end over REST: district 298 records a directive and a data-collection campaign for
 * four of its communes (11074, 11077, 11080, 11083) with a 16:00 deadline; report-service is restarted with its task
 * clock shifted ({@code MOTCUA_REPORT_TASKS_CLOCK_OFFSET}, property {@code motcua.report.tasks.clock-offset}) so that
 * its now is shortly before that 16:00; two communes submit before it, one after it, one never. The district returns
 * one report, accepts its version 2 and the two others, consolidates, and submits the consolidation to province 30,
 * whose puller pulls it as XLSX with its machine token: the file reads back with POI as the rows of the three
 * accepted communes. The board counts exactly 2 on time, 1 late, 1 missing, and the punctuality report agrees.
 *
 * <p>The deadline day is 45 days ahead (no other test's task falls due on it, so the punctuality figures of that
 * day are this campaign's alone) and the task is created with the real clock, so a deadline in the future is never
 * refused. The shifted clock applies to the whole class; report-service is restarted without the offset after it,
 * also when a test fails half-way ({@link #restoreTheRealClock}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskCampaignScenarioIT extends ReportSystemTest {

    private static final String REPORT_SERVICE = "report-service";
    private static final String CLOCK_OFFSET = "MOTCUA_REPORT_TASKS_CLOCK_OFFSET";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalTime FOUR_PM = LocalTime.of(16, 0);

    private static final String DISTRICT = ReportScenario.DISTRICT;
    /** The four communes in assignment order: two on time, one late, one never. */
    private static final String THI_TRAN = "11074";

    private static final String NGOC_SON = ReportScenario.NGOC_SON;
    private static final String KY_SON = ReportScenario.KY_SON;
    private static final String DAI_DONG = ReportScenario.DAI_DONG;
    private static final List<String> COMMUNES = List.of(THI_TRAN, NGOC_SON, KY_SON, DAI_DONG);
    /** 11074's leader, missing from the demo realm: admin.tuky makes it. */
    private static final String THI_TRAN_LEADER = "ld.thitrantuky";
    /** 11077's specialist saves its drafts (any officer of the unit may), its leader submits. */
    private static final String NGOC_SON_SPECIALIST = "cv.ngocson";

    private static final String NGOC_SON_LEADER = "ld.ngocson";

    /**
     * How far before the deadline report-service's task clock is set when it is started: its start (a JVM, Flyway,
     * gRPC, health) must fit in, with {@link #ON_TIME_WINDOW} left for the two submissions on time.
     */
    private static final Duration LEAD = Duration.ofSeconds(75);
    /** What must be left before the deadline once report-service answers, else it is started again with more lead. */
    private static final Duration ON_TIME_WINDOW = Duration.ofSeconds(30);
    /** How far past the deadline (by the service's clock) the late submission is sent. */
    private static final Duration PAST_THE_DEADLINE = Duration.ofSeconds(3);

    private static final String DATA_DATE = "2026-12-31";
    private static final List<Column> COLUMNS = List.of(
            new Column("ma_thu_tuc", "Mã thủ tục", "TEXT", true),
            new Column("ten_thu_tuc", "Tên thủ tục hành chính", "TEXT", true),
            new Column("so_ho_so", "Số hồ sơ tiếp nhận", "INTEGER", true),
            new Column("ty_le_dung_han", "Tỷ lệ đúng hạn (%)", "DECIMAL", false),
            new Column("ngay_chot", "Ngày chốt số liệu", "DATE", true));

    /** Each commune's rows (11077's version 1 is returned and corrected by version 2); 11083 has none. */
    private static final List<DataRow> THI_TRAN_ROWS = List.of(
            new DataRow("1.001193", "Đăng ký khai sinh", 42, "97.5", DATA_DATE),
            new DataRow("2.000635", "Cấp bản sao trích lục hộ tịch", 15, null, DATA_DATE));

    private static final List<DataRow> NGOC_SON_V1_ROWS =
            List.of(new DataRow("1.001193", "Đăng ký khai sinh", 30, "90", DATA_DATE));
    private static final List<DataRow> NGOC_SON_V2_ROWS = List.of(
            new DataRow("1.001193", "Đăng ký khai sinh", 31, "93.55", DATA_DATE),
            new DataRow("1.000894", "Đăng ký kết hôn", 6, "100", DATA_DATE));
    private static final List<DataRow> KY_SON_ROWS =
            List.of(new DataRow("1.001193", "Đăng ký khai sinh", 18, "88.9", DATA_DATE));

    private static final String TITLE = "Thu thập số liệu giải quyết thủ tục hành chính năm 2026";

    // --- the state the ordered steps hand on ---------------------------------------------------------------

    private String directiveId;
    private String taskId;
    /** The assignees' deadline as set (16:00 local) and as it takes effect (the same unless a day off moved it). */
    private Instant deadline;

    private Instant effectiveDeadline;
    private Instant upwardDeadline;
    /** Unit names as report-service's unit tree holds them, by code (the consolidation and the XLSX print them). */
    private final Map<String, String> unitNames = new LinkedHashMap<>();
    /** report-service's task clock minus this JVM's clock, measured once it runs with the offset. */
    private Duration serviceSkew;
    /** Set as soon as report-service is stopped to be started with the offset: the restore's cue. */
    private boolean clockShifted;

    private final Map<String, JsonNode> firstSubmissions = new LinkedHashMap<>();
    private JsonNode ngocSonVersion2;
    private JsonNode consolidation;
    private JsonNode upward;

    private record Column(String key, String label, String type, boolean required) {}

    /** One row of the template; rate null: the optional cell left out. */
    private record DataRow(String code, String name, long count, String rate, String date) {

        Map<String, String> cells() {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("ma_thu_tuc", code);
            cells.put("ten_thu_tuc", name);
            cells.put("so_ho_so", String.valueOf(count));
            if (rate != null) {
                cells.put("ty_le_dung_han", rate);
            }
            cells.put("ngay_chot", date);
            return cells;
        }
    }

    @BeforeAll
    void officers() throws Exception {
        awaitCaughtUp();
        ensureDistrictOfficers();
        ensureOfficer(THI_TRAN_LEADER, THI_TRAN, "unit_leader", "admin.tuky");
    }

    /**
     * report-service back on the real clock: stopped and started without the offset (the launcher's settings do not
     * keep it), and the gateway reaching it again, whether the scenario passed or failed at any step.
     */
    @AfterAll
    void restoreTheRealClock() throws Exception {
        if (platform == null) {
            return;
        }
        if (clockShifted || platform.process(REPORT_SERVICE).isEmpty()) {
            platform.stopService(REPORT_SERVICE);
            platform.startService(REPORT_SERVICE);
            clockShifted = false;
            awaitCaughtUp();
        }
    }

    // --- 1. the directive and the campaign -------------------------------------------------------------------

    @Test
    @Order(1)
    void theDistrictIssuesADirectiveAndACampaignWithFourPmDeadlinesForFourCommunes() throws Exception {
        LocalDate signedOn = LocalDate.now(VIETNAM);
        String number = "E2E-" + UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND";
        ObjectNode directiveBody = json.createObjectNode()
                .put("issuingUnitCode", DISTRICT)
                .put("number", number)
                .put("signedOn", signedOn.toString())
                .put("title", "Kế hoạch thu thập số liệu cải cách thủ tục hành chính năm 2026")
                .put("signer", "Phó Chủ tịch UBND huyện Nguyễn Văn Bình");
        HttpResponse<String> issued =
                post("/api/v1/directives", json.writeValueAsString(directiveBody), DISTRICT_LEADER);
        assertThat(issued.statusCode()).as(describe(issued)).isEqualTo(201);
        JsonNode directive = json.readTree(issued.body());
        directiveId = directive.path("directiveId").asText();
        assertThat(directiveId).as(describe(issued)).isNotBlank();
        assertThat(issued.headers().firstValue("Location")).hasValue("/api/v1/directives/" + directiveId);
        assertThat(directive.path("issuingUnit").path("code").asText()).isEqualTo(DISTRICT);
        assertThat(directive.path("number").asText()).isEqualTo(number);
        assertThat(directive.path("signedOn").asText()).isEqualTo(signedOn.toString());
        assertThat(directive.path("issuedBy").asText()).isEqualTo(DISTRICT_LEADER);
        assertThat(directive.path("issuedAt").asText()).isNotBlank();

        LocalDate deadlineDay = weekdayFrom(signedOn.plusDays(45));
        LocalDate upwardDay = deadlineDay.plusDays(7);
        ObjectNode taskBody = json.createObjectNode()
                .put("kind", "CAMPAIGN")
                .put("title", TITLE)
                .put("description", "Các xã, thị trấn báo cáo số hồ sơ tiếp nhận theo từng thủ tục.")
                .put("deadline", deadlineDay + "T16:00")
                .put("upwardDeadline", upwardDay + "T16:00")
                .put("expectedOutput", "REPORT_TEMPLATE");
        ArrayNode assignees = taskBody.putArray("assigneeUnitCodes");
        COMMUNES.forEach(assignees::add);
        ObjectNode template = taskBody.putObject("template").put("prefill", "NONE");
        ArrayNode columns = template.putArray("columns");
        COLUMNS.forEach(c -> columns.addObject()
                .put("key", c.key())
                .put("label", c.label())
                .put("type", c.type())
                .put("required", c.required()));
        HttpResponse<String> assigned = post(
                "/api/v1/directives/" + directiveId + "/tasks", json.writeValueAsString(taskBody), DISTRICT_LEADER);
        assertThat(assigned.statusCode()).as(describe(assigned)).isEqualTo(201);
        JsonNode task = json.readTree(assigned.body());
        taskId = task.path("taskId").asText();
        assertThat(taskId).as(describe(assigned)).isNotBlank();
        assertThat(assigned.headers().firstValue("Location")).hasValue("/api/v1/tasks/" + taskId);
        assertThat(task.path("directiveId").asText()).isEqualTo(directiveId);
        assertThat(task.path("kind").asText()).isEqualTo("CAMPAIGN");
        assertThat(task.path("expectedOutput").asText()).isEqualTo("REPORT_TEMPLATE");
        assertThat(task.path("issuingUnit").path("code").asText()).isEqualTo(DISTRICT);
        assertThat(task.path("createdBy").asText()).isEqualTo(DISTRICT_LEADER);
        assertThat(task.path("followUpUser").asText())
                .as("the caller follows up by default")
                .isEqualTo(DISTRICT_LEADER);
        List<String> keys = new ArrayList<>();
        task.path("template")
                .path("columns")
                .forEach(c -> keys.add(c.path("key").asText()));
        assertThat(keys)
                .containsExactlyElementsOf(COLUMNS.stream().map(Column::key).toList());

        deadline = deadlineDay.atTime(FOUR_PM).atZone(VIETNAM).toInstant();
        upwardDeadline = upwardDay.atTime(FOUR_PM).atZone(VIETNAM).toInstant();
        Map<String, JsonNode> byUnit = assignments(task);
        assertThat(byUnit.keySet())
                .as("four ASSIGNEE rows and the district's own UPWARD duty")
                .containsExactlyInAnyOrder(
                        THI_TRAN + "/ASSIGNEE",
                        NGOC_SON + "/ASSIGNEE",
                        KY_SON + "/ASSIGNEE",
                        DAI_DONG + "/ASSIGNEE",
                        DISTRICT + "/UPWARD");
        for (String commune : COMMUNES) {
            JsonNode a = byUnit.get(commune + "/ASSIGNEE");
            assertThat(instant(a, "deadline"))
                    .as("%s's deadline: %s", commune, a)
                    .isEqualTo(deadline);
            Instant effective = instant(a, "effectiveDeadline");
            if (effectiveDeadline == null) {
                effectiveDeadline = effective;
            }
            assertThat(effective).as("one effective deadline for all: %s", a).isEqualTo(effectiveDeadline);
            assertThat(a.path("timeliness").asText()).as(a.toString()).isEqualTo("PENDING");
            assertThat(a.path("silent").asBoolean()).as(a.toString()).isTrue();
            assertThat(a.path("doneAt").isNull()).as(a.toString()).isTrue();
            unitNames.put(commune, a.path("unit").path("name").asText());
        }
        JsonNode up = byUnit.get(DISTRICT + "/UPWARD");
        assertThat(instant(up, "deadline")).as(up.toString()).isEqualTo(upwardDeadline);
        assertThat(up.path("timeliness").asText()).isEqualTo("PENDING");
        unitNames.put(DISTRICT, task.path("issuingUnit").path("name").asText());
        assertThat(unitNames.values()).as("unit names %s", unitNames).allMatch(n -> !n.isBlank());
        // a day off of the calendar may move the deadline to the next working day, at the same local time
        ZonedDateTime effectiveLocal = effectiveDeadline.atZone(VIETNAM);
        assertThat(effectiveLocal.toLocalTime()).isEqualTo(FOUR_PM);
        assertThat(effectiveDeadline).isAfterOrEqualTo(deadline);
        assertThat(effectiveDeadline).isBefore(upwardDeadline);
        System.out.println("[e2e] campaign " + taskId + ": deadline " + deadline + ", effective " + effectiveDeadline);

        // an assignee reads the task with its own assignment only
        JsonNode seenByNgocSon = read("/api/v1/tasks/" + taskId, NGOC_SON_LEADER);
        assertThat(assignments(seenByNgocSon).keySet()).containsExactly(NGOC_SON + "/ASSIGNEE");
    }

    // --- 2. the deadline passes ------------------------------------------------------------------------------

    @Test
    @Order(2)
    void twoCommunesSubmitBeforeTheDeadlineOneAfterItAndOneNever() throws Exception {
        assumeTrue(taskId != null, "needs the campaign");
        // drafts with the real clock, long before the deadline
        assertDraft(saveDraft(THI_TRAN, THI_TRAN_ROWS, THI_TRAN_LEADER), THI_TRAN, 1, THI_TRAN_ROWS);
        assertDraft(saveDraft(NGOC_SON, NGOC_SON_V1_ROWS, NGOC_SON_SPECIALIST), NGOC_SON, 1, NGOC_SON_V1_ROWS);
        assertDraft(saveDraft(KY_SON, KY_SON_ROWS, KY_SON_LEADER), KY_SON, 1, KY_SON_ROWS);

        startWithTheClockJustBeforeTheDeadline();

        for (String commune : List.of(THI_TRAN, NGOC_SON)) {
            JsonNode report = submit(commune, leaderOf(commune));
            assertThat(report.path("version").asInt()).as(report.toString()).isEqualTo(1);
            assertThat(report.path("late").asBoolean())
                    .as("submitted before 16:00: %s", report)
                    .isFalse();
            assertThat(instant(report, "submittedAt")).as(report.toString()).isBefore(effectiveDeadline);
            firstSubmissions.put(commune, report);
        }

        Duration untilLate = Duration.between(serviceNow(), effectiveDeadline.plus(PAST_THE_DEADLINE));
        if (!untilLate.isNegative()) {
            System.out.println("[e2e] waiting " + untilLate.toSeconds() + " s for report-service's 16:00");
            Thread.sleep(untilLate.toMillis());
        }
        JsonNode late = submit(KY_SON, KY_SON_LEADER);
        assertThat(late.path("version").asInt()).isEqualTo(1);
        assertThat(late.path("late").asBoolean())
                .as("submitted after 16:00: %s", late)
                .isTrue();
        assertThat(instant(late, "submittedAt")).as(late.toString()).isAfter(effectiveDeadline);
        firstSubmissions.put(KY_SON, late);

        Map<String, JsonNode> byUnit = assignments(read("/api/v1/tasks/" + taskId, DISTRICT_LEADER));
        for (String commune : List.of(THI_TRAN, NGOC_SON, KY_SON)) {
            JsonNode a = byUnit.get(commune + "/ASSIGNEE");
            JsonNode first = firstSubmissions.get(commune);
            assertThat(a.path("timeliness").asText())
                    .as(a.toString())
                    .isEqualTo(commune.equals(KY_SON) ? "LATE" : "ON_TIME");
            assertThat(instant(a, "doneAt"))
                    .as("done by the first submission: %s", a)
                    .isEqualTo(instant(first, "submittedAt"));
            assertThat(a.path("doneBy").asText()).isEqualTo(leaderOf(commune));
            assertThat(a.path("silent").asBoolean()).as(a.toString()).isFalse();
            assertThat(a.path("reportVersion").asInt()).isEqualTo(1);
            assertThat(a.path("reportState").asText()).isEqualTo("SUBMITTED");
            // working days after the effective deadline's date up to and including the done date: the same day
            assertThat(a.path("workingDaysLate").asInt()).as(a.toString()).isZero();
        }
        JsonNode never = byUnit.get(DAI_DONG + "/ASSIGNEE");
        assertThat(never.path("timeliness").asText()).as(never.toString()).isEqualTo("MISSING");
        assertThat(never.path("doneAt").isNull()).as(never.toString()).isTrue();
        assertThat(never.path("silent").asBoolean()).as(never.toString()).isTrue();
        assertThat(never.path("reportVersion").asInt()).as(never.toString()).isZero();
        assertThat(never.path("reportState").isNull()).as(never.toString()).isTrue();
        assertThat(never.path("workingDaysLate").asInt())
                .as("still the deadline's date: %s", never)
                .isZero();
    }

    // --- 3. return, correction, acceptance, consolidation -------------------------------------------------------

    @Test
    @Order(3)
    void theDistrictReturnsOneReportAcceptsItsVersion2AndTheOthersAndConsolidatesThem() throws Exception {
        assumeTrue(firstSubmissions.size() == 3, "needs the three submissions");
        String reason = "Số hồ sơ khai sinh chưa khớp sổ theo dõi, đề nghị rà soát và bổ sung đăng ký kết hôn";
        String ngocSonV1 = firstSubmissions.get(NGOC_SON).path("reportId").asText();
        JsonNode returned = action("/api/v1/campaign-reports/" + ngocSonV1 + "/return", reasonBody(reason));
        assertThat(returned.path("state").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("returnedBy").asText()).isEqualTo(DISTRICT_LEADER);
        assertThat(returned.path("returnReason").asText()).isEqualTo(reason);
        assertThat(returned.path("returnedAt").asText()).isNotBlank();

        assertDraft(saveDraft(NGOC_SON, NGOC_SON_V2_ROWS, NGOC_SON_SPECIALIST), NGOC_SON, 2, NGOC_SON_V2_ROWS);
        ngocSonVersion2 = submit(NGOC_SON, NGOC_SON_LEADER);
        assertThat(ngocSonVersion2.path("version").asInt()).isEqualTo(2);
        assertThat(ngocSonVersion2.path("state").asText()).isEqualTo("SUBMITTED");
        JsonNode frozen = read("/api/v1/campaign-reports/" + ngocSonV1, DISTRICT_LEADER);
        assertThat(frozen.path("state").asText()).as("version 1 stays returned").isEqualTo("RETURNED");
        assertThat(cellsOf(frozen)).isEqualTo(cells(NGOC_SON_V1_ROWS));

        JsonNode ngocSon =
                assignments(read("/api/v1/tasks/" + taskId, DISTRICT_LEADER)).get(NGOC_SON + "/ASSIGNEE");
        assertThat(ngocSon.path("timeliness").asText())
                .as("a correction the issuer asked for does not make the unit late: %s", ngocSon)
                .isEqualTo("ON_TIME");
        assertThat(instant(ngocSon, "doneAt"))
                .as("done_at stays the first submission's")
                .isEqualTo(instant(firstSubmissions.get(NGOC_SON), "submittedAt"));
        assertThat(ngocSon.path("reportVersion").asInt()).isEqualTo(2);

        List<String> accepted = List.of(
                firstSubmissions.get(THI_TRAN).path("reportId").asText(),
                ngocSonVersion2.path("reportId").asText(),
                firstSubmissions.get(KY_SON).path("reportId").asText());
        for (String reportId : accepted) {
            JsonNode report = action("/api/v1/campaign-reports/" + reportId + "/accept", "{}");
            assertThat(report.path("state").asText()).as(report.toString()).isEqualTo("ACCEPTED");
            assertThat(report.path("acceptedBy").asText()).isEqualTo(DISTRICT_LEADER);
        }

        HttpResponse<String> consolidated = post("/api/v1/tasks/" + taskId + "/consolidation", "{}", DISTRICT_LEADER);
        assertThat(consolidated.statusCode()).as(describe(consolidated)).isEqualTo(200);
        String consolidationId =
                json.readTree(consolidated.body()).path("reportId").asText();
        consolidation = read("/api/v1/campaign-reports/" + consolidationId, DISTRICT_LEADER);
        assertThat(consolidation.path("unit").path("code").asText()).isEqualTo(DISTRICT);
        assertThat(consolidation.path("consolidation").asBoolean()).isTrue();
        assertThat(consolidation.path("state").asText()).isEqualTo("DRAFT");
        assertThat(consolidation.path("version").asInt()).isEqualTo(1);
        assertThat(texts(consolidation.path("sourceReportIds"))).containsExactlyInAnyOrderElementsOf(accepted);
        List<String> sources = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : consolidation.path("rows")) {
            sources.add(row.path("sourceUnitCode").asText() + " "
                    + row.path("sourceUnitName").asText());
            rows.add(cells(row));
        }
        List<String> expectedSources = new ArrayList<>();
        List<Map<String, String>> expectedRows = new ArrayList<>();
        for (Map.Entry<String, List<DataRow>> unit : acceptedRows().entrySet()) {
            unit.getValue().forEach(r -> {
                expectedSources.add(unit.getKey() + " " + unitNames.get(unit.getKey()));
                expectedRows.add(r.cells());
            });
        }
        assertThat(sources)
                .as("the accepted units in assignment order, rows in their order")
                .containsExactlyElementsOf(expectedSources);
        assertThat(rows).containsExactlyElementsOf(expectedRows);
        assertThat(consolidation.path("rowCount").asInt()).isEqualTo(expectedRows.size());

        Map<String, String> states = new LinkedHashMap<>();
        read("/api/v1/tasks/" + taskId + "/reports", DISTRICT_LEADER)
                .path("reports")
                .forEach(r -> states.put(
                        r.path("unit").path("code").asText() + " v"
                                + r.path("version").asInt(),
                        r.path("state").asText()));
        assertThat(states)
                .as("every version of every line")
                .containsOnly(
                        Map.entry(THI_TRAN + " v1", "CONSOLIDATED"),
                        Map.entry(NGOC_SON + " v1", "RETURNED"),
                        Map.entry(NGOC_SON + " v2", "CONSOLIDATED"),
                        Map.entry(KY_SON + " v1", "CONSOLIDATED"),
                        Map.entry(DISTRICT + " v1", "DRAFT"));
    }

    // --- 4. upward, and the province's pull --------------------------------------------------------------------

    @Test
    @Order(4)
    void theDistrictSubmitsItsConsolidationAndTheProvincesPullerReadsTheAcceptedCommunesRowsAsXlsx() throws Exception {
        assumeTrue(consolidation != null, "needs the consolidation");
        upward = submit(DISTRICT, DISTRICT_LEADER);
        assertThat(upward.path("reportId").asText())
                .isEqualTo(consolidation.path("reportId").asText());
        assertThat(upward.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(upward.path("consolidation").asBoolean()).isTrue();
        assertThat(upward.path("late").asBoolean())
                .as("the upward deadline is a week later")
                .isFalse();

        String path = "/api/v1/machine/tasks/" + taskId + "/reports/export.xlsx?unitCode=" + DISTRICT;
        HttpResponse<byte[]> file = download(path, machineToken(), null);
        assertThat(file.statusCode())
                .as("%s -> %s", path, new String(file.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(XLSX));
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d)
                        .startsWith("attachment")
                        .contains("-" + DISTRICT + "-v1.xlsx")
                        .matches("[\\x20-\\x7e]+"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = rowStartingWith(sheet, "Đơn vị");
            List<String> labels = new ArrayList<>();
            header.forEach(c -> labels.add(text(c)));
            List<String> expectedLabels = new ArrayList<>(List.of("Đơn vị"));
            COLUMNS.forEach(c -> expectedLabels.add(c.label()));
            assertThat(labels.stream().filter(l -> !l.isEmpty()).toList())
                    .as("the header: the unit, then the template's labels")
                    .containsExactlyElementsOf(expectedLabels);
            StringBuilder above = new StringBuilder();
            for (int r = 0; r < header.getRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    row.forEach(c -> above.append(text(c)).append(' '));
                }
            }
            assertThat(above.toString())
                    .as("the title names the task and the unit")
                    .contains(TITLE)
                    .contains(unitNames.get(DISTRICT));

            List<List<Object>> printed = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || text(row.getCell(0)).isEmpty()) {
                    continue;
                }
                printed.add(typedCells(row));
            }
            List<List<Object>> expected = new ArrayList<>();
            acceptedRows()
                    .forEach((unit, rows) -> rows.forEach(r -> expected.add(List.of(
                            unitNames.get(unit),
                            r.code(),
                            r.name(),
                            (double) r.count(),
                            r.rate() == null ? "" : Double.parseDouble(r.rate()),
                            LocalDate.parse(r.date())))));
            assertThat(printed)
                    .as("one row per data row of the three accepted communes, typed")
                    .containsExactlyElementsOf(expected);
        }
    }

    // --- 5. the board and punctuality ---------------------------------------------------------------------------

    @Test
    @Order(5)
    void theBoardCountsTwoOnTimeOneLateOneMissingAndPunctualityAgrees() throws Exception {
        assumeTrue(firstSubmissions.size() == 3, "needs the three submissions");
        JsonNode board = read("/api/v1/tasks/" + taskId + "/board", DISTRICT_LEADER);
        assertThat(counts(board.path("counts")))
                .as("ASSIGNEE stage only: %s", board.path("counts"))
                .isEqualTo(counts(2, 1, 1, 0, 1));
        assertThat(board.path("progress")).as("no progress report was made").isEmpty();
        Map<String, String> timeliness = new LinkedHashMap<>();
        assignments(board.path("task"))
                .forEach((k, a) -> timeliness.put(k, a.path("timeliness").asText()));
        assertThat(timeliness)
                .containsOnly(
                        Map.entry(THI_TRAN + "/ASSIGNEE", "ON_TIME"),
                        Map.entry(NGOC_SON + "/ASSIGNEE", "ON_TIME"),
                        Map.entry(KY_SON + "/ASSIGNEE", "LATE"),
                        Map.entry(DAI_DONG + "/ASSIGNEE", "MISSING"),
                        Map.entry(DISTRICT + "/UPWARD", upward == null ? "PENDING" : "ON_TIME"));

        String day = effectiveDeadline.atZone(VIETNAM).toLocalDate().toString();
        String query = "?unitCode=" + DISTRICT + "&from=" + day + "&to=" + day;
        JsonNode punctuality = read("/api/v1/tasks/punctuality" + query, DISTRICT_VIEWER);
        Map<String, Map<String, Integer>> units = new LinkedHashMap<>();
        Map<String, Integer> perMille = new LinkedHashMap<>();
        for (JsonNode u : punctuality.path("units")) {
            Map<String, Integer> c = counts(u.path("counts"));
            if (c.get("onTime") + c.get("late") + c.get("missing") + c.get("pending") > 0) {
                String code = u.path("unit").path("code").asText();
                c.remove("silent");
                units.put(code, c);
                perMille.put(code, u.path("onTimePerMille").asInt());
            }
        }
        assertThat(units)
                .as("the units with something due on %s: %s", day, punctuality)
                .containsOnly(
                        Map.entry(THI_TRAN, dueCounts(1, 0, 0)),
                        Map.entry(NGOC_SON, dueCounts(1, 0, 0)),
                        Map.entry(KY_SON, dueCounts(0, 1, 0)),
                        Map.entry(DAI_DONG, dueCounts(0, 0, 1)));
        assertThat(perMille)
                .containsOnly(
                        Map.entry(THI_TRAN, 1000),
                        Map.entry(NGOC_SON, 1000),
                        Map.entry(KY_SON, 0),
                        Map.entry(DAI_DONG, 0));
        Map<String, Integer> total = counts(punctuality.path("total"));
        total.remove("silent");
        assertThat(total).as("the board's figures").isEqualTo(dueCounts(2, 1, 1));

        HttpResponse<byte[]> pulled = download("/api/v1/machine/tasks/punctuality" + query, machineToken(), null);
        assertThat(pulled.statusCode())
                .as(new String(pulled.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(json.readTree(pulled.body()))
                .as("the province's puller reads the same figures")
                .isEqualTo(punctuality);
    }

    // --- the clock ------------------------------------------------------------------------------------------

    /**
     * Restarts report-service with its task clock {@link #LEAD} before the effective deadline, measures where its
     * clock really is from a draft's savedAt (its TaskClock), and starts it again with more lead when its start took
     * so long that less than {@link #ON_TIME_WINDOW} is left.
     */
    private void startWithTheClockJustBeforeTheDeadline() throws Exception {
        Duration lead = LEAD;
        for (int attempt = 1; ; attempt++) {
            platform.stopService(REPORT_SERVICE);
            clockShifted = true;
            Instant launched = Instant.now();
            Duration offset =
                    Duration.between(launched, effectiveDeadline.minus(lead)).truncatedTo(ChronoUnit.MILLIS);
            System.out.println(
                    "[e2e] starting report-service with " + CLOCK_OFFSET + "=" + offset + " (attempt " + attempt + ")");
            platform.startService(REPORT_SERVICE, Map.of(CLOCK_OFFSET, offset.toString()));
            Duration startup = Duration.between(launched, Instant.now());
            serviceSkew = measureServiceClock();
            assertThat(serviceSkew.minus(offset).abs())
                    .as("report-service runs with the offset %s (measured %s)", offset, serviceSkew)
                    .isLessThan(Duration.ofSeconds(30));
            Duration left = Duration.between(serviceNow(), effectiveDeadline);
            System.out.println("[e2e] report-service started in " + startup.toSeconds() + " s; its clock is "
                    + serviceNow() + ", " + left.toSeconds() + " s before the deadline");
            if (left.compareTo(ON_TIME_WINDOW) >= 0) {
                return;
            }
            assertThat(attempt)
                    .as("starts of report-service to land before 16:00")
                    .isLessThan(3);
            lead = startup.multipliedBy(2).plus(ON_TIME_WINDOW);
        }
    }

    /**
     * report-service's task clock minus ours: 11074's draft saved again (the same rows) is stamped savedAt by its
     * TaskClock; the gateway answering 503 while it reconnects is waited through.
     */
    private Duration measureServiceClock() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Instant sent = Instant.now();
            HttpResponse<String> saved = put(
                    "/api/v1/tasks/" + taskId + "/reports/draft", draftBody(THI_TRAN, THI_TRAN_ROWS), THI_TRAN_LEADER);
            Instant answered = Instant.now();
            if (saved.statusCode() == 200) {
                JsonNode report = json.readTree(saved.body());
                Instant middle = sent.plus(Duration.between(sent, answered).dividedBy(2));
                return Duration.between(middle, instant(report, "savedAt"));
            }
            assertThat(saved.statusCode()).as(describe(saved)).isIn(502, 503, 504);
            assertThat(System.nanoTime())
                    .as("report-service answering: %s", describe(saved))
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private Instant serviceNow() {
        return Instant.now().plus(serviceSkew);
    }

    // --- requests -----------------------------------------------------------------------------------------------

    private HttpResponse<String> saveDraft(String unit, List<DataRow> rows, String user) throws Exception {
        return put("/api/v1/tasks/" + taskId + "/reports/draft", draftBody(unit, rows), user);
    }

    private String draftBody(String unit, List<DataRow> rows) throws IOException {
        ObjectNode body = json.createObjectNode().put("unitCode", unit);
        ArrayNode array = body.putArray("rows");
        rows.forEach(r -> {
            ObjectNode cells = array.addObject().putObject("cells");
            r.cells().forEach(cells::put);
        });
        return json.writeValueAsString(body);
    }

    private void assertDraft(HttpResponse<String> saved, String unit, int version, List<DataRow> rows)
            throws IOException {
        assertThat(saved.statusCode()).as(describe(saved)).isEqualTo(200);
        JsonNode draft = json.readTree(saved.body());
        assertThat(draft.path("unit").path("code").asText()).isEqualTo(unit);
        assertThat(draft.path("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("version").asInt()).as(draft.toString()).isEqualTo(version);
        assertThat(draft.path("consolidation").asBoolean()).isFalse();
        assertThat(draft.path("rowCount").asInt()).isEqualTo(rows.size());
        assertThat(cellsOf(draft)).isEqualTo(cells(rows));
    }

    /** POST /tasks/{id}/reports/submit for a unit as its leader: 200 and the frozen version. */
    private JsonNode submit(String unit, String leader) throws Exception {
        HttpResponse<String> submitted = post(
                "/api/v1/tasks/" + taskId + "/reports/submit",
                json.writeValueAsString(json.createObjectNode().put("unitCode", unit)),
                leader);
        assertThat(submitted.statusCode()).as(describe(submitted)).isEqualTo(200);
        JsonNode report = json.readTree(submitted.body());
        assertThat(report.path("unit").path("code").asText()).isEqualTo(unit);
        assertThat(report.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(report.path("submittedBy").asText()).isEqualTo(leader);
        assertThat(report.path("submittedAt").asText()).isNotBlank();
        return report;
    }

    /** A return or an acceptance by the district's leader: 200 and the report. */
    private JsonNode action(String path, String body) throws Exception {
        HttpResponse<String> answer = post(path, body, DISTRICT_LEADER);
        assertThat(answer.statusCode()).as(describe(answer)).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private String reasonBody(String reason) throws IOException {
        return json.writeValueAsString(json.createObjectNode().put("reason", reason));
    }

    private HttpResponse<String> put(String path, String body, String user) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                        .timeout(Duration.ofSeconds(120))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token(user))
                        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String leaderOf(String commune) {
        return switch (commune) {
            case THI_TRAN -> THI_TRAN_LEADER;
            case NGOC_SON -> NGOC_SON_LEADER;
            case KY_SON -> KY_SON_LEADER;
            default -> throw new IllegalArgumentException("no leader of " + commune + " in the scenario");
        };
    }

    // --- reading the answers ------------------------------------------------------------------------------------

    /** The accepted versions' rows by unit, in assignment order. */
    private static Map<String, List<DataRow>> acceptedRows() {
        Map<String, List<DataRow>> rows = new LinkedHashMap<>();
        rows.put(THI_TRAN, THI_TRAN_ROWS);
        rows.put(NGOC_SON, NGOC_SON_V2_ROWS);
        rows.put(KY_SON, KY_SON_ROWS);
        return rows;
    }

    /** A task's assignments by "unit/STAGE". */
    private static Map<String, JsonNode> assignments(JsonNode task) {
        Map<String, JsonNode> byUnit = new LinkedHashMap<>();
        for (JsonNode a : task.path("assignments")) {
            String key =
                    a.path("unit").path("code").asText() + "/" + a.path("stage").asText();
            assertThat(byUnit).as("one assignment %s", key).doesNotContainKey(key);
            byUnit.put(key, a);
        }
        return byUnit;
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isTextual()).as("%s in %s", field, node).isTrue();
        return Instant.parse(value.asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static Map<String, String> cells(JsonNode row) {
        Map<String, String> cells = new LinkedHashMap<>();
        row.path("cells")
                .properties()
                .forEach(e -> cells.put(e.getKey(), e.getValue().asText()));
        return cells;
    }

    private static List<Map<String, String>> cellsOf(JsonNode report) {
        List<Map<String, String>> rows = new ArrayList<>();
        report.path("rows").forEach(r -> rows.add(cells(r)));
        return rows;
    }

    private static List<Map<String, String>> cells(List<DataRow> rows) {
        return rows.stream().map(DataRow::cells).toList();
    }

    private static Map<String, Integer> counts(JsonNode counts) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String name : List.of("onTime", "late", "missing", "pending", "silent")) {
            assertThat(counts.path(name).isInt()).as("%s in %s", name, counts).isTrue();
            c.put(name, counts.path(name).asInt());
        }
        return c;
    }

    private static Map<String, Integer> counts(int onTime, int late, int missing, int pending, int silent) {
        Map<String, Integer> c = dueCounts(onTime, late, missing);
        c.put("pending", pending);
        c.put("silent", silent);
        return c;
    }

    private static Map<String, Integer> dueCounts(int onTime, int late, int missing) {
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("onTime", onTime);
        c.put("late", late);
        c.put("missing", missing);
        c.put("pending", 0);
        return c;
    }

    /** The first row whose first cell reads {@code text}. */
    private static Row rowStartingWith(Sheet sheet, String text) {
        List<String> firsts = new ArrayList<>();
        for (Row row : sheet) {
            String first = text(row.getCell(0));
            if (text.equals(first)) {
                return row;
            }
            firsts.add(first);
        }
        throw new AssertionError("no row starting with \"" + text + "\": " + firsts);
    }

    /**
     * A data row as its typed values: text as text, numbers as doubles, dates as local dates, an empty cell as "". A
     * number or a date written as text shows up as text, which the comparison then names.
     */
    private static List<Object> typedCells(Row row) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c <= COLUMNS.size(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                values.add("");
            } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                values.add(cell.getLocalDateTimeCellValue().toLocalDate());
            } else if (cell.getCellType() == CellType.NUMERIC) {
                values.add(cell.getNumericCellValue());
            } else {
                values.add(text(cell));
            }
        }
        return values;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).strip();
    }

    /** The day itself if it is Monday to Friday, else the Monday after. */
    private static LocalDate weekdayFrom(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
