package vn.motcua.report.indicator.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.platform.auth.Caller;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.domain.ReportFile;
import vn.motcua.report.indicator.domain.GroupResult;
import vn.motcua.report.indicator.domain.IndicatorResult;
import vn.motcua.report.indicator.domain.ScoreSheet;
import vn.motcua.report.period.domain.PeriodSpec;

/**
 * The 766 scores of a unit as a file (ExportReport, kind INDICATORS_766): JSON (canonical: fixed key order, no
 * timestamps), CSV (UTF-8 with a BOM so Excel reads the Vietnamese) and XLSX (one sheet: groups, indicators,
 * numerator, denominator, ratio, score, max, notes). The etag is the quoted SHA-256 of the canonical JSON, so it
 * changes exactly when a figure, a note or the rule version changes, whatever the format.
 */
@Singleton
public class IndicatorFileRenderer implements IndicatorFiles {

    static final List<String> HEADERS = List.of(
            "Mã đơn vị",
            "Kỳ báo cáo",
            "Phiên bản bộ chỉ số",
            "Nhóm",
            "Mã chỉ số",
            "Tên nhóm / chỉ số",
            "Loại",
            "Tử số",
            "Mẫu số",
            "Tỷ lệ (%)",
            "Điểm",
            "Điểm tối đa",
            "Đạt điểm tối đa khi tỷ lệ (%)",
            "Ghi chú");

    private static final JsonFactory JSON = new JsonFactory();

    private final IndicatorScoresService scores;

    public IndicatorFileRenderer(IndicatorScoresService scores) {
        this.scores = scores;
    }

    @Override
    public ReportFile render(Caller caller, String unitCode, PeriodSpec period, boolean subtree, FileFormat format) {
        UnitScores result = scores.scores(caller, unitCode, period, subtree, false);
        String json = canonicalJson(result);
        byte[] content = switch (format) {
            case JSON -> json.getBytes(StandardCharsets.UTF_8);
            case CSV -> csv(result);
            case XLSX -> xlsx(result);
        };
        String name = "BC-766_" + ascii(result.unit().code()) + "_"
                + result.period().shortName() + (subtree ? "" : "_rieng") + "." + format.extension();
        return new ReportFile(content, format.contentType(), name, etag(json));
    }

