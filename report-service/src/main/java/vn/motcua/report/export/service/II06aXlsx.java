package vn.motcua.report.export.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.report.export.domain.ExportDocument;
import vn.motcua.report.export.domain.ExportSource;
import vn.motcua.report.ii06a.domain.II06aColumn;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aGrouping;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRow;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.reception.domain.LocalDates;
import vn.motcua.report.submission.domain.ConsolidatedSource;
import vn.motcua.report.submission.domain.Submission;

/**
 * Form II.06a as an XLSX sheet laid out like the official form (domain.md 7.1, 18.2): the form number, reporting and
 * receiving units, title, period, unit of count, four header rows whose merged cells group the columns, the row of
 * column numbers (1)..(13), one row per unit (subtotals and the total in bold) or per field, the optional local
 * columns after (13) under their own heading, and the signature block.
 */
public final class II06aXlsx {

    public static final String SHEET_NAME = "II.06a";
    public static final String FORM_NUMBER = "Biểu số II.06a/VPCP/KSTT";
    public static final String TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP"
            + " GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
    public static final String COUNT_UNIT = "Đơn vị tính: Số hồ sơ TTHC";
    public static final String OPTIONAL_HEADING = "Cột bổ sung của địa phương (ngoài mẫu)";

    /** Column index of STT, of the name, and of the first figure ((3)); the optional columns follow (13). */
    public static final int COL_STT = 0;

    public static final int COL_NAME = 1;
    public static final int COL_FIRST_FIGURE = 2;
    public static final int LAST_COL = COL_FIRST_FIGURE + II06aColumn.values().length - 1;

    /** 0-based sheet rows of the header block. */
    public static final int ROW_HEADER_1 = 8;

    public static final int ROW_COLUMN_NUMBERS = ROW_HEADER_1 + 4;
    public static final int ROW_FIRST_DATA = ROW_COLUMN_NUMBERS + 1;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private II06aXlsx() {}

    public static byte[] render(ExportDocument doc) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Sheet sheet = wb.createSheet(SHEET_NAME);
            II06aReport report = doc.report();
            preamble(sheet, styles, doc);
            header(sheet, styles, report.grouping());
            int next = ROW_FIRST_DATA;
            Set<String> parents = parents(report.rows());
            for (II06aRow row : report.rows()) {
                boolean parentOwnRow = !row.subtotal()
                        && row.unit() != null
                        && parents.contains(row.unit().code());
                dataRow(sheet.createRow(next++), styles, row, parentOwnRow);
            }
            totalRow(sheet.createRow(next++), styles, report.total());
            next = notes(sheet, styles, doc, next + 1);
            signature(sheet, styles, doc, next + 1);
            layout(sheet);
            wb.getProperties().getCoreProperties().setTitle(FORM_NUMBER);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void preamble(Sheet sheet, Styles styles, ExportDocument doc) {
        II06aReport report = doc.report();
        text(sheet, 0, COL_STT, FORM_NUMBER, styles.bold);
        text(sheet, 0, LAST_COL - 5, "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020", styles.italic);
        text(sheet, 1, COL_STT, "Đơn vị báo cáo: " + report.unit().name(), styles.plain);
        text(sheet, 2, COL_STT, "Đơn vị nhận báo cáo: " + doc.recipientName(), styles.plain);
        mergedText(sheet, 4, COL_STT, LAST_COL, TITLE, styles.title);
        mergedText(sheet, 5, COL_STT, LAST_COL, periodLine(report.period()), styles.centered);
        mergedText(sheet, 6, COL_STT, LAST_COL, statusLine(doc), styles.centeredItalic);
        mergedText(sheet, 7, LAST_COL - 3, LAST_COL, COUNT_UNIT, styles.rightItalic);
    }

    /** "Kỳ báo cáo: Quý III năm 2026 (Từ ngày 01/07/2026 đến ngày 30/09/2026)". */
    public static String periodLine(ResolvedPeriod period) {
        String range = "Từ ngày " + VN_DATE.format(period.from()) + " đến ngày " + VN_DATE.format(period.to());
        if (period.spec().kind() == PeriodKind.RANGE) {
            return "Kỳ báo cáo: " + range;
        }
        String label = period.label();
        int bracket = label.indexOf(" (");
        String name = bracket > 0 ? label.substring(0, bracket) : label;
        return "Kỳ báo cáo: " + name + " (" + range + ")";
    }

