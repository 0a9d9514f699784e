package vn.motcua.report.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;

class RuleVersionsTest {

    private static RuleVersion version(int n, YearMonth from) {
        return new RuleVersion(n, from, "{}", null, "admin", Instant.EPOCH, "why");
    }

    private static final List<RuleVersion> VERSIONS = List.of(
            version(1, RuleVersions.DEFAULT_EFFECTIVE_FROM),
            version(2, YearMonth.of(2026, 7)),
            // published later, effective from an earlier month: supersedes version 2 from March on
            version(3, YearMonth.of(2026, 3)));

    private static int effective(PeriodSpec spec) {
        IndicatorPeriod period = IndicatorPeriod.of(spec, "period");
        return RuleVersions.effectiveFor(VERSIONS, period.firstMonth())
                .orElseThrow()
                .version();
    }

    @Test
    void aPeriodGetsTheNewestVersionEffectiveInItsFirstMonth() {
        assertThat(effective(PeriodSpec.month(2026, 2))).isEqualTo(1);
        assertThat(effective(PeriodSpec.month(2026, 3))).isEqualTo(3);
        assertThat(effective(PeriodSpec.month(2026, 8))).isEqualTo(3);
        // the year opened under version 1: a mid-year version does not reach it
        assertThat(effective(PeriodSpec.year(2026))).isEqualTo(1);
        assertThat(effective(PeriodSpec.quarter(2026, 2))).isEqualTo(3);
    }

    @Test
    void withoutAnOlderVersionNothingIsEffective() {
        assertThat(RuleVersions.effectiveFor(List.of(version(2, YearMonth.of(2026, 7))), YearMonth.of(2026, 6)))
                .isEmpty();
    }

    @Test
    void indicatorPeriodsAreCalendarMonthsQuartersAndYearsOnly() {
        for (PeriodKind kind : List.of(PeriodKind.HALF_YEAR, PeriodKind.NINE_MONTHS, PeriodKind.RANGE)) {
            DomainException e = catchThrowableOfType(
                    DomainException.class,
                    () -> IndicatorPeriod.of(
                            new PeriodSpec(kind, 2026, 1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), null),
                            "period"));
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("period.kind");
        }
        DomainException cutoff = catchThrowableOfType(
                DomainException.class,
                () -> IndicatorPeriod.of(
                        new PeriodSpec(PeriodKind.QUARTER, 2026, 3, null, null, PeriodWindow.CUTOFF_15), "period"));
        assertThat(cutoff.violations()).extracting(FieldViolation::field).containsExactly("period.window");
        DomainException month = catchThrowableOfType(
                DomainException.class, () -> IndicatorPeriod.of(PeriodSpec.month(2026, 13), "period"));
        assertThat(month.violations()).extracting(FieldViolation::field).containsExactly("period.number");
        DomainException none = catchThrowableOfType(DomainException.class, () -> IndicatorPeriod.of(null, "period"));
        assertThat(none.violations()).extracting(FieldViolation::field).containsExactly("period.kind");
    }

    @Test
    void aQuarterSpansItsCalendarMonths() {
        IndicatorPeriod q3 =
                IndicatorPeriod.of(new PeriodSpec(PeriodKind.QUARTER, 2026, 3, null, null, null), "period");
        assertThat(q3.firstMonth()).isEqualTo(YearMonth.of(2026, 7));
        assertThat(q3.lastMonth()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(q3.shortName()).isEqualTo("2026-Q3");
        assertThat(IndicatorPeriod.of(PeriodSpec.year(2026), "p").number()).isZero();
        assertThat(IndicatorPeriod.of(PeriodSpec.month(2026, 4), "p").shortName())
                .isEqualTo("2026-04");
    }
}
