package vn.motcua.report.importer.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.report.importer.domain.SourceRow;

/** CSV as spreadsheets and portal exports write it, read row by row with the line each row starts on. */
class CsvRowsReadStreamingTest {

    private static final String HEADER = "MaHoSo,MaTTHC,MaDonVi,KenhThucHien,TrangThaiHoSo,LinhVuc\n";

    @Test
    void quotedFieldsKeepCommasQuotesLineBreaksAndVietnameseText() throws IOException {
        List<SourceRow> rows = rows(HEADER
                + "H30.1,1.001193,11077,1,2,\"Chứng thực, hộ tịch\"\n"
                + "H30.2,1.001193,11077,2,4,\"Đất đai\nvà \"\"nhà ở\"\"\"\n"
                + "H30.3,1.001193,11077,3,4,Hộ tịch\n");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L, 5L);
        assertThat(rows.get(0).values()).containsEntry("LinhVuc", "Chứng thực, hộ tịch");
        assertThat(rows.get(1).values()).containsEntry("LinhVuc", "Đất đai\nvà \"nhà ở\"");
        assertThat(rows.get(2).values())
                .containsEntry("MaHoSo", "H30.3")
                .containsEntry("KenhThucHien", "3")
                .containsEntry("LinhVuc", "Hộ tịch");
        assertThat(rows).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (HEADER.replace("\n", "\r\n") + "H30.1,1.001193,11077,1,2,Hộ tịch\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        List<SourceRow> rows = rows(file);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).containsEntry("MaHoSo", "H30.1").containsEntry("LinhVuc", "Hộ tịch");
        assertThat(rows.get(0).line()).isEqualTo(2);
    }

    @Test
    void blankLinesAreSkippedButCountedAndEmptyFieldsAreAbsent() throws IOException {
        List<SourceRow> rows = rows(HEADER + "\n\nH30.1,1.001193,11077,1,,\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).line()).isEqualTo(4);
        assertThat(rows.get(0).values()).doesNotContainKeys("TrangThaiHoSo", "LinhVuc");
    }

    @Test
    void theHistoryColumnIsSplitIntoItsEntries() throws IOException {
        List<SourceRow> rows = rows("MaHoSo,MaTTHC,MaDonVi,KenhThucHien,TienTrinh\n"
                + "H30.1,1.001193,11077,1,2@20240305083000| 4@2024-03-05T09:00:00+07:00\n");
        assertThat(rows.get(0).history())
                .containsExactly(
                        new SourceRow.RawStep("2", "20240305083000"),
                        new SourceRow.RawStep("4", "2024-03-05T09:00:00+07:00"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedAtItsLine() throws IOException {
        List<SourceRow> rows = rows(HEADER + "H30.1,1.001193,11077,1,2,Hộ tịch\nH30.2,1.001193,11077,1,2\n");
        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("the row has 5 fields, the header row 6");
        });
    }

    @Test
    void aStrayQuoteRefusesTheRowNotTheFile() throws IOException {
        List<SourceRow> rows =
                rows(HEADER + "H30.1,1.001193,11077,1,2,Hộ \"tịch\"\n" + "H30.2,1.001193,11077,1,2,\"Hộ tịch\"x\n");
        assertThat(rows.get(0).problems().get(0).message()).contains("field 6: a \" in a field that does not start");
        assertThat(rows.get(1).problems().get(0).message()).contains("field 6: characters after the closing quote");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L);
    }

    @Test
    void aBadHistoryEntryIsAProblemOfThatColumn() throws IOException {
        List<SourceRow> rows = rows("MaHoSo,MaTTHC,MaDonVi,KenhThucHien,TienTrinh\nH30.1,1.001193,11077,1,2-2024\n");
        assertThat(rows.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("TienTrinh");
            assertThat(p.message()).startsWith("entry 1 is '2-2024', expected TrangThai@ThoiDiem");
        });
    }