    /** What the figures are: a frozen version, a consolidation, or live figures not yet submitted. */
    public static String statusLine(ExportDocument doc) {
        Submission s = doc.submission();
        if (doc.source() == ExportSource.SUBMITTED && s != null) {
            String line = "Phiên bản " + s.version() + ", nộp lúc "
                    + TIME.format(s.submittedAt().atZone(LocalDates.ZONE)) + " (" + s.submittedBy() + ")";
            if (s.late()) {
                line += ", nộp muộn";
            }
            if (s.reason() != null) {
                line += ". Lý do điều chỉnh: " + s.reason();
            }
            return line;
        }
        if (doc.source() == ExportSource.CONSOLIDATED) {
            return "Tổng hợp từ báo cáo đã nộp của các đơn vị trực thuộc và hồ sơ do đơn vị trực tiếp giải quyết";
        }
        return "Số liệu tổng hợp trực tiếp từ hệ thống (chưa phải báo cáo đã nộp)";
    }

    private static void header(Sheet sheet, Styles styles, II06aGrouping grouping) {
        int h1 = ROW_HEADER_1;
        for (int r = h1; r <= ROW_COLUMN_NUMBERS; r++) {
            Row row = sheet.createRow(r);
            for (int c = COL_STT; c <= LAST_COL; c++) {
                row.createCell(c).setCellStyle(styles.header);
            }
        }
        header(sheet, styles, h1, h1 + 3, COL_STT, COL_STT, "STT");
        header(
                sheet,
                styles,
                h1,
                h1 + 3,
                COL_NAME,
                COL_NAME,
                grouping == II06aGrouping.FIELD ? "Lĩnh vực giải quyết" : "Đơn vị giải quyết");
        int c3 = COL_FIRST_FIGURE;
        header(sheet, styles, h1, h1, c3, c3 + 3, "Số hồ sơ nhận giải quyết");
        header(sheet, styles, h1, h1, c3 + 4, c3 + 7, "Số lượng hồ sơ đã giải quyết");
        header(sheet, styles, h1, h1, c3 + 8, c3 + 10, "Số lượng hồ sơ đang giải quyết");
        header(sheet, styles, h1, h1, c3 + 11, LAST_COL, OPTIONAL_HEADING);

        header(sheet, styles, h1 + 1, h1 + 3, c3, c3, "Tổng số");
        header(sheet, styles, h1 + 1, h1 + 1, c3 + 1, c3 + 3, "Trong đó");
        header(sheet, styles, h1 + 2, h1 + 2, c3 + 1, c3 + 2, "Số mới tiếp nhận");
        header(sheet, styles, h1 + 3, h1 + 3, c3 + 1, c3 + 1, "Trực tuyến");
        header(sheet, styles, h1 + 3, h1 + 3, c3 + 2, c3 + 2, "Trực tiếp, dịch vụ bưu chính");
        header(sheet, styles, h1 + 2, h1 + 3, c3 + 3, c3 + 3, "Số từ kỳ trước chuyển qua");
        header(sheet, styles, h1 + 1, h1 + 3, c3 + 4, c3 + 4, "Tổng số");
        header(sheet, styles, h1 + 1, h1 + 3, c3 + 5, c3 + 5, "Trước hạn");
        header(sheet, styles, h1 + 1, h1 + 3, c3 + 6, c3 + 6, "Đúng hạn");
        header(sheet, styles, h1 + 1, h1 + 3, c3 + 7, c3 + 7, "Quá hạn");
        header(sheet, styles, h1 + 1, h1 + 3, c3 + 8, c3 + 8, "Tổng số");
        header(sheet, styles, h1 + 1, h1 + 3, c3 + 9, c3 + 9, "Trong hạn");
        header(sheet, styles, h1 + 1, h1 + 3, c3 + 10, c3 + 10, "Quá hạn");
        List<II06aColumn> optional = II06aColumn.optional();
        for (int i = 0; i < optional.size(); i++) {
            int c = c3 + 11 + i;
            header(sheet, styles, h1 + 1, h1 + 3, c, c, optional.get(i).header());
        }

        Row numbers = sheet.getRow(ROW_COLUMN_NUMBERS);
        numbers.getCell(COL_STT).setCellValue("(1)");
        numbers.getCell(COL_NAME).setCellValue("(2)");
        II06aColumn[] columns = II06aColumn.values();
        for (int i = 0; i < columns.length; i++) {
            numbers.getCell(COL_FIRST_FIGURE + i).setCellValue(columns[i].number());
        }
    }

