package vn.motcua.gateway.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.DrillDownSide;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PeriodKind;
import vn.motcua.proto.report.v1.PeriodWindow;
import vn.motcua.proto.report.v1.ReportKind;

/**
 * How the report routes read their input: the SHAPE only (types, the enums' names, what every request needs). What a
 * period means (a month needs 1-12, a range needs from ≤ to, 766 takes calendar months, quarters and years), which
 * units a caller may read and every other rule is report-service's ({@code ReportPeriods}, {@code ReportScope}); its
 * field violations come back under the names the client sent (query parameters or JSON fields, {@link #periodNames}).
 */
final class ReportParams {

    static final Map<String, PeriodKind> PERIOD_KINDS = Map.of(
            "MONTH", PeriodKind.PERIOD_KIND_MONTH,
            "QUARTER", PeriodKind.PERIOD_KIND_QUARTER,
            "HALF_YEAR", PeriodKind.PERIOD_KIND_HALF_YEAR,
            "NINE_MONTHS", PeriodKind.PERIOD_KIND_NINE_MONTHS,
            "YEAR", PeriodKind.PERIOD_KIND_YEAR,
            "RANGE", PeriodKind.PERIOD_KIND_RANGE);
    static final Map<String, PeriodWindow> WINDOWS =
            Map.of("CALENDAR", PeriodWindow.PERIOD_WINDOW_CALENDAR, "CUTOFF_15", PeriodWindow.PERIOD_WINDOW_CUTOFF_15);
    static final Map<String, II06aGrouping> GROUPINGS =
            Map.of("UNIT", II06aGrouping.II06A_GROUPING_UNIT, "FIELD", II06aGrouping.II06A_GROUPING_FIELD);
    /** Report kinds in JSON bodies (and answers): the proto's names without prefix. */
    static final Map<String, ReportKind> KINDS =
            Map.of("II06A", ReportKind.REPORT_KIND_II06A, "INDICATORS_766", ReportKind.REPORT_KIND_INDICATORS_766);
    /** Report kinds in a query ({@code kind=ii06a|indicators}), like the export's other lower-case choices. */
    static final Map<String, ReportKind> QUERY_KINDS =
            Map.of("ii06a", ReportKind.REPORT_KIND_II06A, "indicators", ReportKind.REPORT_KIND_INDICATORS_766);

    static final Map<String, DrillDownSide> SIDES = Map.of(
            "numerator", DrillDownSide.DRILL_DOWN_SIDE_NUMERATOR,
            "denominator", DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR);
    static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false);
    /** The fields of a body's period object: the names of the query parameters, nested. */
    static final Set<String> PERIOD_FIELDS = Set.of("kind", "year", "number", "from", "to", "window");

    /** A year as four digits at most: what the calendar of a report can name; which years are allowed is the service's. */
    static final int MAX_YEAR = 9999;
    /** A month (1-12) or a quarter (1-4): the widest a number can be; which one the kind takes is the service's rule. */
    static final int MAX_NUMBER = 12;

    private ReportParams() {}

    /**
     * The period from the query: {@code periodKind} (required), {@code year} and {@code number} (whole numbers),
     * {@code from} and {@code to} (YYYY-MM-DD), {@code window} (CALENDAR or CUTOFF_15; absent: the report's default).
     */
    static Period queryPeriod(
            Violations v,
            @Nullable String kind,
            @Nullable String year,
            @Nullable String number,
            @Nullable String from,
            @Nullable String to,
            @Nullable String window) {
        Period.Builder period = Period.newBuilder();
        PeriodKind k = v.oneOf("periodKind", kind, true, PERIOD_KINDS);
        if (k != null) {
            period.setKind(k);
        }
        period.setYear(whole(v, "year", year, 1, MAX_YEAR));
        period.setNumber(whole(v, "number", number, 1, MAX_NUMBER));
        LocalDate fromDate = v.date("from", from, false);
        LocalDate toDate = v.date("to", to, false);
        period.setFromDate(fromDate == null ? "" : fromDate.toString());
        period.setToDate(toDate == null ? "" : toDate.toString());
        PeriodWindow w = v.oneOf("window", window, false, WINDOWS);
        if (w != null) {
            period.setWindow(w);
        }
        return period.build();
    }

    /** The period object of a JSON body ({kind, year, number, from, to, window}); required. */
    static Period bodyPeriod(Violations v, JsonBody body) {
        Period.Builder period = Period.newBuilder();
        JsonBody p = body.object("period", PERIOD_FIELDS);
        if (p == null) {
            if (!body.has("period")) {
                v.missing(body.path("period"));
            }
            return period.build();
        }
        PeriodKind k = v.oneOf(p.path("kind"), p.string("kind"), true, PERIOD_KINDS);
        if (k != null) {
            period.setKind(k);
        }
        period.setYear(p.integer("year", 1, MAX_YEAR));
        period.setNumber(p.integer("number", 1, MAX_NUMBER));
        LocalDate fromDate = v.date(p.path("from"), p.string("from"), false);
        LocalDate toDate = v.date(p.path("to"), p.string("to"), false);
        period.setFromDate(fromDate == null ? "" : fromDate.toString());
        period.setToDate(toDate == null ? "" : toDate.toString());
        PeriodWindow w = v.oneOf(p.path("window"), p.string("window"), false, WINDOWS);
        if (w != null) {
            period.setWindow(w);
        }
        return period.build();
    }

    /**
     * The service names the period's fields period.kind, period.from_date...: they reach the client as the query
     * parameters it sent (periodKind, year, number, from, to, window).
     */
    static void periodNames(HttpRequest<?> request) {
        JsonPaths.renamed(request, path -> switch (path) {
            case "period.kind", "period" -> "periodKind";
            case "period.year" -> "year";
            case "period.number" -> "number";
            case "period.fromDate" -> "from";
            case "period.toDate" -> "to";
            case "period.window" -> "window";
            case "page.pageSize" -> "pageSize";
            case "page.pageToken" -> "pageToken";
            default -> path;
        });
    }

    /** In a JSON body the period is an object: period.from_date reaches the client as period.from. */
    static void bodyPeriodNames(HttpRequest<?> request) {
        JsonPaths.renamed(request, path -> switch (path) {
            case "period.fromDate" -> "period.from";
            case "period.toDate" -> "period.to";
            default -> path;
        });
    }

    /** An optional whole number in a query parameter: 0 when absent (the proto's "not given"). */
    static int whole(Violations v, String field, @Nullable String value, int min, int max) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            if (value.length() <= 10) {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        v.add(field, "must be a whole number from " + min + " to " + max);
        return 0;
    }

    /** true or false; absent is {@code absent}. */
    static boolean bool(Violations v, String field, @Nullable String value, boolean absent) {
        Boolean b = v.oneOf(field, value, false, BOOLEANS);
        return b == null ? absent : b;
    }

    static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
