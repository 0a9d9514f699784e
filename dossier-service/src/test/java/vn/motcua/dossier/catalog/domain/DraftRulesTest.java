package vn.motcua.dossier.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.dossier.calendar.TimeLimitUnit;
import vn.motcua.dossier.catalog.CatalogSamples;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.platform.error.FieldViolation;

class DraftRulesTest {

    private static final Set<String> UNITS = Set.of("298", "11077", "11080");

    private static List<FieldViolation> check(ProcedureDraft d) {
        return DraftRules.check(d, Function.identity(), UNITS::contains);
    }

    private static ProcedureDraft with(java.util.function.UnaryOperator<Object[]> change) {
        ProcedureDraft d = CatalogSamples.buildingPermit();
        Object[] f = {
            d.code(),
            d.name(),
            d.field(),
            d.level(),
            d.timeLimitAmount(),
            d.timeLimitUnit(),
            d.fees(),
            d.onlineLevel(),
            d.postalAllowed(),
            d.boundaryFreeAllowed(),
            d.requiresPaperResult(),
            d.components(),
            d.receivingUnits(),
            d.effectiveOn()
        };
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        ProcedureDraft changed = new ProcedureDraft(
                (String) f[0],
                (String) f[1],
                (String) f[2],
                (vn.motcua.dossier.unit.UnitLevel) f[3],
                (long) f[4],
                (TimeLimitUnit) f[5],
                (List<Procedure.Fee>) f[6],
                (Procedure.OnlineLevel) f[7],
                (boolean) f[8],
                (boolean) f[9],
                (boolean) f[10],
                d.financialObligationPausesClock(),
                d.onlineFeeDiscountPercent(),
                (List<Procedure.Component>) f[11],
                (List<ReceivingUnit>) f[12],
                (String) f[13]);
        return changed;
    }

    private static ProcedureDraft set(int index, Object value) {
        return with(f -> {
            f[index] = value;
            return f;
        });
    }