    private static void header(Sheet sheet, Styles styles, int r1, int r2, int c1, int c2, String text) {
        sheet.getRow(r1).getCell(c1).setCellValue(text);
        if (r1 != r2 || c1 != c2) {
            CellRangeAddress region = new CellRangeAddress(r1, r2, c1, c2);
            sheet.addMergedRegion(region);
            RegionUtil.setBorderTop(BorderStyle.THIN, region, sheet);
            RegionUtil.setBorderBottom(BorderStyle.THIN, region, sheet);
            RegionUtil.setBorderLeft(BorderStyle.THIN, region, sheet);
            RegionUtil.setBorderRight(BorderStyle.THIN, region, sheet);
        }
    }

    private static void dataRow(Row row, Styles styles, II06aRow data, boolean parentOwnRow) {
        boolean bold = data.subtotal();
        Cell stt = row.createCell(COL_STT);
        stt.setCellStyle(bold ? styles.boldNumber : styles.number);
        if (!data.subtotal()) {
            stt.setCellValue(data.rowNumber());
        }
        Cell name = row.createCell(COL_NAME);
        if (data.unit() != null) {
            int indent = Math.min(data.unit().depth(), 10);
            name.setCellStyle(bold ? styles.boldName[indent] : styles.name[indent]);
            String label = data.unit().name();
            if (data.subtotal()) {
                label = "Cộng: " + label;
            } else if (parentOwnRow) {
                label = label + " (trực tiếp giải quyết)";
            }
            name.setCellValue(label);
        } else {
            name.setCellStyle(styles.name[0]);
            name.setCellValue(data.fieldName());
        }
        figures(row, bold ? styles.boldNumber : styles.number, data.counts());
    }

    private static void totalRow(Row row, Styles styles, II06aCounts total) {
        row.createCell(COL_STT).setCellStyle(styles.boldNumber);
        Cell name = row.createCell(COL_NAME);
        name.setCellStyle(styles.boldName[0]);
        name.setCellValue("Tổng cộng");
        figures(row, styles.boldNumber, total);
    }

    private static void figures(Row row, CellStyle style, II06aCounts counts) {
        II06aColumn[] columns = II06aColumn.values();
        for (int i = 0; i < columns.length; i++) {
            Cell cell = row.createCell(COL_FIRST_FIGURE + i);
            cell.setCellStyle(style);
            cell.setCellValue(columns[i].of(counts));
        }
    }

    /** A consolidation says which children are missing or late; the optional columns are explained. */
    private static int notes(Sheet sheet, Styles styles, ExportDocument doc, int row) {
        int next = row;
        if (doc.source() == ExportSource.CONSOLIDATED) {
            List<String> missing = doc.sources().stream()
                    .filter(ConsolidatedSource::missing)
                    .map(s -> s.unit().name())
                    .toList();
            List<String> late = doc.sources().stream()
                    .filter(s -> !s.missing() && s.late())
                    .map(s -> s.unit().name() + " (phiên bản " + s.version() + ")")
                    .toList();
            text(
                    sheet,
                    next++,
                    COL_STT,
                    "Đơn vị chưa nộp báo cáo: " + (missing.isEmpty() ? "không" : String.join(", ", missing)),
                    styles.plain);
            text(
                    sheet,
                    next++,
                    COL_STT,
                    "Đơn vị nộp muộn: " + (late.isEmpty() ? "không" : String.join(", ", late)),
                    styles.plain);
        }
        text(
                sheet,
                next++,
                COL_STT,
                "Ghi chú: cột (3) = (4) + (5) + (6) = (7) + (11); hồ sơ rút, dừng, trả lại được tính là đã giải quyết;"
                        + " các cột (a) đến (f) là cột bổ sung của địa phương, không thuộc mẫu. Phân loại trước hạn,"
                        + " đúng hạn, quá hạn theo quy tắc " + doc.report().timelinessRule() + ".",
                styles.italic);
        return next;
    }

    private static void signature(Sheet sheet, Styles styles, ExportDocument doc, int row) {
        int leftEnd = COL_NAME;
        int rightStart = LAST_COL - 6;
        String dateLine = "……, ngày …… tháng …… năm ……";
        if (doc.source() == ExportSource.SUBMITTED && doc.submission() != null) {
            LocalDate day = LocalDates.of(doc.submission().submittedAt());
            dateLine = "……, ngày " + day.getDayOfMonth() + " tháng " + day.getMonthValue() + " năm " + day.getYear();
        }
        mergedText(sheet, row, rightStart, LAST_COL, dateLine, styles.centeredItalic);
        mergedText(sheet, row + 1, COL_STT, leftEnd, "Người lập biểu", styles.centeredBold);
        mergedText(sheet, row + 1, rightStart, LAST_COL, "Thủ trưởng đơn vị", styles.centeredBold);
        mergedText(sheet, row + 2, COL_STT, leftEnd, "(Ký, ghi rõ họ tên)", styles.centeredItalic);
        mergedText(sheet, row + 2, rightStart, LAST_COL, "(Ký, đóng dấu, ghi rõ họ tên)", styles.centeredItalic);
    }

