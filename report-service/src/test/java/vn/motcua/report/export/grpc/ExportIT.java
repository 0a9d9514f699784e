package vn.motcua.report.export.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.report.v1.ExportFormat;
import vn.motcua.proto.report.v1.ExportReportRequest;
import vn.motcua.proto.report.v1.ExportReportResponse;
import vn.motcua.proto.report.v1.ExportSource;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.ReportKind;
import vn.motcua.proto.report.v1.ReportSubmission;
import vn.motcua.proto.report.v1.SubmitReportRequest;
import vn.motcua.report.export.FakeIndicatorFiles;
import vn.motcua.report.export.service.II06aXlsx;
import vn.motcua.report.ii06a.GrpcItBase;
import vn.motcua.report.submission.SettableSubmissionClock;

/**
 * ExportReport over gRPC: files read back with Apache POI and commons-csv, etags, the province's machine pull of a
 * consolidation. Province 30 > district 298 > communes 11077, 11080; 30 > district 297 > commune 10999.
 */
@MicronautTest(transactional = false)
class ExportIT extends GrpcItBase {

    @Inject
    SettableSubmissionClock clock;

    @Inject
    FakeIndicatorFiles indicatorFiles;

    private ReportSubmission districtV1;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.test.submission-clock", "true", "motcua.test.fake-indicator-files", "true");
    }

    @Override
    protected void seedData() {
        seed.unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11077", "Xã Tây Kỳ", 3, "298")
                .unit("11080", "Xã Đại Sơn", 3, "298")
                .unit("297", "Huyện Thanh Hà", 2, "30")
                .unit("10999", "Xã Thanh Xuân", 3, "297");
        seed.dossier("11077", "Hộ tịch")
                .received("2026-08-05")
                .due("2026-08-10")
                .finished("2026-08-06", "ON_TIME")
                .add();
        seed.dossier("11077", "Hộ tịch")
                .online()
                .received("2026-08-20")
                .due("2026-09-10")
                .add();
        seed.dossier("11080", "Đất đai")
                .postal()
                .received("2026-08-03")
                .due("2026-08-13")
                .finished("2026-08-20", "LATE")
                .add();
        seed.dossier("298", "Đất đai")
                .online()
                .received("2026-08-07")
                .due("2026-08-20")
                .finished("2026-08-12", "EARLY")
                .add();
        seed.dossier("10999", "Chứng thực").received("2026-08-09").add();
    }

    @BeforeAll
    void communesAndTheDistrictSubmitAugust() {
        clock.set("2026-09-02T03:00:00Z");
        submit(idp.officer("l11077", "11077", "unit_leader"), "11077");
        submit(idp.officer("l11080", "11080", "unit_leader"), "11080");
        clock.set("2026-09-07T03:00:00Z");
        districtV1 = submit(idp.officer("l298", "298", "unit_leader"), "298");
    }

    private ReportSubmission submit(String token, String unit) {
        return as(token)
                .submitReport(SubmitReportRequest.newBuilder()
                        .setUnitCode(unit)
                        .setKind(ReportKind.REPORT_KIND_II06A)
                        .setPeriod(month(2026, 8))
                        .build())
                .getSubmission();
    }

    private static ExportReportRequest.Builder request(String unit, ExportFormat format, ExportSource source) {
        return ExportReportRequest.newBuilder()
                .setUnitCode(unit)
                .setKind(ReportKind.REPORT_KIND_II06A)
                .setPeriod(month(2026, 8))
                .setFormat(format)
                .setSource(source);
    }

    private ExportReportResponse export(String token, ExportReportRequest.Builder request) {
        return as(token).exportReport(request.build());
    }

    @Test
    void theProvincePullsTheConsolidatedXlsxWithAMachineTokenAndItOpensWithTheOfficialLayout() throws IOException {
        String machine = machine("province-pull", "30");
        ExportReportResponse response = export(
                machine, request("30", ExportFormat.EXPORT_FORMAT_XLSX, ExportSource.EXPORT_SOURCE_CONSOLIDATED));

        assertThat(response.getFileName()).isEqualTo("BC-II06a_30_2026-M08_TH.xlsx");
        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getEtag()).matches("\"[0-9a-f]{64}\"");
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(response.getContent().toByteArray()))) {
            Sheet sheet = wb.getSheet("II.06a");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Biểu số II.06a/VPCP/KSTT");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Đơn vị báo cáo: Tỉnh Hải Dương");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("Đơn vị nhận báo cáo: Văn phòng Chính phủ");
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("Kỳ báo cáo: Tháng 8 năm 2026 (Từ ngày 01/08/2026 đến ngày 31/08/2026)");
            assertThat(sheet.getMergedRegions())
                    .contains(new CellRangeAddress(II06aXlsx.ROW_HEADER_1, II06aXlsx.ROW_HEADER_1, 2, 5));
            int first = II06aXlsx.ROW_FIRST_DATA;
            // 30 itself, the district's version 1 as subtotal, 298 itself, its two communes; 297 has not submitted
            assertThat(List.of(
                            name(sheet, first),
                            name(sheet, first + 1),
                            name(sheet, first + 2),
                            name(sheet, first + 3),
                            name(sheet, first + 4),
                            name(sheet, first + 5)))
                    .containsExactly(
                            "Tỉnh Hải Dương (trực tiếp giải quyết)",
                            "Cộng: Huyện Tứ Kỳ",
                            "Huyện Tứ Kỳ (trực tiếp giải quyết)",
                            "Xã Tây Kỳ",
                            "Xã Đại Sơn",
                            "Tổng cộng");
            // (3) total: 298 own 1, 11077 2, 11080 1; resolved (7): 3; in progress overdue? 11077's online one is due
            // 10/09, so (12) within
            assertThat(number(sheet, first + 5, 0)).isEqualTo(4);
            assertThat(number(sheet, first + 5, 4)).isEqualTo(3);
            assertThat(number(sheet, first + 5, 8)).isEqualTo(1);
            assertThat(number(sheet, first + 5, 10)).isZero();
            assertThat(number(sheet, first + 1, 0)).isEqualTo(4);
            assertThat(cells(sheet, "Đơn vị chưa nộp báo cáo: Huyện Thanh Hà")).isEqualTo(1);
        }
    }

    @Test
    void anUnchangedReportAnswersNotModifiedToItsEtagAndAChangedOneDoesNot() {
        String viewer = idp.officer("viewer298", "298", "report_viewer");
        ExportReportResponse first =
                export(viewer, request("298", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE));
        ExportReportResponse again =
                export(viewer, request("298", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE));
        assertThat(again.getContent()).isEqualTo(first.getContent());
        assertThat(again.getEtag()).isEqualTo(first.getEtag());

        ExportReportResponse notModified = export(
                viewer,
                request("298", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE)
                        .setIfNoneMatch(first.getEtag()));
        assertThat(notModified.getNotModified()).isTrue();
        assertThat(notModified.getContent().isEmpty()).isTrue();
        assertThat(notModified.getEtag()).isEqualTo(first.getEtag());

        ExportReportResponse xlsx = export(
                viewer,
                request("298", ExportFormat.EXPORT_FORMAT_XLSX, ExportSource.EXPORT_SOURCE_LIVE)
                        .setIfNoneMatch(first.getEtag()));
        assertThat(xlsx.getNotModified())
                .as("the XLSX of the same figures is another entity")
                .isFalse();
        assertThat(xlsx.getEtag()).isNotEqualTo(first.getEtag());

        // one more dossier in August: the live figures change, so does the etag; the frozen version does not
        ExportReportResponse submittedBefore =
                export(viewer, request("298", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_SUBMITTED));
        seed.dossier("11080", "Đất đai")
                .received("2026-08-25")
                .due("2026-09-25")
                .add();
        ExportReportResponse changed = export(
                viewer,
                request("298", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE)
                        .setIfNoneMatch(first.getEtag()));
        assertThat(changed.getNotModified()).isFalse();
        assertThat(changed.getEtag()).isNotEqualTo(first.getEtag());
        ExportReportResponse submittedAfter = export(
                viewer,
                request("298", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_SUBMITTED)
                        .setIfNoneMatch(submittedBefore.getEtag()));
        assertThat(submittedAfter.getNotModified()).isTrue();
    }

    @Test
    void aSubmittedVersionExportsWithItsVersionLineAsCsvThatParsesBack() throws IOException {
        String viewer = idp.officer("viewer298", "298", "report_viewer");
        ExportReportResponse byId = export(
                viewer,
                request("", ExportFormat.EXPORT_FORMAT_XLSX, ExportSource.EXPORT_SOURCE_SUBMITTED)
                        .setSubmissionId(districtV1.getSubmissionId()));
        assertThat(byId.getFileName()).isEqualTo("BC-II06a_298_2026-M08_v1.xlsx");
        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(byId.getContent().toByteArray()))) {
            Sheet sheet = wb.getSheet("II.06a");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("Đơn vị nhận báo cáo: Tỉnh Hải Dương");
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue())
                    .startsWith("Phiên bản 1, nộp lúc 10:00 ngày 07/09/2026 (l298), nộp muộn");
        }

        ExportReportResponse csv =
                export(viewer, request("298", ExportFormat.EXPORT_FORMAT_CSV, ExportSource.EXPORT_SOURCE_SUBMITTED));
        assertThat(csv.getFileName()).isEqualTo("BC-II06a_298_2026-M08_v1.csv");
        String text = csv.getContent().toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records.get(0).get(4)).isEqualTo("(3) Tổng số hồ sơ nhận giải quyết");
            assertThat(records).extracting(r -> r.get(1)).containsExactly("Mã", "298", "11077", "11080", "");
            assertThat(records.get(4).get(3)).isEqualTo("Tổng cộng");
            assertThat(records.get(4).get(4))
                    .isEqualTo(Long.toString(districtV1.getIi06A().getTotal().getTotal()));
        }
    }

    @Test
    void theFieldGroupingExportsLiveOnly() {
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        ExportReportResponse live = export(
                viewer,
                request("30", ExportFormat.EXPORT_FORMAT_CSV, ExportSource.EXPORT_SOURCE_LIVE)
                        .setGrouping(II06aGrouping.II06A_GROUPING_FIELD));
        assertThat(live.getFileName()).isEqualTo("BC-II06a-LV_30_2026-M08.csv");
        assertThat(live.getContent().toString(StandardCharsets.UTF_8)).contains("Hộ tịch", "Đất đai", "Chứng thực");

        StatusRuntimeException frozen = failure(() -> export(
                viewer,
                request("30", ExportFormat.EXPORT_FORMAT_CSV, ExportSource.EXPORT_SOURCE_SUBMITTED)
                        .setGrouping(II06aGrouping.II06A_GROUPING_FIELD)));
        assertInvalid(frozen, "grouping");
    }

    @Test
    void indicatorExportsGoToTheIndicatorFeatureAndAreNeverSubmitted() {
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        ExportReportResponse live = export(
                viewer,
                request("30", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE)
                        .setKind(ReportKind.REPORT_KIND_INDICATORS_766));
        assertThat(live.getFileName()).isEqualTo("BC-766.json");
        assertThat(indicatorFiles.calls).contains("viewer30 30 MONTH 2026 true JSON");
        ExportReportResponse cached = export(
                viewer,
                request("30", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE)
                        .setKind(ReportKind.REPORT_KIND_INDICATORS_766)
                        .setIfNoneMatch("\"766\""));
        assertThat(cached.getNotModified()).isTrue();
        assertThat(cached.getContent().isEmpty()).isTrue();

        StatusRuntimeException submitted = failure(() -> export(
                viewer,
                request("30", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_SUBMITTED)
                        .setKind(ReportKind.REPORT_KIND_INDICATORS_766)));
        assertThat(submitted.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void badOrForeignRequestsAreRefused() {
        String commune = idp.officer("viewer11077", "11077", "report_viewer");
        StatusRuntimeException foreign = failure(
                () -> export(commune, request("30", ExportFormat.EXPORT_FORMAT_XLSX, ExportSource.EXPORT_SOURCE_LIVE)));
        assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        StatusRuntimeException foreignVersion = failure(() -> export(
                commune,
                request("", ExportFormat.EXPORT_FORMAT_XLSX, ExportSource.EXPORT_SOURCE_SUBMITTED)
                        .setSubmissionId(districtV1.getSubmissionId())));
        assertThat(foreignVersion.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        StatusRuntimeException nothing = failure(() -> export(
                idp.officer("v10999", "10999", "report_viewer"),
                request("", ExportFormat.EXPORT_FORMAT_XLSX, ExportSource.EXPORT_SOURCE_SUBMITTED)));
        assertThat(nothing.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        StatusRuntimeException blank = failure(() -> as(commune)
                .exportReport(ExportReportRequest.newBuilder()
                        .setPeriod(month(2026, 8))
                        .build()));
        assertInvalid(blank, "kind", "format");

        StatusRuntimeException idWithLive = failure(() -> export(
                commune,
                request("", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE)
                        .setSubmissionId("X")));
        assertInvalid(idWithLive, "submission_id");

        StatusRuntimeException badPeriod = failure(() -> export(
                commune,
                request("", ExportFormat.EXPORT_FORMAT_JSON, ExportSource.EXPORT_SOURCE_LIVE)
                        .setPeriod(Period.newBuilder()
                                .setKind(vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_MONTH)
                                .setYear(2026))));
        assertInvalid(badPeriod, "period.number");
    }

    private static String name(Sheet sheet, int row) {
        return sheet.getRow(row).getCell(1).getStringCellValue();
    }

    private static long number(Sheet sheet, int row, int figure) {
        return (long)
                sheet.getRow(row).getCell(II06aXlsx.COL_FIRST_FIGURE + figure).getNumericCellValue();
    }

    private static int cells(Sheet sheet, String text) {
        int found = 0;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().contains(text)) {
                    found++;
                }
            }
        }
        return found;
    }
}
