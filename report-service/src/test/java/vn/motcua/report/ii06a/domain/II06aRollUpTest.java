package vn.motcua.report.ii06a.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.ResolvedPeriod;

/** Province 30 > district 298 > communes 11077, 11080; province 30 > district 297 > commune 10999. */
class II06aRollUpTest {

    static final ReportUnit P30 = new ReportUnit("30", "Tỉnh Hải Dương", 1, null, 0);
    static final ReportUnit D298 = new ReportUnit("298", "Huyện Tứ Kỳ", 2, "30", 1);
    static final ReportUnit C11077 = new ReportUnit("11077", "Xã Tây Kỳ", 3, "298", 2);
    static final ReportUnit C11080 = new ReportUnit("11080", "Xã Đại Sơn", 3, "298", 2);
    static final ReportUnit D297 = new ReportUnit("297", "Huyện Thanh Hà", 2, "30", 1);
    static final ReportUnit C10999 = new ReportUnit("10999", "Xã Thanh Xuân", 3, "297", 2);
    static final List<ReportUnit> TREE = List.of(P30, D298, C11077, C11080, D297, C10999);

    static final II06aCounts OWN_30 = Rows.row(1, 0, 0, 0, 1, 0, 0);
    static final II06aCounts OWN_298 = Rows.row(2, 1, 1, 1, 1, 0, 1);
    static final II06aCounts OWN_11077 = Rows.row(10, 5, 3, 8, 2, 4, 1);
    static final II06aCounts OWN_11080 = Rows.row(0, 2, 0, 0, 0, 1, 0);
    static final II06aCounts OWN_297 = II06aCounts.ZERO;
    static final II06aCounts OWN_10999 = Rows.row(3, 3, 3, 3, 3, 2, 1);

    static Map<String, II06aCounts> own() {
        Map<String, II06aCounts> own = new LinkedHashMap<>();
        own.put("30", OWN_30);
        own.put("298", OWN_298);
        own.put("11077", OWN_11077);
        own.put("11080", OWN_11080);
        own.put("10999", OWN_10999); // 297 has no dossiers of its own: absent
        return own;
    }

    private static List<String> layout(List<II06aRow> rows) {
        List<String> out = new ArrayList<>();
        for (II06aRow r : rows) {
            out.add(r.rowNumber() + " " + r.rowKey() + " d" + r.unit().depth());
        }
        return out;
    }

    @Test
    void unitRowsFollowTheTreeWithASubtotalHeadingEachUnitThatHasChildren() {
        II06aRollUp.Rows rows = II06aRollUp.byUnit(TREE, own());

        assertThat(layout(rows.rows()))
                .containsExactly(
                        "1 30 d0",
                        "0 298:subtotal d1",
                        "2 298 d1",
                        "3 11077 d2",
                        "4 11080 d2",
                        "0 297:subtotal d1",
                        "5 297 d1",
                        "6 10999 d2");
        assertThat(rows.rows().get(1).counts())
                .isEqualTo(OWN_298.plus(OWN_11077).plus(OWN_11080));
        assertThat(rows.rows().get(5).counts()).isEqualTo(OWN_10999);
        assertThat(rows.rows().get(6).counts()).isEqualTo(II06aCounts.ZERO);
        assertThat(rows.total())
                .isEqualTo(OWN_30.plus(OWN_298).plus(OWN_11077).plus(OWN_11080).plus(OWN_10999));
        rows.rows().forEach(r -> II06aInvariants.check(r.rowKey(), r.counts()));
    }

    @Test
    void subtotalsAddCountsSoARateIsRecomputedFromThemNotAveraged() {
        II06aCounts district = II06aRollUp.byUnit(TREE, own()).rows().get(1).counts();
        // 298's communes resolved 8+2+4 = 14 (10 on time or early) and 0+0+1 = 1 (0): 10/15 for the communes
        // with the district's own 2 of 2; the mean of the three rates (10/14, 0/1, 2/2) would be 57 %, not 12/17
        assertThat(district.resolved()).isEqualTo(17);
        assertThat(district.resolvedEarly() + district.resolvedOnTime()).isEqualTo(12);
        assertThat(district.resolvedLate()).isEqualTo(5);
    }

    @Test
    void aLeafReportIsItsOwnRowAndItsTotal() {
        II06aRollUp.Rows rows = II06aRollUp.byUnit(List.of(C11077.atDepth(0, null)), Map.of("11077", OWN_11077));
        assertThat(layout(rows.rows())).containsExactly("1 11077 d0");
        assertThat(rows.total()).isEqualTo(OWN_11077);
    }

    @Test
    void aUnitWhoseParentIsOutsideTheTreeHangsUnderTheRoot() {
        ReportUnit orphan = new ReportUnit("99001", "Xã chỉ biết qua hồ sơ", 0, null, 5);
        List<ReportUnit> tree = List.of(D298.atDepth(0, null), C11077.atDepth(1, "298"), orphan);
        II06aRollUp.Rows rows = II06aRollUp.byUnit(tree, Map.of("99001", OWN_11080));
        assertThat(layout(rows.rows())).containsExactly("1 298 d0", "2 11077 d1", "3 99001 d1");
        assertThat(rows.total()).isEqualTo(OWN_11080);
    }