    private static void layout(Sheet sheet) {
        sheet.setColumnWidth(COL_STT, 6 * 256);
        sheet.setColumnWidth(COL_NAME, 42 * 256);
        for (int c = COL_FIRST_FIGURE; c <= LAST_COL; c++) {
            sheet.setColumnWidth(c, 13 * 256);
        }
        sheet.getRow(ROW_HEADER_1 + 1).setHeightInPoints(30);
        sheet.getRow(ROW_HEADER_1 + 3).setHeightInPoints(45);
        sheet.createFreezePane(COL_FIRST_FIGURE, ROW_FIRST_DATA);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** Units with children in the report: their own row is labelled as the dossiers they handle themselves. */
    private static Set<String> parents(List<II06aRow> rows) {
        Set<String> parents = new HashSet<>();
        for (II06aRow r : rows) {
            if (r.unit() != null && r.unit().parentCode() != null) {
                parents.add(r.unit().parentCode());
            }
        }
        return parents;
    }

    private static void text(Sheet sheet, int r, int c, String value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void mergedText(Sheet sheet, int r, int c1, int c2, String value, CellStyle style) {
        text(sheet, r, c1, value, style);
        if (c2 > c1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, c1, c2));
        }
    }

    /** Cell styles, made once per workbook (XLSX caps the number of distinct styles). */
    private static final class Styles {
        final CellStyle plain;
        final CellStyle bold;
        final CellStyle italic;
        final CellStyle title;
        final CellStyle centered;
        final CellStyle centeredBold;
        final CellStyle centeredItalic;
        final CellStyle rightItalic;
        final CellStyle header;
        final CellStyle number;
        final CellStyle boldNumber;
        final CellStyle[] name = new CellStyle[11];
        final CellStyle[] boldName = new CellStyle[11];

        Styles(XSSFWorkbook wb) {
            Font regular = font(wb, false, false, 11);
            Font boldFont = font(wb, true, false, 11);
            Font italicFont = font(wb, false, true, 11);
            plain = style(wb, regular, HorizontalAlignment.LEFT, false);
            bold = style(wb, boldFont, HorizontalAlignment.LEFT, false);
            italic = style(wb, italicFont, HorizontalAlignment.LEFT, false);
            title = style(wb, font(wb, true, false, 13), HorizontalAlignment.CENTER, false);
            title.setWrapText(true);
            centered = style(wb, regular, HorizontalAlignment.CENTER, false);
            centeredBold = style(wb, boldFont, HorizontalAlignment.CENTER, false);
            centeredItalic = style(wb, italicFont, HorizontalAlignment.CENTER, false);
            rightItalic = style(wb, italicFont, HorizontalAlignment.RIGHT, false);
            header = style(wb, boldFont, HorizontalAlignment.CENTER, true);
            header.setWrapText(true);
            number = style(wb, regular, HorizontalAlignment.RIGHT, true);
            boldNumber = style(wb, boldFont, HorizontalAlignment.RIGHT, true);
            for (int i = 0; i < name.length; i++) {
                name[i] = style(wb, regular, HorizontalAlignment.LEFT, true);
                name[i].setIndention((short) i);
                name[i].setWrapText(true);
                boldName[i] = style(wb, boldFont, HorizontalAlignment.LEFT, true);
                boldName[i].setIndention((short) i);
                boldName[i].setWrapText(true);
            }
        }

        private static Font font(XSSFWorkbook wb, boolean bold, boolean italic, int points) {
            Font f = wb.createFont();
            f.setFontName("Times New Roman");
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            f.setItalic(italic);
            return f;
        }

        private static CellStyle style(XSSFWorkbook wb, Font font, HorizontalAlignment align, boolean bordered) {
            CellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setAlignment(align);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            if (bordered) {
                s.setBorderTop(BorderStyle.THIN);
                s.setBorderBottom(BorderStyle.THIN);
                s.setBorderLeft(BorderStyle.THIN);
                s.setBorderRight(BorderStyle.THIN);
            }
            return s;
        }
    }
}
