package vn.motcua.report.importer.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.report.importer.domain.RowError;
import vn.motcua.report.importer.domain.SourceRow;

/** JSON Lines, one object a line, with the portal's nested history and fee list. */
class JsonLinesRowsReadStreamingTest {

    @Test
    void scalarsOfAnyJsonTypeArriveAsTextAndNullIsAbsent() throws IOException {
        List<SourceRow> rows = rows("{\"MaHoSo\":\"H30.1\",\"KenhThucHien\":2,\"DuocLayTuKhoDMQG\":true,"
                + "\"LinhVuc\":\"Hộ tịch\",\"NgayHenTra\":null,\"TongPhiLePhi\":150000}\n");
        assertThat(rows.get(0).values())
                .containsEntry("MaHoSo", "H30.1")
                .containsEntry("KenhThucHien", "2")
                .containsEntry("DuocLayTuKhoDMQG", "true")
                .containsEntry("LinhVuc", "Hộ tịch")
                .containsEntry("TongPhiLePhi", "150000")
                .doesNotContainKey("NgayHenTra");
        assertThat(rows.get(0).problems()).isEmpty();
    }

    @Test
    void theHistoryAndTheFeeListAreReadFromTheirArrays() throws IOException {
        List<SourceRow> rows = rows(
                "{\"MaHoSo\":\"H30.1\",\"TienTrinh\":[{\"TrangThai\":2,\"ThoiDiem\":\"20240305083000\"},"
                        + "{\"ThoiDiem\":\"2024-03-05T09:00:00+07:00\",\"TrangThai\":\"4\"}],"
                        + "\"DanhSachPhiLePhi\":[{\"TenPhiLePhi\":\"Lệ phí\",\"Gia\":50000},{\"Gia\":\"8000\",\"MaPhi\":{\"x\":1}}]}\n");
        assertThat(rows.get(0).history())
                .containsExactly(
                        new SourceRow.RawStep("2", "20240305083000"),
                        new SourceRow.RawStep("4", "2024-03-05T09:00:00+07:00"));
        assertThat(rows.get(0).fees()).containsExactly("50000", "8000");
        assertThat(rows.get(0).problems()).isEmpty();
    }

    @Test
    void blankLinesAreSkippedAndLinesCountFromOne() throws IOException {
        List<SourceRow> rows = rows("\n{\"MaHoSo\":\"a\"}\r\n\n  \n{\"MaHoSo\":\"b\"}");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 5L);
    }

    @Test
    void brokenJsonOrAnotherValueRefusesOnlyThatRow() throws IOException {
        List<SourceRow> rows = rows("{\"MaHoSo\":\"a\"\n[1,2]\n{\"MaHoSo\":\"b\"} {}\n{\"MaHoSo\":\"c\"}\n");
        assertThat(rows.get(0).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).startsWith("not valid JSON: ");
        });
        assertThat(rows.get(1).problems())
                .extracting(RowError::message)
                .containsExactly("expected one JSON object {…} on the line");
        assertThat(rows.get(2).problems())
                .extracting(RowError::message)
                .containsExactly("more than one JSON value on the line");
        assertThat(rows.get(3).problems()).isEmpty();
    }

    @Test
    void unknownRepeatedOrNestedKeysAreNamed() throws IOException {
        List<SourceRow> rows = rows("{\"MaHoSo\":\"a\",\"maHoSo\":\"b\",\"MaTTHC\":\"x\",\"MaTTHC\":\"y\","
                + "\"MaDonVi\":{\"code\":1},\"TienTrinh\":[{\"TrangThai\":2,\"Khac\":1}]}\n");
        assertThat(rows.get(0).problems())
                .extracting(RowError::field)
                .containsExactly("maHoSo", "MaTTHC", "MaDonVi", "TienTrinh[1].Khac");
    }

    @Test
    void aHistoryThatIsNotAnArrayIsAProblemOfThatField() throws IOException {
        List<SourceRow> rows = rows("{\"TienTrinh\":\"2@20240305083000\"}\n");
        assertThat(rows.get(0).problems()).extracting(RowError::field).containsExactly("TienTrinh");
    }

    @Test
    void aLineOver64KiBRefusesTheFile() {
        String line = "{\"LinhVuc\":\"" + "x".repeat(70_000) + "\"}\n";
        ImportStreamException e =
                catchThrowableOfType(ImportStreamException.class, () -> rows("{\"MaHoSo\":\"a\"}\n" + line));
        assertThat(e.describe()).isEqualTo("line 2: the row is longer than 65536 bytes (64 KiB)");
    }

    @Test
    void invalidUtf8RefusesTheFileAtItsLine() {
        byte[] good = "{\"MaHoSo\":\"a\"}\n{\"LinhVuc\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[good.length + 4];
        System.arraycopy(good, 0, file, 0, good.length);
        file[good.length] = (byte) 0xFF;
        file[good.length + 1] = '"';
        file[good.length + 2] = '}';
        file[good.length + 3] = '\n';
        ImportStreamException e = catchThrowableOfType(ImportStreamException.class, () -> rows(file));
        assertThat(e.describe()).isEqualTo("line 2: the bytes are not valid UTF-8 text");
    }

    static List<SourceRow> rows(String file) throws IOException {
        return rows(file.getBytes(StandardCharsets.UTF_8));
    }

    static List<SourceRow> rows(byte[] file) throws IOException {
        JsonLinesRowReader reader = new JsonLinesRowReader(new ByteArrayInputStream(file));
        List<SourceRow> rows = new ArrayList<>();
        for (SourceRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }
}
