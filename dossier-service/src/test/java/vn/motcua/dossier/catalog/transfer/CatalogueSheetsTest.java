package vn.motcua.dossier.catalog.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.dossier.calendar.TimeLimitUnit;
import vn.motcua.dossier.catalog.CatalogSamples;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.domain.ProcedureDraft;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.PublicationState;
import vn.motcua.dossier.catalog.domain.ReceivingUnit;
import vn.motcua.dossier.unit.UnitLevel;

class CatalogueSheetsTest {

    private static final String HEADER = String.join(",", CatalogueSheets.columns());

    private static CatalogueSheets.Parsed csv(String... lines) {
        return CatalogueSheets.read(
                CatalogueFormat.CSV, (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static final String BIRTH_ROW = "1.001193,Đăng ký khai sinh,Hộ tịch,commune,1,WORKING_DAYS,FULL,true,x,có,"
            + "2026-01-01,\"Lệ phí đăng ký khai sinh: đúng hạn:0;Phí cấp bản sao:8000\","
            + "\"Tờ khai đăng ký khai sinh|true|1|false;Giấy chứng sinh|1|1|0;Giấy tờ tùy thân\",11077;11080:298";

    @Test
    void compactCellsAndVietnameseTextAreRead() {
        CatalogueSheets.Parsed parsed = csv(HEADER, BIRTH_ROW);
        assertThat(parsed.problems()).isEmpty();
        ProcedureDraft d = parsed.rows().get(0).draft();
        assertThat(parsed.rows().get(0).number()).isEqualTo(2);
        assertThat(d.code()).isEqualTo("1.001193");
        assertThat(d.name()).isEqualTo("Đăng ký khai sinh");
        assertThat(d.level()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(d.timeLimitAmount()).isEqualTo(1);
        assertThat(d.timeLimitUnit()).isEqualTo(TimeLimitUnit.WORKING_DAYS);
        assertThat(d.onlineLevel()).isEqualTo(Procedure.OnlineLevel.FULL);
        assertThat(d.postalAllowed()).isTrue();
        assertThat(d.boundaryFreeAllowed()).isTrue();
        assertThat(d.requiresPaperResult()).isTrue();
        assertThat(d.effectiveOn()).isEqualTo("2026-01-01");
        // the amount is after the last colon, so a name may hold one
        assertThat(d.fees())
                .containsExactly(
                        new Procedure.Fee("Lệ phí đăng ký khai sinh: đúng hạn", 0, ""),
                        new Procedure.Fee("Phí cấp bản sao", 8000, ""));
        assertThat(d.components())
                .containsExactly(
                        new Procedure.Component("Tờ khai đăng ký khai sinh", true, 1, false),
                        new Procedure.Component("Giấy chứng sinh", true, 1, false),
                        new Procedure.Component("Giấy tờ tùy thân", false, 1, false));
        assertThat(d.receivingUnits())
                .containsExactly(new ReceivingUnit("11077", "11077"), new ReceivingUnit("11080", "298"));
    }

    @Test
    void jsonCellsAreRead() {
        String row = "1.001193,Đăng ký khai sinh,Hộ tịch,COMMUNE,1,WORKING_DAYS,FULL,false,false,false,2026-01-01,"
                + "\"[{\"\"name\"\": \"\"Phí; mỗi bản\"\", \"\"amount\"\": 8000}]\","
                + "\"[{\"\"name\"\": \"\"Tờ khai | mẫu\"\", \"\"originalRequired\"\": true, \"\"quantity\"\": 2}]\",11077";
        CatalogueSheets.Parsed parsed = csv(HEADER, row);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).draft().fees()).containsExactly(new Procedure.Fee("Phí; mỗi bản", 8000, ""));
        assertThat(parsed.rows().get(0).draft().components())
                .containsExactly(new Procedure.Component("Tờ khai | mẫu", true, 2, false));
    }

    @Test
    void cellProblemsCarryTheSpreadsheetRowNumber() {
        CatalogueSheets.Parsed parsed = csv(
                HEADER,
                BIRTH_ROW,
                BIRTH_ROW.replace("WORKING_DAYS", "WEEKS").replace(",true,x,", ",maybe,x,"),
                BIRTH_ROW.replace(",1,WORKING_DAYS", ",một,WORKING_DAYS").replace(":8000", ":8k"));
        assertThat(parsed.problems())
                .extracting(CatalogueSheets.Problem::row, CatalogueSheets.Problem::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3, "time_limit_unit"),
                        org.assertj.core.groups.Tuple.tuple(3, "postal_allowed"),
                        org.assertj.core.groups.Tuple.tuple(4, "time_limit_amount"),
                        org.assertj.core.groups.Tuple.tuple(4, "fees"));
        assertThat(parsed.rows()).extracting(CatalogueSheets.Row::number).containsExactly(2, 3, 4);
    }

    @Test
    void aMissingColumnIsAProblemOfTheFile() {
        CatalogueSheets.Parsed parsed = csv(HEADER.replace(",fees", ""), BIRTH_ROW);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("content");
            assertThat(p.description()).contains("fees");
        });
    }

    // Issue 16: the column a land procedure needs came after files were first exported; such a file still imports,
    // and its procedures count the time spent on financial obligations, as before.
    @Test
    void aFileWithoutTheFinancialObligationColumnImportsAsCountingThatTime() {
        String oldHeader = HEADER.replace(",financial_obligation_pauses_clock", "");
        assertThat(oldHeader).isNotEqualTo(HEADER);
        CatalogueSheets.Parsed old = csv(oldHeader, BIRTH_ROW);
        assertThat(old.problems()).isEmpty();
        assertThat(old.rows().get(0).draft().financialObligationPausesClock()).isFalse();
        CatalogueSheets.Parsed land = csv(HEADER, BIRTH_ROW + ",có");
        assertThat(land.problems()).isEmpty();
        assertThat(land.rows().get(0).draft().financialObligationPausesClock()).isTrue();
    }

    // Issue 11: likewise the online fee discount; a file without it grants none.
    @Test
    void aFileWithoutTheOnlineDiscountColumnGrantsNoneAndTheColumnIsAWholeNumber() {
        String oldHeader = HEADER.replace(",online_fee_discount_percent", "");
        assertThat(oldHeader).isNotEqualTo(HEADER);
        CatalogueSheets.Parsed old = csv(oldHeader, BIRTH_ROW);
        assertThat(old.problems()).isEmpty();
        assertThat(old.rows().get(0).draft().onlineFeeDiscountPercent()).isZero();
        CatalogueSheets.Parsed discounted = csv(HEADER, BIRTH_ROW + ",false,20");
        assertThat(discounted.problems()).isEmpty();
        assertThat(discounted.rows().get(0).draft().onlineFeeDiscountPercent()).isEqualTo(20);
        for (String bad : List.of("12.5", "-5", "mười", "99999999999")) {
            assertThat(csv(HEADER, BIRTH_ROW + ",false," + bad).problems())
                    .as(bad)
                    .extracting(CatalogueSheets.Problem::column)
                    .containsExactly("online_fee_discount_percent");
        }
    }

    @Test
    void aJsonFeeCarriesItsLegalBasis() {
        String row = "1.001193,Đăng ký khai sinh,Hộ tịch,COMMUNE,1,WORKING_DAYS,FULL,false,false,false,2026-01-01,"
                + "\"[{\"\"name\"\": \"\"Phí\"\", \"\"amount\"\": 8000, \"\"legalBasis\"\": \"\"Nghị quyết mẫu\"\"}]\","
                + "Tờ khai,11077";
        CatalogueSheets.Parsed parsed = csv(HEADER, row);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).draft().fees())
                .containsExactly(new Procedure.Fee("Phí", 8000, "Nghị quyết mẫu"));
        assertThat(csv(HEADER, row.replace("\"\"Nghị quyết mẫu\"\"", "7")).problems())
                .extracting(CatalogueSheets.Problem::column)
                .containsExactly("fees");
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = (HEADER + "\r\n" + BIRTH_ROW).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CatalogueSheets.read(CatalogueFormat.CSV, latin1).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.description()).contains("UTF-8"));
    }

    @Test
    void atMost2000RowsAndFiveMegabytes() {
        StringBuilder file = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < CatalogueSheets.MAX_ROWS + 1; i++) {
            file.append(BIRTH_ROW).append("\r\n");
        }
        assertThat(CatalogueSheets.read(CatalogueFormat.CSV, file.toString().getBytes(StandardCharsets.UTF_8))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.description()).contains("2000 rows"));
        assertThat(CatalogueSheets.read(CatalogueFormat.CSV, new byte[CatalogueSheets.MAX_BYTES + 1])
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.description()).contains("5 MB"));
        assertThat(CatalogueSheets.read(CatalogueFormat.CSV, new byte[0]).problems())
                .hasSize(1);
        assertThat(csv(HEADER).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.description()).contains("no procedure rows"));
    }

    @Test
    void csvExportStartsWithAByteOrderMarkForExcel() {
        byte[] file = CatalogueSheets.write(CatalogueFormat.CSV, List.of(published(CatalogSamples.buildingPermit())));
        assertThat(new String(file, StandardCharsets.UTF_8))
                .startsWith("\uFEFFcode,name,")
                .contains("Cấp giấy phép xây dựng nhà ở riêng lẻ");
    }

    @ParameterizedTest
    @EnumSource(CatalogueFormat.class)
    void exportImportsBackToTheSameVersions(CatalogueFormat format) {
        ProcedureDraft permit = CatalogSamples.buildingPermit();
        // separators inside names make the export fall back to JSON cells
        ProcedureDraft awkward = new ProcedureDraft(
                "1.004194.000.00.00.H30",
                "Chứng thực chữ ký; bản dịch: \"mẫu\"",
                "Chứng thực",
                UnitLevel.COMMUNE,
                4,
                TimeLimitUnit.WORKING_HOURS,
                List.of(
                        new Procedure.Fee("Phí: mỗi chữ ký; mỗi bản", 10_000, "Nghị quyết mẫu; Điều 1: \"kiểm thử\""),
                        new Procedure.Fee("Phí dịch thuật", 5_000, "")),
                Procedure.OnlineLevel.NONE,
                false,
                true,
                false,
                false,
                // demo value: the export writes the column and reads it back
                50,
                List.of(new Procedure.Component("Bản dịch | bản chính", true, 1, true)),
                List.of(new ReceivingUnit("11077", "11077")),
                "2025-07-01");
        ProcedureDraft bare = new ProcedureDraft(
                "2.000001",
                "Thủ tục chưa có thành phần",
                "Đất đai",
                UnitLevel.PROVINCE,
                3,
                TimeLimitUnit.MONTHS,
                List.of(),
                Procedure.OnlineLevel.FULL,
                false,
                false,
                false,
                // a land procedure: the time spent on financial obligations does not count
                true,
                0,
                List.of(),
                List.of(new ReceivingUnit("298", "30")),
                "2026-12-31");
        List<ProcedureDraft> drafts = List.of(permit, awkward, bare);

        byte[] file = CatalogueSheets.write(
                format, drafts.stream().map(CatalogueSheetsTest::published).toList());
        CatalogueSheets.Parsed parsed = CatalogueSheets.read(format, file);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows()).extracting(CatalogueSheets.Row::draft).containsExactlyElementsOf(drafts);
        assertThat(parsed.rows()).extracting(CatalogueSheets.Row::number).containsExactly(2, 3, 4);
    }

    @Test
    void workbookCellsTypedByPeopleAreRead() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh mục");
            Row header = sheet.createRow(0);
            List<String> columns = CatalogueSheets.columns();
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            sheet.createRow(1); // an empty row is skipped, but counts for numbering
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("1.000894");
            row.createCell(1).setCellValue("Đăng ký kết hôn");
            row.createCell(2).setCellValue("Hộ tịch");
            row.createCell(3).setCellValue("COMMUNE");
            row.createCell(4).setCellValue(5d);
            row.createCell(5).setCellValue("WORKING_DAYS");
            row.createCell(6).setCellValue("PARTIAL");
            row.createCell(7).setCellValue(false);
            row.createCell(8).setCellValue(true);
            row.createCell(9).setCellValue(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            row.createCell(10).setCellValue(LocalDateTime.of(2026, 1, 1, 0, 0));
            row.getCell(10).setCellStyle(date);
            row.createCell(11).setCellValue("Lệ phí đăng ký kết hôn:0");
            row.createCell(12).setCellValue("Tờ khai đăng ký kết hôn|true|1|false");
            row.createCell(13).setCellValue("11077:11077");
            workbook.write(out);

            CatalogueSheets.Parsed parsed = CatalogueSheets.read(CatalogueFormat.XLSX, out.toByteArray());
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.rows()).singleElement().satisfies(r -> {
                assertThat(r.number()).isEqualTo(3);
                assertThat(r.draft().timeLimitAmount()).isEqualTo(5);
                assertThat(r.draft().effectiveOn()).isEqualTo("2026-01-01");
                assertThat(r.draft().boundaryFreeAllowed()).isTrue();
                assertThat(r.draft().postalAllowed()).isFalse();
                assertThat(r.draft().name()).isEqualTo("Đăng ký kết hôn");
            });
        }
    }

    @Test
    void somethingThatIsNotAWorkbookIsRefused() {
        byte[] csvBytes = (HEADER + "\r\n" + BIRTH_ROW).getBytes(StandardCharsets.UTF_8);
        assertThat(CatalogueSheets.read(CatalogueFormat.XLSX, csvBytes).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.description()).contains("XLSX"));
    }

    private static ProcedureVersion published(ProcedureDraft d) {
        ProcedureVersion v = d.toVersion(3);
        return new ProcedureVersion(
                v.procedure(),
                PublicationState.PUBLISHED,
                "1520/QĐ-UBND",
                LocalDate.of(2025, 12, 1),
                v.effectiveOn(),
                v.requiresPaperResult(),
                v.receivingUnits());
    }
}