    @Test
    void unknownRepeatedOrMissingColumnsRefuseTheFileAtTheHeader() {
        assertThat(fileProblem("MaHoSo,MaTTHC,MaDonVi,KenhThucHien,TrangThaiHoSo,NgayHenTraa\n"))
                .isEqualTo("line 1: header row: unknown column(s) NgayHenTraa; the columns are listed in"
                        + " report-service/README.md (names are case-sensitive)");
        assertThat(fileProblem("MaHoSo,MaTTHC,MaDonVi,KenhThucHien,TrangThaiHoSo,MaHoSo\n"))
                .isEqualTo("line 1: header row: the column MaHoSo appears twice");
        assertThat(fileProblem("MaHoSo,MaDonVi,TrangThaiHoSo\n"))
                .isEqualTo("line 1: header row: required column(s) missing: MaTTHC, KenhThucHien");
        assertThat(fileProblem("MaHoSo,MaTTHC,MaDonVi,KenhThucHien\n"))
                .startsWith("line 1: header row: needs TrangThaiHoSo or TienTrinh");
        assertThat(fileProblem("\n\n")).isEqualTo("the file is empty: a CSV import starts with a header row");
    }

    @Test
    void aQuoteNeverClosedRefusesTheFileAtTheLineItOpened() {
        assertThat(fileProblem(HEADER + "H30.1,1.001193,11077,1,2,Hộ tịch\nH30.2,1.001193,11077,1,2,\"Hộ tịch\n\n"))
                .isEqualTo("line 3: a quoted field is never closed (a \" is missing)");
    }

    @Test
    void aRowOver64KiBRefusesTheFileAtItsLine() {
        String longRow = "H30.2,1.001193,11077,1,2,\"" + "a,\n".repeat(22_000) + "\"\n";
        assertThat(fileProblem(HEADER + "H30.1,1.001193,11077,1,2,x\n" + longRow))
                .isEqualTo("line 3: the row is longer than 65536 bytes (64 KiB)");
    }

    @Test
    void aRowOfExactly64KiBIsRead() throws IOException {
        String prefix = "H30.1,1.001193,11077,1,2,";
        String row = prefix + "a".repeat(65536 - prefix.length());
        assertThat(rows(HEADER + row + "\n"))
                .singleElement()
                .satisfies(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void bytesThatAreNotUtf8RefuseTheFileAtTheirLineEvenInsideAQuotedLineBreak() {
        byte[] head = (HEADER + "H30.1,1.001193,11077,1,2,\"Hộ\ntịch ").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        file[head.length] = (byte) 0xC3; // a lead byte followed by an ASCII byte: malformed
        file[head.length + 1] = 'x';
        System.arraycopy(tail, 0, file, head.length + 2, tail.length);
        ImportStreamException e = catchThrowableOfType(ImportStreamException.class, () -> rows(file));
        assertThat(e.describe()).isEqualTo("line 3: the bytes are not valid UTF-8 text");
    }

    @Test
    void countingRowsChecksTheHeaderAndStopsPastTheLimit() throws IOException {
        String file = HEADER + "a,b,c,1,2,x\n\nd,e,f,1,2,x\ng,h,i,1,2,x\n";
        assertThat(new CsvRowReader(stream(file)).countRows(10)).isEqualTo(3);
        assertThat(new CsvRowReader(stream(file)).countRows(2)).isEqualTo(3);
        assertThat(new CsvRowReader(stream(HEADER)).countRows(10)).isZero();
    }

    static List<SourceRow> rows(String file) throws IOException {
        return rows(file.getBytes(StandardCharsets.UTF_8));
    }

    static List<SourceRow> rows(byte[] file) throws IOException {
        CsvRowReader reader = new CsvRowReader(new ByteArrayInputStream(file));
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static ByteArrayInputStream stream(String file) {
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }

    private static String fileProblem(String file) {
        ImportStreamException e = catchThrowableOfType(ImportStreamException.class, () -> rows(file));
        assertThat(e).as("the file should be refused as a whole").isNotNull();
        return e.describe();
    }
}
