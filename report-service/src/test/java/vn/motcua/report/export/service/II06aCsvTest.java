package vn.motcua.report.export.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import vn.motcua.report.export.domain.ExportDocument;
import vn.motcua.report.export.domain.ExportSource;
import vn.motcua.report.ii06a.domain.II06aColumn;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.SampleReports;

class II06aCsvTest {

    private final II06aReport report = SampleReports.province(Instant.EPOCH);
    private final byte[] csv = II06aCsv.render(new ExportDocument(ExportSource.LIVE, report, "VPCP", null, null));

    @Test
    void startsWithAByteOrderMarkAndUsesCrlf() {
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\r\n");
    }

    @Test
    void parsesBackWithVietnameseHeadersOneRecordPerRowAndTheTotal() throws IOException {
        List<CSVRecord> records = parse();
        assertThat(records.get(0).toList())
                .startsWith(
                        "STT",
                        "Mã",
                        "Đơn vị / Lĩnh vực",
                        "Loại dòng",
                        "(3) Tổng số hồ sơ nhận giải quyết",
                        "(4) Số mới tiếp nhận trực tuyến")
                .contains("(13) Đang giải quyết - Quá hạn", "(f) Trả lại, từ chối giải quyết")
                .hasSize(4 + II06aColumn.values().length);
        assertThat(records).hasSize(1 + report.rows().size() + 1);

        CSVRecord subtotal = records.get(2);
        assertThat(subtotal.toList().subList(0, 4)).containsExactly("", "298", "Huyện Tứ Kỳ", "Cộng đơn vị");
        assertFigures(subtotal, report.rows().get(1).counts());

        CSVRecord commune = records.get(4);
        assertThat(commune.toList().subList(0, 4)).containsExactly("3", "11077", "Xã Tây Kỳ", "Đơn vị");
        assertFigures(commune, report.rows().get(3).counts());

        CSVRecord total = records.get(records.size() - 1);
        assertThat(total.get(3)).isEqualTo("Tổng cộng");
        assertFigures(total, report.total());
    }

    @Test
    void theSameFiguresGiveTheSameBytes() {
        byte[] again = II06aCsv.render(new ExportDocument(
                ExportSource.LIVE, SampleReports.province(Instant.parse("2027-01-01T00:00:00Z")), "VPCP", null, null));
        assertThat(again).isEqualTo(csv);
    }

    private List<CSVRecord> parse() throws IOException {
        String text = new String(csv, StandardCharsets.UTF_8).substring(1); // the BOM
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    private static void assertFigures(CSVRecord record, II06aCounts counts) {
        II06aColumn[] columns = II06aColumn.values();
        for (int i = 0; i < columns.length; i++) {
            assertThat(Long.parseLong(record.get(4 + i))).as(columns[i].key()).isEqualTo(columns[i].of(counts));
        }
    }
}