    @Test
    void aCompleteDraftHasNoProblems() {
        assertThat(check(CatalogSamples.buildingPermit())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.001193", "2.000635", "1.004194.000.00.00.H12", "3.000123.000.00.00.H30"})
    void nationalAndProvincialCodesAreAccepted(String code) {
        assertThat(check(set(0, code))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1001193",
                "1.00119",
                "1.0011934",
                "x.001193",
                "1.004194.000.00.00",
                "1.004194.000.00.00.h12",
                " 1.001193",
                "1.001193;DROP",
                "' OR 1=1 --"
            })
    void malformedCodesAreRefused(String code) {
        assertThat(check(set(0, code))).extracting(FieldViolation::field).containsExactly("code");
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        ProcedureDraft empty = new ProcedureDraft(
                "", "", " ", null, 0, null, List.of(), null, false, false, false, false, 0, List.of(), List.of(), "");
        assertThat(check(empty))
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder(
                        "code",
                        "name",
                        "field",
                        "level",
                        "time_limit_unit",
                        "time_limit_amount",
                        "online_level",
                        "receiving_units",
                        "effective_on");
    }

    @Test
    void namesAreBoundedAndFreeOfControlAndFormulaCharacters() {
        assertThat(check(set(1, "Đ".repeat(500)))).isEmpty();
        assertThat(check(set(1, "Đ".repeat(501))))
                .extracting(FieldViolation::field)
                .containsExactly("name");
        assertThat(check(set(1, "Cấp\u0000phép")))
                .extracting(FieldViolation::field)
                .containsExactly("name");
        assertThat(check(set(1, "=HYPERLINK(\"http://x\")")))
                .extracting(FieldViolation::field)
                .containsExactly("name");
    }

    @Test
    void timeLimitMustBePositiveAndWithinItsUnit() {
        assertThat(check(set(4, 0L))).extracting(FieldViolation::field).containsExactly("time_limit_amount");
        assertThat(check(set(4, -3L))).extracting(FieldViolation::field).containsExactly("time_limit_amount");
        assertThat(check(with(f -> {
                    f[4] = 121L;
                    f[5] = TimeLimitUnit.MONTHS;
                    return f;
                })))
                .extracting(FieldViolation::field)
                .containsExactly("time_limit_amount");
    }

    @Test
    void feesAndComponentsAreCheckedItemByItem() {
        assertThat(check(set(6, List.of(new Procedure.Fee("Lệ phí", 0, ""), new Procedure.Fee("", -1, "")))))
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("fees[1].name", "fees[1].amount");
        assertThat(check(set(11, List.of(new Procedure.Component("Tờ khai", true, 0, false)))))
                .extracting(FieldViolation::field)
                .containsExactly("components[0].quantity");
        // no components is allowed when drafting: the review reports it (indicator 1.3)
        assertThat(check(set(11, List.of()))).isEmpty();
    }

    @Test
    void aFeesLegalBasisIsOptionalOneLineBoundedAndNotAFormula() {
        String basis = "Nghị quyết mẫu số 01/NQ-HĐND";
        assertThat(check(set(6, List.of(new Procedure.Fee("Lệ phí", 1000, basis)))))
                .isEmpty();
        assertThat(check(set(6, List.of(new Procedure.Fee("Lệ phí", 1000, "Đ".repeat(500))))))
                .isEmpty();
        assertThat(check(set(
                        6,
                        List.of(
                                new Procedure.Fee("Lệ phí", 1000, "Đ".repeat(501)),
                                new Procedure.Fee("Phí", 1000, "Điều 1\nĐiều 2"),
                                new Procedure.Fee("Phí", 1000, "=HYPERLINK(\"http://x\")"),
                                new Procedure.Fee("Phí", 1000, "𝐍".repeat(300))))))
                .extracting(FieldViolation::field)
                .containsExactly(
                        "fees[0].legal_basis", "fees[1].legal_basis", "fees[2].legal_basis", "fees[3].legal_basis");
    }

    @Test
    void theOnlineFeeDiscountIsAPercentage() {
        for (int ok : new int[] {0, 1, 50, 100}) {
            assertThat(check(discount(ok))).as(ok + "%").isEmpty();
        }
        for (int bad : new int[] {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(check(discount(bad)))
                    .as(bad + "%")
                    .extracting(FieldViolation::field)
                    .containsExactly("online_fee_discount_percent");
        }
    }

    private static ProcedureDraft discount(int percent) {
        ProcedureDraft d = CatalogSamples.buildingPermit();
        return new ProcedureDraft(
                d.code(),
                d.name(),
                d.field(),
                d.level(),
                d.timeLimitAmount(),
                d.timeLimitUnit(),
                d.fees(),
                d.onlineLevel(),
                d.postalAllowed(),
                d.boundaryFreeAllowed(),
                d.requiresPaperResult(),
                d.financialObligationPausesClock(),
                percent,
                d.components(),
                d.receivingUnits(),
                d.effectiveOn());
    }

    @Test
    void receivingAndCompetentUnitsMustExistAndNotRepeat() {
        assertThat(check(set(
                        12,
                        List.of(
                                new ReceivingUnit("99999", "298"),
                                new ReceivingUnit("11077", "88888"),
                                new ReceivingUnit("11080", "298"),
                                new ReceivingUnit("11080", "11080")))))
                .extracting(FieldViolation::field)
                .containsExactly(
                        "receiving_units[0].unit_code",
                        "receiving_units[1].competent_unit_code",
                        "receiving_units[3].unit_code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "01/01/2026", "2026-1-1", "1980-01-01", "20260101"})
    void effectiveDateMustBeAnIsoDate(String date) {
        assertThat(check(set(13, date))).extracting(FieldViolation::field).containsExactly("effective_on");
    }

    @Test
    void fieldNamesAreTheCallersToChoose() {
        List<FieldViolation> problems = DraftRules.check(set(5, null), c -> "row 7: " + c, UNITS::contains);
        assertThat(problems).extracting(FieldViolation::field).containsExactly("row 7: time_limit_unit");
    }

    /** The gateway used to refuse line breaks in these names; the rule is the service's alone now (issue 8). */
    @Test
    void namesAndDecisionsAreOneLine() {
        assertThat(check(set(1, "Cấp giấy phép\nxây dựng")))
                .containsExactly(new FieldViolation("name", "must be one line"));
        assertThat(check(set(2, "Xây\tdựng"))).containsExactly(new FieldViolation("field", "must be one line"));
        List<FieldViolation> problems = new java.util.ArrayList<>();
        DraftRules.line(
                (f, d) -> problems.add(new FieldViolation(f, d)),
                "publication_decision",
                "Số 12/QĐ-UBND\r\n",
                true,
                128);
        assertThat(problems).containsExactly(new FieldViolation("publication_decision", "must be one line"));
    }
}
