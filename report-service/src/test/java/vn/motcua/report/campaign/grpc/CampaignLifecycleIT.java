package vn.motcua.report.campaign.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.report.v1.AcceptCampaignReportRequest;
import vn.motcua.proto.report.v1.CampaignReport;
import vn.motcua.proto.report.v1.CampaignReportChanged;
import vn.motcua.proto.report.v1.CampaignReportState;
import vn.motcua.proto.report.v1.CampaignRow;
import vn.motcua.proto.report.v1.ConsolidateCampaignRequest;
import vn.motcua.proto.report.v1.ExportCampaignReportRequest;
import vn.motcua.proto.report.v1.ExportCampaignReportResponse;
import vn.motcua.proto.report.v1.GetCampaignReportRequest;
import vn.motcua.proto.report.v1.ListCampaignReportsRequest;
import vn.motcua.proto.report.v1.ReturnCampaignReportRequest;
import vn.motcua.report.campaign.CampaignWorld;

/**
 * The seed scenario end to end at the service (domain.md 7.3): district 298 runs a campaign with a 16:00 deadline
 * (09:00 UTC) for four communes and submits its consolidation to province 30 by 16:00 two days later. Two communes
 * submit on time, one late, one never; the district returns one on-time report, which comes back as version 2 and is
 * accepted; the consolidation holds the three accepted communes' rows and goes up on time; the province's machine
 * exports it.
 */
@MicronautTest(transactional = false)
class CampaignLifecycleIT extends CampaignItBase {

    private static final String TASK = "TKCAMPAIGN1";

