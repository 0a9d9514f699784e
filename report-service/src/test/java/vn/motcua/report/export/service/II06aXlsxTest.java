package vn.motcua.report.export.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.motcua.report.export.domain.ExportDocument;
import vn.motcua.report.export.domain.ExportSource;
import vn.motcua.report.ii06a.domain.II06aColumn;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRow;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.ii06a.domain.Rows;
import vn.motcua.report.ii06a.domain.SampleReports;
import vn.motcua.report.submission.domain.ConsolidatedSource;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.domain.Submission;

/** Renders sample reports and reads them back with Apache POI, as a province's software would open them. */
class II06aXlsxTest {

    static final int FIRST = II06aXlsx.ROW_FIRST_DATA;

    @Test
    void thePreambleNamesTheFormTheUnitsThePeriodAndTheUnitOfCount() throws IOException {
        try (XSSFWorkbook wb = open(live())) {
            Sheet sheet = wb.getSheet("II.06a");
            assertThat(text(sheet, 0, 0)).isEqualTo("Biểu số II.06a/VPCP/KSTT");
            assertThat(text(sheet, 1, 0)).isEqualTo("Đơn vị báo cáo: Tỉnh Hải Dương");
            assertThat(text(sheet, 2, 0)).isEqualTo("Đơn vị nhận báo cáo: Văn phòng Chính phủ");
            assertThat(text(sheet, 4, 0))
                    .isEqualTo("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI"
                            + " QUYẾT THỦ TỤC HÀNH CHÍNH");
            assertThat(text(sheet, 5, 0))
                    .isEqualTo("Kỳ báo cáo: Quý III năm 2026 (Từ ngày 01/07/2026 đến ngày 30/09/2026)");
            assertThat(cellsContaining(sheet, "Đơn vị tính: Số hồ sơ TTHC")).hasSize(1);
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(4, 4, 0, II06aXlsx.LAST_COL));
        }
    }

    @Test
    void theHeaderGroupsColumnsWithMergedCellsLikeTheForm() throws IOException {
        try (XSSFWorkbook wb = open(live())) {
            Sheet sheet = wb.getSheet("II.06a");
            int h = II06aXlsx.ROW_HEADER_1;
            List<CellRangeAddress> merged = sheet.getMergedRegions();
            assertThat(merged)
                    .contains(
                            new CellRangeAddress(h, h + 3, 0, 0),
                            new CellRangeAddress(h, h + 3, 1, 1),
                            new CellRangeAddress(h, h, 2, 5),
                            new CellRangeAddress(h, h, 6, 9),
                            new CellRangeAddress(h, h, 10, 12),
                            new CellRangeAddress(h, h, 13, 18),
                            new CellRangeAddress(h + 1, h + 3, 2, 2),
                            new CellRangeAddress(h + 1, h + 1, 3, 5),
                            new CellRangeAddress(h + 2, h + 2, 3, 4),
                            new CellRangeAddress(h + 2, h + 3, 5, 5),
                            new CellRangeAddress(h + 1, h + 3, 9, 9),
                            new CellRangeAddress(h + 1, h + 3, 12, 12));
            assertThat(text(sheet, h, 0)).isEqualTo("STT");
            assertThat(text(sheet, h, 1)).isEqualTo("Đơn vị giải quyết");
            assertThat(text(sheet, h, 2)).isEqualTo("Số hồ sơ nhận giải quyết");
            assertThat(text(sheet, h, 6)).isEqualTo("Số lượng hồ sơ đã giải quyết");
            assertThat(text(sheet, h, 10)).isEqualTo("Số lượng hồ sơ đang giải quyết");
            assertThat(text(sheet, h, 13)).isEqualTo("Cột bổ sung của địa phương (ngoài mẫu)");
            assertThat(text(sheet, h + 1, 2)).isEqualTo("Tổng số");
            assertThat(text(sheet, h + 1, 3)).isEqualTo("Trong đó");
            assertThat(text(sheet, h + 2, 3)).isEqualTo("Số mới tiếp nhận");
            assertThat(text(sheet, h + 3, 3)).isEqualTo("Trực tuyến");
            assertThat(text(sheet, h + 3, 4)).isEqualTo("Trực tiếp, dịch vụ bưu chính");
            assertThat(text(sheet, h + 2, 5)).isEqualTo("Số từ kỳ trước chuyển qua");
            assertThat(List.of(
                            text(sheet, h + 1, 6), text(sheet, h + 1, 7), text(sheet, h + 1, 8), text(sheet, h + 1, 9)))
                    .containsExactly("Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn");
            assertThat(List.of(text(sheet, h + 1, 10), text(sheet, h + 1, 11), text(sheet, h + 1, 12)))
                    .containsExactly("Tổng số", "Trong hạn", "Quá hạn");
            assertThat(text(sheet, h + 1, 13)).isEqualTo("Tiếp nhận qua dịch vụ bưu chính công ích");
            List<String> numbers = new ArrayList<>();
            Row numberRow = sheet.getRow(II06aXlsx.ROW_COLUMN_NUMBERS);
            for (int c = 0; c <= II06aXlsx.LAST_COL; c++) {
                numbers.add(numberRow.getCell(c).getStringCellValue());
            }
            assertThat(numbers)
                    .containsExactly(
                            "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)",
                            "(13)", "(a)", "(b)", "(c)", "(d)", "(e)", "(f)");
        }
    }

    @Test
    void unitRowsCarryTheirNumbersInTheRightColumnsWithSubtotalsAndABoldTotal() throws IOException {
        II06aReport report = SampleReports.province(Instant.EPOCH);
        try (XSSFWorkbook wb = open(new ExportDocument(ExportSource.LIVE, report, "Văn phòng Chính phủ", null, null))) {
            Sheet sheet = wb.getSheet("II.06a");
            for (int i = 0; i < report.rows().size(); i++) {
                II06aRow row = report.rows().get(i);
                assertFigures(sheet.getRow(FIRST + i), row.counts());
            }
            assertThat(sheet.getRow(FIRST).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(text(sheet, FIRST, 1)).isEqualTo("Tỉnh Hải Dương (trực tiếp giải quyết)");
            assertThat(text(sheet, FIRST + 1, 1)).isEqualTo("Cộng: Huyện Tứ Kỳ");
            assertThat(sheet.getRow(FIRST + 1).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(bold(sheet, FIRST + 1, 2)).isTrue();
            assertThat(text(sheet, FIRST + 3, 1)).isEqualTo("Xã Tây Kỳ");
            assertThat(sheet.getRow(FIRST + 3).getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(FIRST + 3).getCell(1).getCellStyle().getIndention())
                    .isEqualTo((short) 2);

            int totalRow = FIRST + report.rows().size();
            assertThat(text(sheet, totalRow, 1)).isEqualTo("Tổng cộng");
            assertFigures(sheet.getRow(totalRow), report.total());
            assertThat(bold(sheet, totalRow, 2)).isTrue();
            assertThat(bold(sheet, FIRST + 3, 2)).isFalse();
            // (3) of the total is the sum of the unit rows (not of the subtotals as well)
            double sum = 0;
            for (int i = 0; i < report.rows().size(); i++) {
                if (!report.rows().get(i).subtotal()) {
                    sum += sheet.getRow(FIRST + i)
                            .getCell(II06aXlsx.COL_FIRST_FIGURE)
                            .getNumericCellValue();
                }
            }
            assertThat(sheet.getRow(totalRow)
                            .getCell(II06aXlsx.COL_FIRST_FIGURE)
                            .getNumericCellValue())
                    .isEqualTo(sum);
        }
    }

    @Test
    void theSignatureBlockLeavesTheDateToFillForLiveFigures() throws IOException {
        try (XSSFWorkbook wb = open(live())) {
            Sheet sheet = wb.getSheet("II.06a");
            assertThat(cellsContaining(sheet, "Người lập biểu")).hasSize(1);
            assertThat(cellsContaining(sheet, "Thủ trưởng đơn vị")).hasSize(1);
            assertThat(cellsContaining(sheet, "(Ký, đóng dấu, ghi rõ họ tên)")).hasSize(1);
            assertThat(cellsContaining(sheet, "……, ngày …… tháng …… năm ……")).hasSize(1);
            assertThat(cellsContaining(sheet, "chưa phải báo cáo đã nộp")).hasSize(1);
        }
    }

    @Test
    void aSubmittedVersionShowsItsVersionAndTimeAndIsDatedTheDayItWasSubmitted() throws IOException {
        II06aReport report = SampleReports.commune(Rows.row(1, 2, 0, 1, 0, 0, 0));
        Submission v2 = new Submission(
                "S2",
                report.unit(),
                ReportKind.II06A,
                report.period(),
                2,
                "leader11077",
                Instant.parse("2026-10-02T03:30:00Z"),
                "bổ sung hồ sơ",
                true,
                Instant.EPOCH,
                report,
                List.of(),
                List.of());
        try (XSSFWorkbook wb = open(new ExportDocument(ExportSource.SUBMITTED, report, "Huyện Tứ Kỳ", v2, null))) {
            Sheet sheet = wb.getSheet("II.06a");
            assertThat(text(sheet, 2, 0)).isEqualTo("Đơn vị nhận báo cáo: Huyện Tứ Kỳ");
            assertThat(text(sheet, 6, 0))
                    .isEqualTo("Phiên bản 2, nộp lúc 10:30 ngày 02/10/2026 (leader11077), nộp muộn."
                            + " Lý do điều chỉnh: bổ sung hồ sơ");
            assertThat(cellsContaining(sheet, "……, ngày 2 tháng 10 năm 2026")).hasSize(1);
        }
    }

    @Test
    void aConsolidationListsTheChildrenThatHaveNotSubmittedOrWereLate() throws IOException {
        II06aReport report = SampleReports.province(Instant.EPOCH);
        ReportUnit d298 = new ReportUnit("298", "Huyện Tứ Kỳ", 2, "30", 1);
        ReportUnit d297 = new ReportUnit("297", "Huyện Thanh Hà", 2, "30", 1);
        List<ConsolidatedSource> sources = List.of(
                new ConsolidatedSource(d298, 2, "X", Instant.EPOCH, true, false), ConsolidatedSource.missing(d297));
        try (XSSFWorkbook wb = open(new ExportDocument(ExportSource.CONSOLIDATED, report, "VPCP", null, sources))) {
            Sheet sheet = wb.getSheet("II.06a");
            assertThat(cellsContaining(sheet, "Đơn vị chưa nộp báo cáo: Huyện Thanh Hà"))
                    .hasSize(1);
            assertThat(cellsContaining(sheet, "Đơn vị nộp muộn: Huyện Tứ Kỳ (phiên bản 2)"))
                    .hasSize(1);
            assertThat(text(sheet, 6, 0)).startsWith("Tổng hợp từ báo cáo đã nộp");
        }
    }

    @Test
    void aFieldReportHeadsItsRowsByField() throws IOException {
        II06aReport report = SampleReports.byField();
        try (XSSFWorkbook wb = open(new ExportDocument(ExportSource.LIVE, report, "VPCP", null, null))) {
            Sheet sheet = wb.getSheet("II.06a");
            assertThat(text(sheet, II06aXlsx.ROW_HEADER_1, 1)).isEqualTo("Lĩnh vực giải quyết");
            assertThat(text(sheet, FIRST, 1)).isEqualTo("Hộ tịch");
            assertThat(text(sheet, FIRST + 1, 1)).isEqualTo("Khác");
            assertFigures(sheet.getRow(FIRST + 2), report.total());
        }
    }

    private static ExportDocument live() {
        return new ExportDocument(
                ExportSource.LIVE, SampleReports.province(Instant.EPOCH), "Văn phòng Chính phủ", null, null);
    }

    private static XSSFWorkbook open(ExportDocument doc) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(II06aXlsx.render(doc)));
    }

    private static void assertFigures(Row row, II06aCounts counts) {
        II06aColumn[] columns = II06aColumn.values();
        for (int i = 0; i < columns.length; i++) {
            Cell cell = row.getCell(II06aXlsx.COL_FIRST_FIGURE + i);
            assertThat(cell.getCellType()).as(columns[i].key()).isEqualTo(CellType.NUMERIC);
            assertThat((long) cell.getNumericCellValue()).as(columns[i].key()).isEqualTo(columns[i].of(counts));
        }
    }

    private static String text(Sheet sheet, int row, int col) {
        return sheet.getRow(row).getCell(col).getStringCellValue();
    }

    private static boolean bold(Sheet sheet, int row, int col) {
        XSSFCell cell = (XSSFCell) sheet.getRow(row).getCell(col);
        return cell.getCellStyle().getFont().getBold();
    }

    private static List<String> cellsContaining(Sheet sheet, String text) {
        List<String> found = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().contains(text)) {
                    found.add(cell.getAddress().formatAsString());
                }
            }
        }
        return found;
    }
}
