package vn.motcua.report.ii06a.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.report.v1.GetII06aReportRequest;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.II06aReport;
import vn.motcua.proto.report.v1.II06aRow;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PeriodKind;
import vn.motcua.report.ii06a.GrpcItBase;
import vn.motcua.report.ii06a.SettableReportClock;

/**
 * GetII06aReport over gRPC from seeded counters, every figure computed by hand from the dossiers below.
 * <p>
 * Province 30 > district 298 > communes 11077, 11080; province 30 > district 297 > commune 10999. A separate root 40
 * holds a commune with corrupted counters.
 */
@MicronautTest(transactional = false)
class II06aReportIT extends GrpcItBase {

    @Inject
    SettableReportClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.test.report-clock", "true");
    }

    @Override
    protected void seedData() {
        seed.unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11077", "Xã Tây Kỳ", 3, "298")
                .unit("11080", "Xã Đại Sơn", 3, "298")
                .unit("297", "Huyện Thanh Hà", 2, "30")
                .unit("10999", "Xã Thanh Xuân", 3, "297")
                .unit("40", "Tỉnh khác", 1, null)
                .unit("40001", "Xã hỏng số liệu", 3, "40");
        // 11077
        seed.dossier("11077", "Hộ tịch")
                .online()
                .received("2026-06-20")
                .due("2026-07-05")
                .finished("2026-07-03", "EARLY")
                .add(); // a: carried over into Q3, resolved early
        seed.dossier("11077", "Hộ tịch")
                .received("2026-07-10")
                .due("2026-07-20")
                .finished("2026-07-20", "ON_TIME")
                .add(); // b
        seed.dossier("11077", "Đất đai")
                .postal()
                .received("2026-08-01")
                .due("2026-08-20")
                .finished("2026-09-02", "LATE")
                .apology()
                .add(); // c
        seed.dossier("11077", "Đất đai")
                .boundaryFree()
                .received("2026-09-10")
                .due("2026-09-25")
                .add(); // d: open and overdue at the end of Q3
        seed.dossier("11077", "Hộ tịch")
                .online()
                .received("2026-09-28")
                .due("2026-10-10")
                .add(); // e: open, within due
        seed.dossier("11077", "")
                .received("2026-05-01")
                .due("2026-05-10")
                .finished("2026-06-01", "LATE")
                .add(); // f: all before Q3
        seed.dossier("11077", "Hộ tịch")
                .received("2026-06-01")
                .due("2026-06-15")
                .add(); // g: carried over, still open and overdue
        seed.dossier("11077", "Hộ tịch")
                .online()
                .received("2026-07-02")
                .due("2026-07-30")
                .finished("2026-07-05", "EARLY")
                .withdrawn()
                .add(); // h
        seed.dossier("11077", "Hộ tịch")
                .received("2026-10-02")
                .due("2026-10-20")
                .add(); // i: after Q3
        // 11080
        seed.dossier("11080", "Chứng thực")
                .received("2026-07-15")
                .finished("2026-07-15", "ON_TIME")
                .refused()
                .add(); // j: no due date
        seed.dossier("11080", "Chứng thực").online().received("2026-09-30").add(); // k: open, no due
        // 298's own
        seed.dossier("298", "Đất đai")
                .online()
                .received("2026-08-10")
                .due("2026-08-15")
                .finished("2026-08-14", "EARLY")
                .add(); // l
        // 10999
        seed.dossier("10999", "Hộ tịch")
                .received("2026-09-15")
                .due("2026-09-30")
                .finished("2026-10-01", "ON_TIME")
                .add(); // m: due on the last day, finished after the period
        // 40001: a resolved dossier that was never received (a counter bug) makes (11) negative
        seed.add("40001", "Hộ tịch", java.time.LocalDate.parse("2026-08-01"), "resolved_on_time", 1);
    }

    private II06aReport report(String token, String unit, Period period, II06aGrouping grouping) {
        return as(token)
                .getII06aReport(GetII06aReportRequest.newBuilder()
                        .setUnitCode(unit)
                        .setPeriod(period)
                        .setGrouping(grouping)
                        .build())
                .getReport();
    }

    @Test
    void provinceReportHasEveryUnitInTreeOrderWithDistrictSubtotalsAndTheTotal() {
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        II06aReport r = report(viewer, "30", quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT);

        assertThat(r.getPeriod().getFromDate()).isEqualTo("2026-07-01");
        assertThat(r.getPeriod().getToDate()).isEqualTo("2026-09-30");
        assertThat(r.getPeriod().getLabel()).isEqualTo("Quý III năm 2026 (từ ngày 01/07/2026 đến ngày 30/09/2026)");
        assertThat(r.getUnit().getName()).isEqualTo("Tỉnh Hải Dương");
        assertThat(r.getTimelinessRule()).isEqualTo("DAY");
        assertThat(keys(r.getRowsList()))
                .containsExactly("1 30", "0 +297", "2 297", "3 10999", "0 +298", "4 298", "5 11077", "6 11080");
        List<II06aRow> rows = r.getRowsList();
        // 11077: received b, c, d (direct/postal) e, h (online); carried a, g; resolved a, h early, b on time,
        // c late with apology; open d (overdue), g (overdue), e (within)
        assertThat(rows.get(6).getCounts()).isEqualTo(counts(2, 3, 2, 2, 1, 1, 1, 2, 1, 1, 1, 1, 0));
        assertThat(rows.get(7).getCounts()).isEqualTo(counts(1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1));
        assertThat(rows.get(6).getUnit().getDepth()).isEqualTo(2);
        assertThat(rows.get(6).getUnit().getParentCode()).isEqualTo("298");
        assertThat(rows.get(3).getCounts()).isEqualTo(counts(0, 1, 0, 0, 0, 0, 0, 1));
        assertThat(rows.get(4).getCounts()).isEqualTo(counts(4, 4, 2, 3, 2, 1, 2, 2, 1, 1, 1, 1, 1));
        assertThat(rows.get(4).getSubtotal()).isTrue();
        assertThat(rows.get(1).getCounts()).isEqualTo(rows.get(3).getCounts());
        assertThat(rows.get(0).getCounts()).isEqualTo(counts(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(r.getTotal()).isEqualTo(counts(4, 5, 2, 3, 2, 1, 2, 3, 1, 1, 1, 1, 1));
    }

    @Test
    void fieldGroupingSumsTheSubtreeByFieldAndLeavesOutFieldsWithNothingInThePeriod() {
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        II06aReport r = report(viewer, "30", quarter(2026, 3), II06aGrouping.II06A_GROUPING_FIELD);

        assertThat(r.getRowsList())
                .extracting(row -> row.getRowNumber() + " " + row.getFieldName())
                .containsExactly("1 Chứng thực", "2 Đất đai", "3 Hộ tịch");
        assertThat(r.getRows(0).getCounts()).isEqualTo(counts(1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1));
        assertThat(r.getRows(1).getCounts()).isEqualTo(counts(1, 2, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0));
        assertThat(r.getRows(2).getCounts()).isEqualTo(counts(2, 2, 2, 2, 1, 0, 1, 2, 0, 0, 0, 1, 0));
        assertThat(r.getTotal()).isEqualTo(counts(4, 5, 2, 3, 2, 1, 2, 3, 1, 1, 1, 1, 1));
    }

    @Test
    void theCutOffWindowReadsPartialMonthsFromTheDailyCounters() {
        String leader = idp.officer("leader11077", "11077", "unit_leader");
        // Q3 with Decree 09 cut-offs: 15/06 .. 14/09
        II06aReport r = report(leader, "", cutOffQuarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT);

        assertThat(r.getPeriod().getFromDate()).isEqualTo("2026-06-15");
        assertThat(r.getPeriod().getToDate()).isEqualTo("2026-09-14");
        // received a, h (online), b, c, d; carried g (received 01/06); resolved a, h, b, c; open at 15/09: d (due
        // 25/09, within), g (overdue)
        assertThat(keys(r.getRowsList())).containsExactly("1 11077");
        assertThat(r.getTotal()).isEqualTo(counts(2, 3, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0));
    }

    @Test
    void eachPeriodCarriesOverExactlyWhatThePreviousOneLeftInProgress() {
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        II06aReport june = report(viewer, "30", month(2026, 6), II06aGrouping.II06A_GROUPING_UNIT);
        II06aReport q3 = report(viewer, "30", quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT);
        II06aReport q4 = report(viewer, "30", quarter(2026, 4), II06aGrouping.II06A_GROUPING_UNIT);
        assertThat(q3.getTotal().getCarriedOver())
                .isEqualTo(june.getTotal().getInProgress())
                .isEqualTo(2);
        assertThat(q4.getTotal().getCarriedOver())
                .isEqualTo(q3.getTotal().getInProgress())
                .isEqualTo(5);
        for (int i = 0; i < q3.getRowsCount(); i++) {
            assertThat(q4.getRows(i).getCounts().getCarriedOver())
                    .as(q4.getRows(i).getUnit().getCode())
                    .isEqualTo(q3.getRows(i).getCounts().getInProgress());
        }
    }

    @Test
    void aPeriodNotYetOverCountsAsOverdueOnlyWhatIsAlreadyPastItsDueDay() {
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        clock.set("2026-09-25T03:00:00Z"); // 10:00 on 25/09, Q3 still running
        try {
            II06aReport r = report(viewer, "30", quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT);
            // open: d (due 25/09: its due day, not late yet), e, g (overdue since June), k, m (due 30/09)
            assertThat(r.getTotal().getInProgress()).isEqualTo(5);
            assertThat(r.getTotal().getInProgressOverdue()).isEqualTo(1);
            assertThat(r.getTotal().getInProgressWithinDue()).isEqualTo(4);
        } finally {
            clock.set(null);
        }
        II06aReport over = report(viewer, "30", quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT);
        assertThat(over.getTotal().getInProgressOverdue()).isEqualTo(3);
    }

    @Test
    void aRangeMayEndMidMonthAndADistrictOfficerReadsOnlyTheirSubtree() {
        String specialist = idp.officer("specialist298", "298", "specialist");
        Period range = Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_RANGE)
                .setFromDate("2026-07-03")
                .setToDate("2026-08-10")
                .build();
        II06aReport r = report(specialist, "", range, II06aGrouping.II06A_GROUPING_UNIT);

        assertThat(keys(r.getRowsList())).containsExactly("1 298", "2 11077", "3 11080");
        // 11077: received b, c, (h on 02/07 is before); carried a, g, h; resolved a (03/07), h (05/07), b; open c,
        // g (overdue), and not yet d, e
        assertThat(r.getRows(1).getCounts()).isEqualTo(counts(0, 2, 3, 2, 1, 0, 1, 1, 1, 0, 0, 1, 0));
        // 298 itself: l received 10/08 online, open on the 10th, due 15/08
        assertThat(r.getRows(0).getCounts()).isEqualTo(counts(1, 0, 0, 0, 0, 0, 1, 0));
    }

    @Test
    void aUnitOutsideTheCallersSubtreeIsNotFoundAndACitizenIsDenied() {
        String commune = idp.officer("leader11080", "11080", "unit_leader");
        for (String unit : List.of("11077", "298", "40001", "99999")) {
            StatusRuntimeException e =
                    failure(() -> report(commune, unit, quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT));
            assertThat(e.getStatus().getCode()).as(unit).isEqualTo(Status.Code.NOT_FOUND);
        }
        StatusRuntimeException citizen = failure(() ->
                report(idp.citizen("dan", "001099000001"), "", quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT));
        assertThat(citizen.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void badPeriodsAreInvalidArgumentNamingEachField() {
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        assertInvalid(
                failure(() -> report(viewer, "", Period.getDefaultInstance(), II06aGrouping.II06A_GROUPING_UNIT)),
                "period.kind");
        assertInvalid(
                failure(() -> report(
                        viewer,
                        "",
                        Period.newBuilder()
                                .setKind(PeriodKind.PERIOD_KIND_QUARTER)
                                .setYear(1999)
                                .setNumber(5)
                                .build(),
                        II06aGrouping.II06A_GROUPING_UNIT)),
                "period.year",
                "period.number");
        assertInvalid(
                failure(() -> report(
                        viewer,
                        "",
                        Period.newBuilder()
                                .setKind(PeriodKind.PERIOD_KIND_RANGE)
                                .setFromDate("30/09/2026")
                                .setToDate("2026-13-01")
                                .build(),
                        II06aGrouping.II06A_GROUPING_UNIT)),
                "period.from_date",
                "period.to_date");
        assertInvalid(
                failure(() -> report(
                        viewer,
                        "",
                        Period.newBuilder()
                                .setKind(PeriodKind.PERIOD_KIND_RANGE)
                                .setFromDate("2026-09-30")
                                .setToDate("2026-09-01")
                                .build(),
                        II06aGrouping.II06A_GROUPING_UNIT)),
                "period.to_date");
        assertInvalid(
                failure(() -> as(viewer)
                        .getII06aReport(GetII06aReportRequest.newBuilder()
                                .setPeriod(quarter(2026, 3))
                                .setGroupingValue(99)
                                .build())),
                "grouping");
    }

    @Test
    void countersThatBreakAnInvariantFailLoudlyAsInternalInsteadOfPrintingTheRow() {
        String leader = idp.officer("leader40", "40", "unit_leader");
        StatusRuntimeException e =
                failure(() -> report(leader, "40", quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(e.getStatus().getDescription()).doesNotContain("40001"); // logged, not leaked
        // the rest of the country is unaffected
        String viewer = idp.officer("viewer30", "30", "report_viewer");
        assertThat(report(viewer, "30", quarter(2026, 3), II06aGrouping.II06A_GROUPING_UNIT)
                        .getTotal()
                        .getTotal())
                .isEqualTo(11);
    }
}