    @Test
    void theSeedCampaignRunsFromDraftsToTheProvincesExport() throws IOException {
        world.campaign(
                TASK,
                "298",
                CampaignWorld.TEMPLATE,
                "2026-12-08 09:00:00",
                "2026-12-10 09:00:00",
                "11074",
                "11077",
                "11080",
                "11083");

        // 11074: drafted by its officer, replaced once, submitted by its leader at 15:00 local
        clock.set("2026-12-08T07:00:00Z");
        CampaignReport d74 = save(officer("11074"), TASK, row("procedure_code", "1.001", "dossiers", "3"));
        assertThat(d74.getVersion()).isEqualTo(1);
        assertThat(d74.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_DRAFT);
        assertThat(count(
                        "SELECT COUNT(*) FROM task_assignment WHERE task_id = ? AND unit_code = '11074'"
                                + " AND last_activity_at = '2026-12-08 07:00:00' AND done_at IS NULL",
                        TASK))
                .isEqualTo(1);
        clock.set("2026-12-08T08:00:00Z");
        CampaignReport d74b = save(
                officer("11074"),
                TASK,
                row(
                        "procedure_code",
                        "1.001",
                        "procedure_name",
                        "Đăng ký khai sinh",
                        "dossiers",
                        "12",
                        "ratio",
                        "97.5",
                        "since",
                        "2026-01-01",
                        "online",
                        "true"),
                row("procedure_code", "1.002", "procedure_name", "Đăng ký kết hôn", "dossiers", "4"));
        assertThat(d74b.getReportId()).isEqualTo(d74.getReportId());
        assertThat(d74b.getVersion()).isEqualTo(1);
        assertThat(d74b.getRowsList()).hasSize(2);
        assertThat(d74b.getRows(0).getCellsMap()).containsEntry("procedure_name", "Đăng ký khai sinh");
        CampaignReport s74 = submit(leader("11074"), TASK, "r-74");
        assertThat(s74.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_SUBMITTED);
        assertThat(s74.getLate()).isFalse();
        assertThat(s74.getSubmittedBy()).isEqualTo("leader11074");
        assertThat(s74.getRowCount()).isEqualTo(2);

        // 11077: one second before the deadline: on time
        save(officer("11077"), TASK, row("procedure_code", "1.001", "dossiers", "7"));
        clock.set("2026-12-08T08:59:59Z");
        CampaignReport s77 = submit(leader("11077"), TASK, "r-77");
        assertThat(s77.getLate()).isFalse();

        // 11080: one second after: late
        save(officer("11080"), TASK, row("procedure_code", "1.003", "dossiers", "5"));
        clock.set("2026-12-08T09:00:01Z");
        CampaignReport s80 = submit(leader("11080"), TASK, "r-80");
        assertThat(s80.getLate()).isTrue();

        assertThat(doneAt("11074")).isEqualTo("2026-12-08 08:00:00.000000");
        assertThat(doneAt("11077")).isEqualTo("2026-12-08 08:59:59.000000");
        assertThat(doneAt("11080")).isEqualTo("2026-12-08 09:00:01.000000");
        assertThat(doneAt("11083")).isNull();
        assertThat(count(
                        "SELECT COUNT(*) FROM task_assignment WHERE task_id = ? AND unit_code = '11083'"
                                + " AND last_activity_at IS NULL",
                        TASK))
                .isEqualTo(1);

        // the district's specialist returns 11077's version 1 with a reason
        clock.set("2026-12-08T10:00:00Z");
        CampaignReport returned = campaign(officer("298"))
                .returnCampaignReport(ReturnCampaignReportRequest.newBuilder()
                        .setReportId(s77.getReportId())
                        .setReason("Thiếu thủ tục đăng ký kết hôn")
                        .build())
                .getReport();
        assertThat(returned.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_RETURNED);
        assertThat(returned.getReturnedBy()).isEqualTo("officer298");
        assertThat(returned.getReturnReason()).isEqualTo("Thiếu thủ tục đăng ký kết hôn");

        // 11077's correction is version 2, late as a report, but the assignment stays done on time at version 1's
        clock.set("2026-12-08T11:00:00Z");
        CampaignReport v2 = save(
                officer("11077"),
                TASK,
                row("procedure_code", "1.001", "dossiers", "7"),
                row("procedure_code", "1.002", "procedure_name", "Đăng ký kết hôn", "dossiers", "2"));
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getReportId()).isNotEqualTo(s77.getReportId());
        CampaignReport s77v2 = submit(leader("11077"), TASK, "r-77-v2");
        assertThat(s77v2.getVersion()).isEqualTo(2);
        assertThat(s77v2.getLate()).isTrue();
        assertThat(doneAt("11077")).isEqualTo("2026-12-08 08:59:59.000000");
        CampaignReport frozenV1 = campaign(officer("11077"))
                .getCampaignReport(GetCampaignReportRequest.newBuilder()
                        .setReportId(s77.getReportId())
                        .build())
                .getReport();
        assertThat(frozenV1.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_RETURNED);
        assertThat(frozenV1.getRowsList()).hasSize(1);

        // the district accepts the three
        for (String id : List.of(s74.getReportId(), s77v2.getReportId(), s80.getReportId())) {
            CampaignReport accepted = campaign(leader("298"))
                    .acceptCampaignReport(AcceptCampaignReportRequest.newBuilder()
                            .setReportId(id)
                            .build())
                    .getReport();
            assertThat(accepted.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_ACCEPTED);
            assertThat(accepted.getAcceptedBy()).isEqualTo("leader298");
        }

        // consolidation: the accepted versions' rows, in assignment order, each credited to its commune
        clock.set("2026-12-09T02:00:00Z");
        CampaignReport consolidated = campaign(officer("298"))
                .consolidateCampaign(
                        ConsolidateCampaignRequest.newBuilder().setTaskId(TASK).build())
                .getReport();
        assertThat(consolidated.getConsolidation()).isTrue();
        assertThat(consolidated.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_DRAFT);
        assertThat(consolidated.getUnit().getCode()).isEqualTo("298");
        assertThat(consolidated.getSourceReportIdsList())
                .containsExactly(s74.getReportId(), s77v2.getReportId(), s80.getReportId());
        assertThat(consolidated.getRowsList())
                .extracting(r -> r.getSourceUnitCode() + " " + r.getSourceUnitName() + " "
                        + r.getCellsMap().get("procedure_code"))
                .containsExactly(
                        "11074 Xã Ngọc Sơn 1.001",
                        "11074 Xã Ngọc Sơn 1.002",
                        "11077 Xã Tây Kỳ 1.001",
                        "11077 Xã Tây Kỳ 1.002",
                        "11080 Xã Đại Sơn 1.003");
        List<CampaignReport> lines = campaign(leader("298"))
                .listCampaignReports(
                        ListCampaignReportsRequest.newBuilder().setTaskId(TASK).build())
                .getReportsList();
        assertThat(lines)
                .extracting(r -> r.getUnit().getCode() + " v" + r.getVersion() + " "
                        + r.getState().name().replace("CAMPAIGN_REPORT_STATE_", ""))
                .containsExactly(
                        "11074 v1 CONSOLIDATED",
                        "11077 v1 RETURNED",
                        "11077 v2 CONSOLIDATED",
                        "11080 v1 CONSOLIDATED",
                        "298 v1 DRAFT");
        assertThat(lines).allSatisfy(r -> assertThat(r.getRowsList()).isEmpty());

