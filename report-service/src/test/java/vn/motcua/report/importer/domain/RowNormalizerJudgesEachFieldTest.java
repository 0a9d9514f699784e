package vn.motcua.report.importer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the import's field set, each failing row naming its line and field. */
class RowNormalizerJudgesEachFieldTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final RowNormalizer NORMALIZER = new RowNormalizer(NOW);

    /** A finished counter dossier of commune 11077, every time in the portal's local style. */
    private static Map<String, String> finished() {
        Map<String, String> v = new HashMap<>();
        v.put("MaHoSo", "H30.11077-240305-0001");
        v.put("MaTTHC", "1.001193");
        v.put("MaDonVi", "11077");
        v.put("KenhThucHien", "1");
        v.put("LinhVuc", "Hộ tịch");
        v.put("NgayNopHoSo", "20240305080000");
        v.put("NgayTiepNhan", "20240305083000");
        v.put("NgayHenTra", "20240308170000");
        v.put("NgayKetThucXuLy", "20240307100000");
        v.put("NgayTraKetQua", "20240307140000");
        v.put("TrangThaiHoSo", "10");
        return v;
    }

    private static RowNormalizer.Result judge(Map<String, String> values) {
        return NORMALIZER.normalize(new SourceRow(7, values, null, null, List.of()));
    }

    private static RowNormalizer.Result judge(Map<String, String> values, List<SourceRow.RawStep> history) {
        return NORMALIZER.normalize(new SourceRow(7, values, history, null, List.of()));
    }

    private static List<String> errors(RowNormalizer.Result result) {
        assertThat(result.dossier()).isNull();
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.line()).isEqualTo(7));
        return result.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void aCompleteRowBecomesAnImportedDossierInUtc() {
        RowNormalizer.Result result = judge(finished());
        assertThat(result.errors()).isEmpty();
        ImportedDossier d = result.dossier();
        assertThat(d.code()).isEqualTo("H30.11077-240305-0001");
        assertThat(d.channel()).isEqualTo("COUNTER");
        assertThat(d.fieldCode()).isEqualTo("Hộ tịch");
        assertThat(d.receivingUnitCode()).isEqualTo("11077");
        assertThat(d.submittedAt()).isEqualTo(Instant.parse("2024-03-05T01:00:00Z"));
        assertThat(d.receivedAt()).isEqualTo(Instant.parse("2024-03-05T01:30:00Z"));
        assertThat(d.dueAt()).isEqualTo(Instant.parse("2024-03-08T10:00:00Z"));
        assertThat(d.originalDueAt()).isEqualTo(d.dueAt());
        assertThat(d.finishedAt()).isEqualTo(Instant.parse("2024-03-07T03:00:00Z"));
        assertThat(d.returnedAt()).isEqualTo(Instant.parse("2024-03-07T07:00:00Z"));
        assertThat(d.state()).isEqualTo("RETURNED");
        assertThat(d.resultKind()).isEqualTo("ISSUED");
        assertThat(d.extensionUsed()).isFalse();
        assertThat(d.boundaryFree()).isFalse();
        assertThat(d.onlinePayment()).isZero();
        assertThat(d.feeTotal()).isZero();
    }

    @Test
    void theHistoryFillsReceptionEndPausesAndSupplementsAndGivesTheStatus() {
        Map<String, String> v = finished();
        v.remove("NgayTiepNhan");
        v.remove("NgayKetThucXuLy");
        v.remove("NgayTraKetQua");
        v.remove("TrangThaiHoSo");
        RowNormalizer.Result result = judge(
                v,
                List.of(
                        new SourceRow.RawStep("2", "20240305083000"),
                        new SourceRow.RawStep("4", "20240305090000"),
                        new SourceRow.RawStep("5", "2024-03-05T10:00:00+07:00"),
                        new SourceRow.RawStep("4", "2024-03-05T12:00:00+07:00"),
                        new SourceRow.RawStep("9", "20240307100000"),
                        new SourceRow.RawStep("10", "20240307140000")));
        assertThat(result.errors()).isEmpty();
        ImportedDossier d = result.dossier();
        assertThat(d.status()).isEqualTo(DvcqgStatus.RETURNED);
        assertThat(d.receivedAt()).isEqualTo(Instant.parse("2024-03-05T01:30:00Z"));
        assertThat(d.finishedAt()).isEqualTo(Instant.parse("2024-03-07T03:00:00Z"));
        assertThat(d.returnedAt()).isEqualTo(Instant.parse("2024-03-07T07:00:00Z"));
        assertThat(d.supplementRequests()).isEqualTo(1);
        assertThat(d.pausedSeconds()).isEqualTo(2 * 3600);
        assertThat(d.history()).hasSize(6);
    }

    @Test
    void explicitSupplementAndPauseFactsWinOverTheHistory() {
        Map<String, String> v = finished();
        v.put("SoLanBoSung", "2");
        v.put("SoGiayTamDung", "86400");
        v.put("NgayHenTraBanDau", "20240307170000");
        RowNormalizer.Result result = judge(
                v,
                List.of(new SourceRow.RawStep("2", "20240305083000"), new SourceRow.RawStep("10", "20240307140000")));
        ImportedDossier d = result.dossier();
        assertThat(d.supplementRequests()).isEqualTo(2);
        assertThat(d.pausedSeconds()).isEqualTo(86400);
        assertThat(d.originalDueAt()).isEqualTo(Instant.parse("2024-03-07T10:00:00Z"));
        assertThat(d.extensionUsed()).isTrue();
    }

    @Test
    void aRefusalIsToldByItsFlag() {
        Map<String, String> v = finished();
        v.put("TrangThaiHoSo", "9");
        v.remove("NgayTraKetQua");
        v.put("KetQuaTuChoi", "1");
        ImportedDossier d = judge(v).dossier();
        assertThat(d.state()).isEqualTo("REFUSED");
        assertThat(d.resultKind()).isEqualTo("REFUSED");
    }

    @Test
    void paymentDigitizationAndAnotherReceivingUnitAreKept() {
        Map<String, String> v = finished();
        v.put("KenhThucHien", "2");
        v.put("MaDonViTiepNhan", "11080");
        v.put("DuocThanhToanTrucTuyen", "2");
        v.put("TongPhiLePhi", "150000");
        v.put("DaSoHoaThanhPhan", "1");
        v.put("HoSoCoThanhPhanSoHoa", "true");
        v.put("DuocLayTuKhoDMQG", "0");
        v.put("TaiKhoanDuocXacThucVoiVNeID", "1");
        v.put("MaKetQua", "KQ-1");
        v.put("DuongDanTepTinKetQua", "https://dichvucong.example/kq/1.pdf");
        ImportedDossier d = judge(v).dossier();
        assertThat(d.channel()).isEqualTo("ONLINE");
        assertThat(d.boundaryFree()).isTrue();
        assertThat(d.onlinePayment()).isEqualTo(2);
        assertThat(d.feeTotal()).isEqualTo(150000);
        assertThat(d.componentsDigitized()).isTrue();
        assertThat(d.reusesData()).isTrue();
        assertThat(d.fromWarehouse()).isFalse();
        assertThat(d.vneidVerified()).isTrue();
        assertThat(d.resultUrl()).isEqualTo("https://dichvucong.example/kq/1.pdf");
    }

    @Test
    void aFieldLabelWrappedOverLinesIsOneLabel() {
        Map<String, String> v = finished();
        v.put("LinhVuc", " Chứng thực,\r\n  hộ tịch ");
        assertThat(judge(v).dossier().fieldCode()).isEqualTo("Chứng thực, hộ tịch");
    }

    @Test
    void theFeeListIsSummedUnlessATotalIsGivenToo() {
        SourceRow listed = new SourceRow(7, finished(), null, List.of("50000", "8000"), List.of());
        assertThat(NORMALIZER.normalize(listed).dossier().feeTotal()).isEqualTo(58000);
        Map<String, String> v = finished();
        v.put("TongPhiLePhi", "58000");
        assertThat(errors(NORMALIZER.normalize(new SourceRow(7, v, null, List.of("50000"), List.of()))))
                .containsExactly("DanhSachPhiLePhi: give TongPhiLePhi or DanhSachPhiLePhi, not both");
        assertThat(errors(NORMALIZER.normalize(new SourceRow(7, finished(), null, List.of("5.5"), List.of()))))
                .containsExactly("DanhSachPhiLePhi[1].Gia: expected a whole number of đồng, 0 or more");
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        assertThat(errors(judge(Map.of())))
                .containsExactly(
                        "MaHoSo: required",
                        "MaTTHC: required",
                        "MaDonVi: required: the unit whose dossier this is",
                        "KenhThucHien: required: 1 (trực tiếp), 2 (trực tuyến) or 3 (dịch vụ bưu chính)",
                        "TrangThaiHoSo: required (or a TienTrinh whose last entry gives it): a code 1 to 10");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "KenhThucHien|4|KenhThucHien: unknown channel '4': expected 1 (trực tiếp), 2 (trực tuyến) or 3 (dịch vụ"
                        + " bưu chính)",
                "NgayTiepNhan|2024-03-05 08:30|NgayTiepNhan: not a time: expected yyyyMMddHHmmss (Vietnam local time)"
                        + " or ISO-8601 with an offset, e.g. 2024-03-05T08:30:00+07:00",
                "NgayHenTra|20240230170000|NgayHenTra: not a time: expected yyyyMMddHHmmss (Vietnam local time) or"
                        + " ISO-8601 with an offset, e.g. 2024-03-05T08:30:00+07:00",
                "TrangThaiHoSo|11|TrangThaiHoSo: unknown status '11': expected a national portal code 1 to 10"
                        + " (TrangThaiHoSo)",
                "MaHoSo|H30 0001|MaHoSo: not a code: letters, digits and . _ - / only, at most 64 characters",
                "MaDonVi|xã Hồng Phong|MaDonVi: not a unit code: letters, digits and . _ - only, at most 32"
                        + " characters",
                "DuocThanhToanTrucTuyen|3|DuocThanhToanTrucTuyen: expected 0 (not paid online), 1 (paid through the"
                        + " national portal) or 2 (through a ministry or provincial payment gateway)",
                "DuocLayTuKhoDMQG|yes|DuocLayTuKhoDMQG: expected 0 or 1",
                "TongPhiLePhi|-5|TongPhiLePhi: expected a whole number from 0 to 1000000000000",
                "SoLanBoSung|1.5|SoLanBoSung: expected a whole number from 0 to 1000",
                "NgayNopHoSo|19991231235959|NgayNopHoSo: before 2000-01-01: not a plausible date",
                "NgayTraKetQua|20261201080000|NgayTraKetQua: in the future: a history holds only what already happened",
                "DuongDanTepTinKetQua|https://x/a b.pdf|DuongDanTepTinKetQua: a link has no spaces or line breaks"
                        + " (encode them as %20)"
            })
    void aBadValueIsNamedWithItsField(String field, String value, String error) {
        Map<String, String> v = finished();
        v.put(field, value);
        assertThat(errors(judge(v))).containsExactly(error);
    }

    @ParameterizedTest(name = "{0} before {2}")
    @CsvSource({
        "NgayTiepNhan, 20240305075959, NgayNopHoSo",
        "NgayKetThucXuLy, 20240305083000, ",
        "NgayKetThucXuLy, 20240305082959, NgayTiepNhan",
        "NgayTraKetQua, 20240307095959, NgayKetThucXuLy",
        "NgayHenTra, 20240305082959, NgayTiepNhan"
    })
    void anEndBeforeItsStartIsRefused(String field, String value, String other) {
        Map<String, String> v = finished();
        v.put(field, value);
        if (other == null) {
            assertThat(judge(v).errors()).isEmpty(); // equal times are fine
        } else {
            assertThat(errors(judge(v)))
                    .containsExactly(field + ": before " + other + ": the end comes before the start");
        }
    }

    @Test
    void anOriginalDueTimeAfterTheExtendedOneIsRefused() {
        Map<String, String> v = finished();
        v.put("NgayHenTraBanDau", "20240309170000");
        assertThat(errors(judge(v)))
                .containsExactly("NgayHenTraBanDau: after NgayHenTra: an extension only moves the due time later");
    }

    @Test
    void anOpenDossierHasNoEndAndAnEndedOneNeedsOne() {
        Map<String, String> open = finished();
        open.put("TrangThaiHoSo", "4");
        open.remove("NgayTraKetQua");
        assertThat(errors(judge(open)))
                .containsExactly("NgayKetThucXuLy: the dossier is still open (status 4 (Đang xử lý)): leave"
                        + " NgayKetThucXuLy empty");
        Map<String, String> ended = finished();
        ended.put("TrangThaiHoSo", "8");
        ended.remove("NgayKetThucXuLy");
        ended.remove("NgayTraKetQua");
        assertThat(errors(judge(ended)))
                .containsExactly("NgayKetThucXuLy: required: when did the dossier end (status 8 (Dừng xử lý))? give"
                        + " NgayKetThucXuLy or a TienTrinh entry with that status");
    }

    @Test
    void receptionIsRequiredForAHandledDossierAndForbiddenForARejectedOne() {
        Map<String, String> handled = finished();
        handled.remove("NgayTiepNhan");
        assertThat(errors(judge(handled)))
                .containsExactly("NgayTiepNhan: required: a dossier in status 10 (Đã trả kết quả) was accepted; give"
                        + " NgayTiepNhan (or a TienTrinh entry with TrangThai 2)");
        Map<String, String> rejected = finished();
        rejected.put("TrangThaiHoSo", "3");
        rejected.remove("NgayTraKetQua");
        assertThat(errors(judge(rejected)))
                .containsExactly("NgayTiepNhan: a dossier in status 3 (Không được tiếp nhận) was never accepted: leave"
                        + " NgayTiepNhan empty");
        rejected.remove("NgayTiepNhan");
        assertThat(judge(rejected).dossier().receivedAt()).isNull();
    }

    @Test
    void aSupplementRequestBeforeReceptionIsAPreSupplement() {
        Map<String, String> v = finished();
        v.put("TrangThaiHoSo", "5");
        v.remove("NgayTiepNhan");
        v.remove("NgayHenTra");
        v.remove("NgayKetThucXuLy");
        v.remove("NgayTraKetQua");
        assertThat(judge(v).dossier().state()).isEqualTo("PRE_SUPPLEMENT");
    }

    @Test
    void aResultOrARefusalOnAnOpenDossierIsRefused() {
        Map<String, String> v = finished();
        v.put("TrangThaiHoSo", "4");
        v.remove("NgayKetThucXuLy");
        v.remove("NgayTraKetQua");
        v.put("KetQuaTuChoi", "1");
        v.put("MaKetQua", "KQ-1");
        assertThat(errors(judge(v)))
                .containsExactly(
                        "KetQuaTuChoi: only a dossier in status 9 or 10 has a result that can be a refusal; this one"
                                + " is in 4 (Đang xử lý)",
                        "MaKetQua: a result on a dossier still open (status 4 (Đang xử lý))");
    }

    @Test
    void aHistoryOutOfOrderOrGoingOnAfterTheEndIsRefusedEntryByEntry() {
        Map<String, String> v = finished();
        v.remove("TrangThaiHoSo");
        assertThat(errors(judge(
                        v,
                        List.of(
                                new SourceRow.RawStep("2", "20240305083000"),
                                new SourceRow.RawStep("4", "20240305080000"),
                                new SourceRow.RawStep("x", "20240305090000"),
                                new SourceRow.RawStep("7", "20240306090000"),
                                new SourceRow.RawStep("10", "")))))
                .containsExactly(
                        "TienTrinh[2].ThoiDiem: before the previous entry's time: list the history in order",
                        "TienTrinh[3].TrangThai: unknown status 'x': expected a national portal code 1 to 10"
                                + " (TrangThaiHoSo)",
                        "TienTrinh[5].ThoiDiem: required: when the dossier entered this status");
        assertThat(errors(judge(
                        v,
                        List.of(
                                new SourceRow.RawStep("7", "20240306090000"),
                                new SourceRow.RawStep("10", "20240307140000")))))
                .containsExactly("TienTrinh[2].TrangThai: nothing follows status 7 (Công dân yêu cầu rút hồ sơ)");
    }

    @Test
    void aStatusThatDisagreesWithTheHistoryIsRefused() {
        assertThat(errors(judge(
                        finished(),
                        List.of(
                                new SourceRow.RawStep("2", "20240305083000"),
                                new SourceRow.RawStep("9", "20240307100000")))))
                .containsExactly("TrangThaiHoSo: TrangThaiHoSo 10 differs from the last TienTrinh entry (9)");
    }

    @Test
    void whatTheReaderCouldNotReadIsTheVerdict() {
        RowError unreadable = new RowError(7, "", "not valid JSON: x");
        assertThat(NORMALIZER
                        .normalize(new SourceRow(7, Map.of(), null, null, List.of(unreadable)))
                        .errors())
                .containsExactly(unreadable);
    }
}
