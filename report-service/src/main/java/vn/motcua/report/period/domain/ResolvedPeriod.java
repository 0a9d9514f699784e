package vn.motcua.report.period.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * A period resolved to inclusive local dates (Asia/Ho_Chi_Minh), with its Vietnamese label.
 *
 * @param spec the period as asked for, window filled in
 */
public record ResolvedPeriod(PeriodSpec spec, LocalDate from, LocalDate to, String label) {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ResolvedPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
    }

    /** The day after {@link #to()}: the exclusive end, where "open at the end of the period" is measured. */
    public LocalDate endExclusive() {
        return to.plusDays(1);
    }

    /** "từ ngày dd/MM/yyyy đến ngày dd/MM/yyyy", as the forms print it. */
    public String dateRangeLabel() {
        return "từ ngày " + VN_DATE.format(from) + " đến ngày " + VN_DATE.format(to);
    }

    /** yyyymm of a month, as stat_month and i766_month key it. */
    public static int monthKey(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    public static int monthKey(LocalDate day) {
        return day.getYear() * 100 + day.getMonthValue();
    }
}