        // the district's leader submits the consolidation to the province before its deadline
        CampaignReport up = submit(leader("298"), TASK, "r-298");
        assertThat(up.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_SUBMITTED);
        assertThat(up.getLate()).isFalse();
        assertThat(doneAt("298")).isEqualTo("2026-12-09 02:00:00.000000");

        // the province's machine pulls it as XLSX
        ExportCampaignReportResponse export = campaign(machine("province-report-puller", "30"))
                .exportCampaignReport(ExportCampaignReportRequest.newBuilder()
                        .setTaskId(TASK)
                        .setUnitCode("298")
                        .build());
        assertThat(export.getFileName()).isEqualTo(TASK + "-298-v1.xlsx");
        assertThat(export.getReportId()).isEqualTo(up.getReportId());
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(export.getContent().toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .contains("Thống kê thủ tục hành chính năm 2026 " + TASK)
                    .contains("Huyện Tứ Kỳ");
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header)
                    .containsExactly(
                            "Đơn vị",
                            "Mã thủ tục",
                            "Tên thủ tục hành chính",
                            "Số hồ sơ tiếp nhận",
                            "Tỷ lệ đúng hạn (%)",
                            "Áp dụng từ ngày",
                            "Có trực tuyến");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 5 - 1);
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Xã Ngọc Sơn");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("Đăng ký khai sinh");
            Cell dossiers = first.getCell(3);
            assertThat(dossiers.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(dossiers.getNumericCellValue()).isEqualTo(12.0);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(97.5);
            Cell since = first.getCell(5);
            assertThat(DateUtil.isCellDateFormatted(since)).isTrue();
            assertThat(since.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(first.getCell(6).getBooleanCellValue()).isTrue();
            List<String> communes = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                communes.add(sheet.getRow(r).getCell(0).getStringCellValue() + " "
                        + (long) sheet.getRow(r).getCell(3).getNumericCellValue());
            }
            assertThat(communes)
                    .containsExactly("Xã Ngọc Sơn 12", "Xã Ngọc Sơn 4", "Xã Tây Kỳ 7", "Xã Tây Kỳ 2", "Xã Đại Sơn 5");
        }

        // and the province accepts it
        CampaignReport acceptedUp = campaign(officer("30"))
                .acceptCampaignReport(AcceptCampaignReportRequest.newBuilder()
                        .setReportId(up.getReportId())
                        .build())
                .getReport();
        assertThat(acceptedUp.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_ACCEPTED);

        // the feed: each change once, typed, by the unit that acted, in the order they happened
        assertThat(world.events(s74.getReportId()))
                .containsExactly(
                        "campaign_report.submitted 11074",
                        "campaign_report.accepted 298",
                        "campaign_report.consolidated 298");
        assertThat(world.events(s77.getReportId()))
                .containsExactly("campaign_report.submitted 11077", "campaign_report.returned 298");
        assertThat(world.events(up.getReportId()))
                .containsExactly("campaign_report.submitted 298", "campaign_report.accepted 30");
        assertThat(world.events(d74.getReportId())).hasSize(3);
        List<Map.Entry<String, CampaignReportChanged>> typed = payloads(s80.getReportId());
        assertThat(typed)
                .extracting(Map.Entry::getKey)
                .containsExactly(
                        "campaign_report.submitted", "campaign_report.accepted", "campaign_report.consolidated");
        CampaignReport submittedPayload = typed.get(0).getValue().getReport();
        assertThat(submittedPayload.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_SUBMITTED);
        assertThat(submittedPayload.getLate()).isTrue();
        assertThat(submittedPayload.getUnit().getName()).isEqualTo("Xã Đại Sơn");
        assertThat(submittedPayload.getRowsList())
                .as("rows are left out of events")
                .isEmpty();
        assertThat(submittedPayload.getRowCount()).isEqualTo(1);
        assertThat(Instant.ofEpochSecond(submittedPayload.getSubmittedAt().getSeconds()))
                .isEqualTo(Instant.parse("2026-12-08T09:00:01Z"));
        assertThat(typed.get(2).getValue().getReport().getState())
                .isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_CONSOLIDATED);
        // drafts and saves are not events
        assertThat(count(
                        "SELECT COUNT(*) FROM feed_outbox WHERE aggregate_type = 'campaign_report' AND aggregate_id"
                                + " IN (SELECT report_id FROM campaign_report WHERE task_id = ?)",
                        TASK))
                .as("5 submitted, 1 returned, 4 accepted, 3 consolidated")
                .isEqualTo(5 + 1 + 4 + 3);
    }

    @Test
    void aRebuiltConsolidationTakesInWhatWasAcceptedSinceAndAReturnedOneIsRebuiltAsTheNextVersion() {
        String task = "TKCAMPAIGN2";
        world.campaign(
                task, "298", CampaignWorld.TEMPLATE, "2026-12-08 09:00:00", "2026-12-10 09:00:00", "11074", "11077");
        clock.set("2026-12-08T07:00:00Z");
        save(officer("11074"), task, row("procedure_code", "A", "dossiers", "1"));
        CampaignReport a = submit(leader("11074"), task, "a");
        save(officer("11077"), task, row("procedure_code", "B", "dossiers", "2"));
        CampaignReport b = submit(leader("11077"), task, "b");
        accept(leader("298"), a.getReportId());

        CampaignReport first = consolidate(leader("298"), task);
        assertThat(first.getSourceReportIdsList()).containsExactly(a.getReportId());
        accept(leader("298"), b.getReportId());
        CampaignReport rebuilt = consolidate(leader("298"), task);
        assertThat(rebuilt.getReportId()).isEqualTo(first.getReportId());
        assertThat(rebuilt.getVersion()).isEqualTo(1);
        assertThat(rebuilt.getSourceReportIdsList()).containsExactly(a.getReportId(), b.getReportId());
        assertThat(rebuilt.getRowsList())
                .extracting(CampaignRow::getSourceUnitCode)
                .containsExactly("11074", "11077");

        CampaignReport up = submit(leader("298"), task, "up");
        campaign(leader("30"))
                .returnCampaignReport(ReturnCampaignReportRequest.newBuilder()
                        .setReportId(up.getReportId())
                        .setReason("Kiểm tra lại số liệu")
                        .build());
        CampaignReport again = consolidate(officer("298"), task);
        assertThat(again.getVersion()).isEqualTo(2);
        assertThat(again.getState()).isEqualTo(CampaignReportState.CAMPAIGN_REPORT_STATE_DRAFT);
        assertThat(again.getRowsList()).hasSize(2);
    }

    private CampaignReport accept(String token, String reportId) {
        return campaign(token)
                .acceptCampaignReport(AcceptCampaignReportRequest.newBuilder()
                        .setReportId(reportId)
                        .build())
                .getReport();
    }

    private CampaignReport consolidate(String token, String task) {
        return campaign(token)
                .consolidateCampaign(
                        ConsolidateCampaignRequest.newBuilder().setTaskId(task).build())
                .getReport();
    }

    private String doneAt(String unit) {
        return world.text(
                "SELECT DATE_FORMAT(done_at, '%Y-%m-%d %H:%i:%s.%f') FROM task_assignment WHERE task_id = ?"
                        + " AND unit_code = ?",
                TASK, unit);
    }
}