    @Test
    void countsOfAUnitOutsideTheTreeAreABugNotSilentlyDropped() {
        assertThatThrownBy(() -> II06aRollUp.byUnit(List.of(D297.atDepth(0, null)), Map.of("11077", OWN_11077)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("11077");
    }

    @Test
    void parentLinksLoopingAwayFromTheRootAreRefused() {
        ReportUnit a = new ReportUnit("A", "A", 3, "B", 1);
        ReportUnit b = new ReportUnit("B", "B", 3, "A", 1);
        assertThatThrownBy(() -> II06aRollUp.byUnit(List.of(P30, a, b), Map.of("A", OWN_11077)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reachable");
    }

    @Test
    void fieldRowsAreByVietnameseNameWithKhacLastAndEmptyFieldsLeftOut() {
        Map<String, II06aCounts> byField = new LinkedHashMap<>();
        byField.put("", OWN_11080);
        byField.put("Đất đai", OWN_11077);
        byField.put("Chứng thực", OWN_298);
        byField.put("Hộ tịch", OWN_10999);
        byField.put("Xây dựng", II06aCounts.ZERO);

        II06aRollUp.Rows rows = II06aRollUp.byField(byField);

        assertThat(rows.rows())
                .extracting(r -> r.rowNumber() + " " + r.fieldName())
                .containsExactly("1 Chứng thực", "2 Đất đai", "3 Hộ tịch", "4 Khác");
        assertThat(rows.rows().get(3).fieldCode()).isEmpty();
        assertThat(rows.total())
                .isEqualTo(OWN_11080.plus(OWN_11077).plus(OWN_298).plus(OWN_10999));
    }

    @Test
    void aConsolidationLaysOutChildrenVersionsLikeTheLiveTree() {
        ResolvedPeriod q3 = new ResolvedPeriod(
                PeriodSpec.quarter(2026, 3), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), "Quý III năm 2026");
        II06aReport commune = report(
                C11077.atDepth(0, null),
                q3,
                List.of(II06aRow.ofUnit(1, C11077.atDepth(0, null), OWN_11077)),
                OWN_11077);
        II06aReport other = report(
                C11080.atDepth(0, null),
                q3,
                List.of(II06aRow.ofUnit(1, C11080.atDepth(0, null), OWN_11080)),
                OWN_11080);

        II06aRollUp.Rows district = II06aRollUp.consolidate(D298.atDepth(0, null), OWN_298, List.of(commune, other));
        assertThat(layout(district.rows())).containsExactly("1 298 d0", "2 11077 d1", "3 11080 d1");
        assertThat(district.total()).isEqualTo(OWN_298.plus(OWN_11077).plus(OWN_11080));

        // one level up: the district's frozen version becomes a subtotal with its communes beneath
        II06aReport districtVersion = report(D298.atDepth(0, null), q3, district.rows(), district.total());
        II06aRollUp.Rows province = II06aRollUp.consolidate(P30, OWN_30, List.of(districtVersion));
        assertThat(layout(province.rows()))
                .containsExactly("1 30 d0", "0 298:subtotal d1", "2 298 d1", "3 11077 d2", "4 11080 d2");
        assertThat(province.rows().get(1).counts()).isEqualTo(district.total());
        assertThat(province.rows().get(3).unit().parentCode()).isEqualTo("298");
        assertThat(province.rows().get(2).unit().parentCode()).isEqualTo("30");

        II06aReport consolidated = report(P30, q3, province.rows(), province.total());
        assertThatCode(() -> II06aRollUp.checkTotals(consolidated)).doesNotThrowAnyException();
    }

    @Test
    void checkTotalsCatchesASubtotalOrTotalThatDoesNotAddUp() {
        ResolvedPeriod q3 = new ResolvedPeriod(
                PeriodSpec.quarter(2026, 3), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), "Quý III năm 2026");
        II06aRollUp.Rows rows = II06aRollUp.byUnit(TREE, own());
        assertThatCode(() -> II06aRollUp.checkTotals(report(P30, q3, rows.rows(), rows.total())))
                .doesNotThrowAnyException();

        List<II06aRow> tampered = new ArrayList<>(rows.rows());
        tampered.set(1, tampered.get(1).withCounts(tampered.get(1).counts().plus(Rows.row(0, 1, 0, 0, 0, 0, 0))));
        assertThatThrownBy(() -> II06aRollUp.checkTotals(report(P30, q3, tampered, rows.total())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("298:subtotal");

        II06aCounts wrongTotal = rows.total().plus(Rows.row(1, 0, 0, 0, 0, 0, 0));
        assertThatThrownBy(() -> II06aRollUp.checkTotals(report(P30, q3, rows.rows(), wrongTotal)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("total does not add up");
    }

    static II06aReport report(ReportUnit unit, ResolvedPeriod period, List<II06aRow> rows, II06aCounts total) {
        return new II06aReport(unit, period, II06aGrouping.UNIT, rows, total, "DAY", Instant.EPOCH);
    }
}
