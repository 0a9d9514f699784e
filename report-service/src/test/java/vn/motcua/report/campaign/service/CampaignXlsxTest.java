package vn.motcua.report.campaign.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.motcua.report.campaign.domain.CampaignReport;
import vn.motcua.report.campaign.domain.CampaignRow;
import vn.motcua.report.campaign.domain.ReportState;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.ColumnType;
import vn.motcua.report.task.domain.TemplateColumn;
import vn.motcua.report.task.domain.TemplatePrefill;

class CampaignXlsxTest {

    private static final CampaignTemplate TEMPLATE = new CampaignTemplate(
            List.of(
                    new TemplateColumn("name", "Tên thủ tục", ColumnType.TEXT, true),
                    new TemplateColumn("count", "Số hồ sơ", ColumnType.INTEGER, false),
                    new TemplateColumn("ratio", "Tỷ lệ", ColumnType.DECIMAL, false),
                    new TemplateColumn("day", "Ngày", ColumnType.DATE, false),
                    new TemplateColumn("online", "Trực tuyến", ColumnType.YES_NO, false)),
            TemplatePrefill.NONE);

    private static CampaignReport report(boolean consolidation, List<CampaignRow> rows) {
        return new CampaignReport(
                "R",
                "T",
                "11077",
                2,
                ReportState.SUBMITTED,
                consolidation,
                rows,
                rows.size(),
                "u",
                Instant.EPOCH,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    private static Sheet read(byte[] content) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(content)).getSheetAt(0);
    }

    @Test
    void aUnitsReportHasItsTitleTheLabelsAndTypedCells() throws IOException {
        Sheet sheet = read(CampaignXlsx.render(
                "Rà soát TTHC",
                "Xã Tây Kỳ",
                TEMPLATE,
                report(
                        false,
                        List.of(
                                CampaignRow.of(Map.of(
                                        "name",
                                        "Khai sinh",
                                        "count",
                                        "9007199254740993",
                                        "ratio",
                                        "-0.25",
                                        "day",
                                        "2026-02-28",
                                        "online",
                                        "false")),
                                CampaignRow.of(Map.of("name", "Kết hôn", "count", "7"))))));
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Rà soát TTHC - Xã Tây Kỳ (phiên bản 2)");
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Tên thủ tục");
        assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Trực tuyến");
        Row first = sheet.getRow(2);
        // beyond 2^53 a number would change: it stays text
        assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
        assertThat(first.getCell(1).getStringCellValue()).isEqualTo("9007199254740993");
        assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(-0.25);
        assertThat(DateUtil.isCellDateFormatted(first.getCell(3))).isTrue();
        assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.BOOLEAN);
        assertThat(first.getCell(4).getBooleanCellValue()).isFalse();
        Row second = sheet.getRow(3);
        assertThat(second.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(7.0);
        assertThat(second.getCell(2)).as("blank cells stay empty").isNull();
        assertThat(sheet.getLastRowNum()).isEqualTo(3);
    }

    @Test
    void aConsolidationLeadsWithTheUnitColumn() throws IOException {
        Sheet sheet = read(CampaignXlsx.render(
                "Rà soát",
                "Huyện Tứ Kỳ",
                TEMPLATE,
                report(true, List.of(new CampaignRow(Map.of("name", "Khai sinh"), "11077", "Xã Tây Kỳ")))));
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("tổng hợp");
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
        assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Tên thủ tục");
        assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Xã Tây Kỳ");
        assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Khai sinh");
    }
}
