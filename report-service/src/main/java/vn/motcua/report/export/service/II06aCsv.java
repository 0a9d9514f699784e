package vn.motcua.report.export.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.motcua.report.export.domain.ExportDocument;
import vn.motcua.report.ii06a.domain.II06aColumn;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aRow;

/**
 * Form II.06a as CSV: UTF-8 with a byte order mark (so Excel reads the Vietnamese headers right), RFC 4180 quoting and
 * CRLF, one header row, then the rows as the XLSX prints them and the total. Columns: STT, code, name, row type, then
 * (3)..(13) and the optional local columns, each headed by its form number and Vietnamese name.
 */
public final class II06aCsv {

    public static final String ROW_UNIT = "Đơn vị";
    public static final String ROW_SUBTOTAL = "Cộng đơn vị";
    public static final String ROW_FIELD = "Lĩnh vực";
    public static final String ROW_TOTAL = "Tổng cộng";

    private II06aCsv() {}

    public static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("STT", "Mã", "Đơn vị / Lĩnh vực", "Loại dòng"));
        for (II06aColumn column : II06aColumn.values()) {
            headers.add(column.number() + " " + column.header());
        }
        return headers;
    }

    public static byte[] render(ExportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            csv.printRecord(headers());
            for (II06aRow row : doc.report().rows()) {
                List<Object> record = new ArrayList<>();
                if (row.unit() != null) {
                    record.add(row.subtotal() ? "" : Integer.toString(row.rowNumber()));
                    record.add(row.unit().code());
                    record.add(row.unit().name());
                    record.add(row.subtotal() ? ROW_SUBTOTAL : ROW_UNIT);
                } else {
                    record.add(Integer.toString(row.rowNumber()));
                    record.add(row.fieldCode());
                    record.add(row.fieldName());
                    record.add(ROW_FIELD);
                }
                addCounts(record, row.counts());
                csv.printRecord(record);
            }
            List<Object> total = new ArrayList<>(List.of("", "", ROW_TOTAL, ROW_TOTAL));
            addCounts(total, doc.report().total());
            csv.printRecord(total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void addCounts(List<Object> record, II06aCounts counts) {
        for (II06aColumn column : II06aColumn.values()) {
            record.add(Long.toString(column.of(counts)));
        }
    }
}
