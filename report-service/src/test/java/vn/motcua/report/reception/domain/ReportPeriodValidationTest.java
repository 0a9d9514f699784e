package vn.motcua.report.reception.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.FieldViolation;

class ReportPeriodValidationTest {

    private static ReportPeriod parse(String from, String to) {
        return ReportPeriod.parse("from_date", from, "to_date", to);
    }

    private static DomainException rejected(String from, String to) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> parse(from, to));
        assertThat(e).as("expected %s..%s to be rejected", from, to).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        return e;
    }

    @Test
    void singleDayAndFullLeapYearAreAccepted() {
        assertThat(parse("2026-11-27", "2026-11-27"))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27)));
        assertThat(parse("2028-01-01", "2028-12-31").to()).isEqualTo(LocalDate.of(2028, 12, 31));
    }

    @Test
    void spanOf366DaysIsTheLimit() {
        assertThat(parse("2026-01-01", "2027-01-01").from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(rejected("2026-01-01", "2027-01-02").violations())
                .extracting(FieldViolation::field)
                .containsExactly("to_date");
    }

    @Test
    void toBeforeFromIsReportedOnToDate() {
        assertThat(rejected("2026-11-28", "2026-11-27").violations())
                .extracting(FieldViolation::field)
                .containsExactly("to_date");
    }

    @Test
    void everyMalformedOrMissingDateIsReportedAtOnce() {
        assertThat(rejected("27/11/2026", "").violations())
                .extracting(FieldViolation::field)
                .containsExactly("from_date", "to_date");
        assertThat(rejected("2026-02-30", "2026-03-01").violations())
                .extracting(FieldViolation::field)
                .containsExactly("from_date");
        assertThat(rejected(null, "2026-13-01").violations())
                .extracting(FieldViolation::field)
                .containsExactly("from_date", "to_date");
    }
}