    /** The quoted SHA-256 of the canonical JSON. */
    static String etag(String canonicalJson) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Deterministic: the same figures always give the same text (computed_at is left out on purpose). */
    static String canonicalJson(UnitScores result) {
        StringWriter out = new StringWriter();
        ScoreSheet sheet = result.sheet();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("report", "INDICATORS_766");
            g.writeObjectFieldStart("unit");
            g.writeStringField("code", result.unit().code());
            g.writeStringField("name", result.unit().name());
            g.writeNumberField("level", result.unit().level());
            g.writeEndObject();
            g.writeObjectFieldStart("period");
            g.writeStringField("kind", result.period().kind().name());
            g.writeStringField("from_date", result.period().resolved().from().toString());
            g.writeStringField("to_date", result.period().resolved().to().toString());
            g.writeStringField("label", result.period().resolved().label());
            g.writeEndObject();
            g.writeBooleanField("subtree", result.subtree());
            g.writeNumberField("rule_version", result.ruleVersion());
            g.writeArrayFieldStart("groups");
            for (GroupResult group : sheet.groups()) {
                g.writeStartObject();
                g.writeStringField("id", group.id());
                g.writeStringField("name", group.name());
                g.writeStringField("max_score", group.maxScore());
                g.writeStringField("score", group.score());
                g.writeArrayFieldStart("indicators");
                for (IndicatorResult i : group.indicators()) {
                    g.writeStartObject();
                    g.writeStringField("id", i.id());
                    g.writeStringField("name", i.name());
                    g.writeStringField("kind", i.kind());
                    g.writeNumberField("numerator", i.numerator());
                    g.writeNumberField("denominator", i.denominator());
                    g.writeStringField("ratio_percent", i.ratioPercent());
                    g.writeStringField("score", i.score());
                    g.writeStringField("max_score", i.maxScore());
                    g.writeStringField("full_marks_at_percent", i.fullMarksAtPercent());
                    g.writeBooleanField("drillable", i.drillable());
                    g.writeStringField("note", i.note());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("total_score", sheet.totalScore());
            g.writeObjectFieldStart("online_payment");
            g.writeStringField("percent", sheet.onlinePaymentPercent());
            g.writeStringField("target_percent", sheet.onlinePaymentTargetPercent());
            g.writeBooleanField("target_met", sheet.onlinePaymentTargetMet());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] csv(UnitScores result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        writer,
                        CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            writer.write('\uFEFF');
            csv.printRecord(HEADERS);
            String unit = result.unit().code();
            String period = result.period().shortName();
            String version = Integer.toString(result.ruleVersion());
            for (GroupResult group : result.sheet().groups()) {
                csv.printRecord(
                        unit,
                        period,
                        version,
                        group.id(),
                        "",
                        group.name(),
                        "nhóm",
                        "",
                        "",
                        "",
                        group.score(),
                        group.maxScore(),
                        "",
                        "");
                for (IndicatorResult i : group.indicators()) {
                    csv.printRecord(
                            unit,
                            period,
                            version,
                            group.id(),
                            i.id(),
                            i.name(),
                            kindLabel(i.kind()),
                            i.numerator(),
                            i.denominator(),
                            i.ratioPercent(),
                            i.score(),
                            i.maxScore(),
                            i.fullMarksAtPercent(),
                            i.note());
                }
            }
            csv.printRecord(
                    unit,
                    period,
                    version,
                    "",
                    "",
                    "Tổng điểm",
                    "tổng",
                    "",
                    "",
                    "",
                    result.sheet().totalScore(),
                    "100",
                    "",
                    "Tổng các nhóm tính được điểm");
            csv.printRecord(
                    unit,
                    period,
                    version,
                    "3b",
                    "3.6",
                    "Thanh toán trực tuyến so với chỉ tiêu của tỉnh",
                    "chỉ tiêu",
                    result.sheet().onlinePaymentNumerator(),
                    result.sheet().onlinePaymentDenominator(),
                    result.sheet().onlinePaymentPercent(),
                    "",
                    "",
                    result.sheet().onlinePaymentTargetPercent(),
                    result.sheet().onlinePaymentTargetMet() ? "Đạt chỉ tiêu" : "Chưa đạt chỉ tiêu");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(UnitScores result) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Chỉ số 766");
            CellStyle title = style(book, true, HorizontalAlignment.CENTER, false);
            CellStyle header = style(book, true, HorizontalAlignment.CENTER, true);
            CellStyle groupStyle = style(book, true, HorizontalAlignment.LEFT, true);
            CellStyle text = style(book, false, HorizontalAlignment.LEFT, true);
            CellStyle number = style(book, false, HorizontalAlignment.RIGHT, true);
            int columns = 10;
            int r = 0;
            merged(
                    sheet,
                    r++,
                    columns,
                    title,
                    "BỘ CHỈ SỐ CHỈ ĐẠO, ĐIỀU HÀNH VÀ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP"
                            + " (Quyết định 766/QĐ-TTg)");
            merged(
                    sheet,
                    r++,
                    columns,
                    title,
                    "Đơn vị: " + result.unit().name() + " (" + result.unit().code() + ")"
                            + (result.subtree() ? " và các đơn vị trực thuộc" : ", chỉ hồ sơ của đơn vị"));
            merged(sheet, r++, columns, title, result.period().resolved().label());
            merged(sheet, r++, columns, title, "Phiên bản bộ chỉ số: " + result.ruleVersion());
            r++;
            Row head = sheet.createRow(r++);
            String[] headers = {
                "Mã chỉ số",
                "Nhóm / chỉ số",
                "Loại",
                "Tử số",
                "Mẫu số",
                "Tỷ lệ (%)",
                "Điểm",
                "Điểm tối đa",
                "Đạt điểm tối đa khi tỷ lệ (%)",
                "Ghi chú"
            };
            for (int c = 0; c < headers.length; c++) {
                cell(head, c, headers[c], header);
            }
            for (GroupResult group : result.sheet().groups()) {
                Row row = sheet.createRow(r++);
                cell(row, 0, group.id(), groupStyle);
                cell(row, 1, group.name(), groupStyle);
                cell(row, 2, "nhóm", groupStyle);
                cell(row, 3, "", groupStyle);
                cell(row, 4, "", groupStyle);
                cell(row, 5, "", groupStyle);
                cell(row, 6, group.score(), groupStyle);
                cell(row, 7, group.maxScore(), groupStyle);
                cell(row, 8, "", groupStyle);
                cell(row, 9, "", groupStyle);
                for (IndicatorResult i : group.indicators()) {
                    Row line = sheet.createRow(r++);
                    cell(line, 0, i.id(), text);
                    cell(line, 1, i.name(), text);
                    cell(line, 2, kindLabel(i.kind()), text);
                    line.createCell(3).setCellValue(i.numerator());
                    line.getCell(3).setCellStyle(number);
                    line.createCell(4).setCellValue(i.denominator());
                    line.getCell(4).setCellStyle(number);
                    cell(line, 5, i.ratioPercent(), number);
                    cell(line, 6, i.score(), number);
                    cell(line, 7, i.maxScore(), number);
                    cell(line, 8, i.fullMarksAtPercent(), number);
                    cell(line, 9, i.note(), text);
                }
            }
            Row total = sheet.createRow(r++);
            cell(total, 0, "", groupStyle);
            cell(total, 1, "Tổng điểm", groupStyle);
            for (int c = 2; c < columns; c++) {
                cell(total, c, "", groupStyle);
            }
            total.getCell(6).setCellValue(result.sheet().totalScore());
            total.getCell(7).setCellValue("100");
            Row target = sheet.createRow(r + 1);
            cell(target, 1, "Thanh toán trực tuyến (chỉ số 3.6) so với chỉ tiêu của tỉnh", text);
            cell(target, 5, result.sheet().onlinePaymentPercent(), number);
            cell(target, 8, result.sheet().onlinePaymentTargetPercent(), number);
            cell(target, 9, result.sheet().onlinePaymentTargetMet() ? "Đạt chỉ tiêu" : "Chưa đạt chỉ tiêu", text);
            int[] widths = {10, 60, 12, 10, 10, 10, 10, 10, 14, 90};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kindLabel(String kind) {
        return switch (kind) {
            case "info" -> "tham khảo";
            case "composite" -> "tổng hợp";
            default -> "tỷ lệ";
        };
    }

    private static void merged(Sheet sheet, int r, int columns, CellStyle style, String value) {
        Row row = sheet.createRow(r);
        cell(row, 0, value, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static CellStyle style(XSSFWorkbook book, boolean bold, HorizontalAlignment align, boolean border) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(bold);
        font.setFontName("Times New Roman");
        style.setFont(font);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    /** File names are ASCII: anything else in a unit code becomes '_'. */
    private static String ascii(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
