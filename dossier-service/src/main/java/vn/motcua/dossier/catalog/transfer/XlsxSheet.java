package vn.motcua.dossier.catalog.transfer;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Catalogue files as an Excel workbook: the first sheet, a header row, one row per procedure version. Export
 * writes every cell as text so that codes such as 1.001190 keep their trailing zeros; import also accepts numbers,
 * booleans and date-formatted cells as people type them.
 */
final class XlsxSheet {

    static final String SHEET_NAME = "TTHC";
    /** Columns looked at: the catalogue has 14, people add a few notes; a cell far to the right is ignored. */
    static final int MAX_COLUMNS = 64;

    static {
        // POI refuses zip bombs by compression ratio; also cap what one part may inflate to (the sheet XML of
        // 2,000 rows is a few MB), since the whole part is held in memory
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
    }

    private XlsxSheet() {
    }

    static List<SheetRow> read(byte[] content, int maxRows) throws CatalogueFileException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new CatalogueFileException("has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            List<SheetRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS); i++) {
                    cells.add(text(row.getCell(i), formatter));
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    CatalogueSheets.requireColumns(header);
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new CatalogueFileException("has more than " + maxRows + " rows");
                }
                Map<String, String> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    byColumn.put(header.get(i), cells.get(i));
                }
                rows.add(new SheetRow(row.getRowNum() + 1, byColumn));
            }
            if (header == null) {
                throw new CatalogueFileException("has no header row");
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new CatalogueFileException("is not a readable XLSX workbook");
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
            default -> "";
        };
    }

    static byte[] write(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            XSSFCellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < CatalogueCells.COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(CatalogueCells.COLUMNS.get(i));
                cell.setCellStyle(bold);
                // fixed widths: autoSizeColumn needs fonts that a headless server may lack
                sheet.setColumnWidth(i, (i == 1 || i >= 11 ? 60 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i, CellType.STRING).setCellValue(cells.get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
