package vn.motcua.report.campaign.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.report.campaign.domain.CampaignReport;
import vn.motcua.report.campaign.domain.CampaignRow;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.ColumnType;
import vn.motcua.report.task.domain.TemplateColumn;

/**
 * One version of a campaign report as an XLSX sheet: a title row (the task's title, the unit, the version), a header
 * row of the template's labels ("Đơn vị" first for a consolidation), then one row per data row with typed cells:
 * whole and decimal numbers as numbers, dates as dates, yes/no as booleans, text as text. A whole number beyond what
 * a spreadsheet number holds exactly (2^53) stays text rather than change.
 */
public final class CampaignXlsx {

    public static final String SHEET_NAME = "Báo cáo";
    public static final String UNIT_HEADER = "Đơn vị";
    public static final int ROW_TITLE = 0;
    public static final int ROW_HEADER = 1;
    public static final int ROW_FIRST_DATA = 2;

    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private CampaignXlsx() {}

    public static String title(String taskTitle, String unitName, CampaignReport report) {
        return taskTitle + " - " + unitName + " (" + (report.consolidation() ? "tổng hợp, " : "") + "phiên bản "
                + report.version() + ")";
    }

    public static byte[] render(String taskTitle, String unitName, CampaignTemplate template, CampaignReport report) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET_NAME);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));

            List<TemplateColumn> columns = template.columns();
            int offset = report.consolidation() ? 1 : 0;
            Cell titleCell = sheet.createRow(ROW_TITLE).createCell(0);
            titleCell.setCellValue(title(taskTitle, unitName, report));
            titleCell.setCellStyle(bold);
            int lastColumn = columns.size() - 1 + offset;
            if (lastColumn > 0) {
                sheet.addMergedRegion(new CellRangeAddress(ROW_TITLE, ROW_TITLE, 0, lastColumn));
            }
            Row header = sheet.createRow(ROW_HEADER);
            if (offset == 1) {
                headerCell(header, 0, UNIT_HEADER, bold);
            }
            for (int c = 0; c < columns.size(); c++) {
                headerCell(header, c + offset, columns.get(c).label(), bold);
            }
            int r = ROW_FIRST_DATA;
            for (CampaignRow row : report.rows()) {
                Row sheetRow = sheet.createRow(r++);
                if (offset == 1) {
                    sheetRow.createCell(0).setCellValue(row.sourceUnitName() == null ? "" : row.sourceUnitName());
                }
                for (int c = 0; c < columns.size(); c++) {
                    TemplateColumn column = columns.get(c);
                    String value = row.cells().get(column.key());
                    if (value != null && !value.isBlank()) {
                        typed(sheetRow.createCell(c + offset), column.type(), value, date);
                    }
                }
            }
            for (int c = 0; c <= lastColumn; c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headerCell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** The value was checked against its type when saved; a value that no longer parses is kept as text. */
    private static void typed(Cell cell, ColumnType type, String value, CellStyle dateStyle) {
        if (!type.accepts(value)) {
            cell.setCellValue(value);
            return;
        }
        switch (type) {
            case INTEGER -> {
                long n = Long.parseLong(value);
                if (Math.abs(n) <= EXACT_IN_DOUBLE) {
                    cell.setCellValue((double) n);
                } else {
                    cell.setCellValue(value);
                }
            }
            case DECIMAL -> cell.setCellValue(new BigDecimal(value).doubleValue());
            case DATE -> {
                cell.setCellValue(LocalDate.parse(value));
                cell.setCellStyle(dateStyle);
            }
            case YES_NO -> cell.setCellValue(Boolean.parseBoolean(value));
            case TEXT -> cell.setCellValue(value);
        }
    }
}
