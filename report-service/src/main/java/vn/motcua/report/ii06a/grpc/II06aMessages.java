package vn.motcua.report.ii06a.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PeriodWindow;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRow;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.ResolvedPeriod;

/** Translation between report_service.proto and the II.06a domain; the submission and export adapters use it too. */
public final class II06aMessages {

    private II06aMessages() {}

    /**
     * The period as asked for. Dates that do not parse are reported here as field violations under "period."; the rest
     * (kind, year, number, order of dates) by {@code ReportPeriods.resolve}.
     *
     * @return null kind when none was given, so the resolver reports it with the other problems
     */
    public static PeriodSpec period(Period period) {
        List<FieldViolation> violations = new ArrayList<>();
        PeriodKind kind = switch (period.getKind()) {
            case PERIOD_KIND_MONTH -> PeriodKind.MONTH;
            case PERIOD_KIND_QUARTER -> PeriodKind.QUARTER;
            case PERIOD_KIND_HALF_YEAR -> PeriodKind.HALF_YEAR;
            case PERIOD_KIND_NINE_MONTHS -> PeriodKind.NINE_MONTHS;
            case PERIOD_KIND_YEAR -> PeriodKind.YEAR;
            case PERIOD_KIND_RANGE -> PeriodKind.RANGE;
            case PERIOD_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
        };
        if (period.getKind() == vn.motcua.proto.report.v1.PeriodKind.UNRECOGNIZED) {
            violations.add(new FieldViolation("period.kind", "is not a known period kind"));
        }
        vn.motcua.report.period.domain.PeriodWindow window = switch (period.getWindow()) {
            case PERIOD_WINDOW_CALENDAR -> vn.motcua.report.period.domain.PeriodWindow.CALENDAR;
            case PERIOD_WINDOW_CUTOFF_15 -> vn.motcua.report.period.domain.PeriodWindow.CUTOFF_15;
            case PERIOD_WINDOW_UNSPECIFIED, UNRECOGNIZED -> null;
        };
        if (period.getWindow() == PeriodWindow.UNRECOGNIZED) {
            violations.add(new FieldViolation("period.window", "is not a known window"));
        }
        LocalDate from = null;
        LocalDate to = null;
        if (kind == PeriodKind.RANGE) {
            from = date(period.getFromDate(), "period.from_date", violations);
            to = date(period.getToDate(), "period.to_date", violations);
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        return new PeriodSpec(kind, period.getYear(), period.getNumber(), from, to, window);
    }

    private static LocalDate date(String text, String field, List<FieldViolation> violations) {
        if (text.isBlank()) {
            return null; // the resolver names the missing date
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be a date YYYY-MM-DD"));
            return null;
        }
    }

    public static vn.motcua.report.ii06a.domain.II06aGrouping grouping(II06aGrouping grouping, String field) {
        return switch (grouping) {
            case II06A_GROUPING_UNSPECIFIED, II06A_GROUPING_UNIT -> vn.motcua.report.ii06a.domain.II06aGrouping.UNIT;
            case II06A_GROUPING_FIELD -> vn.motcua.report.ii06a.domain.II06aGrouping.FIELD;
            case UNRECOGNIZED -> throw DomainException.invalid(field, "is not a known grouping");
        };
    }

    public static vn.motcua.proto.report.v1.II06aReport report(II06aReport report) {
        vn.motcua.proto.report.v1.II06aReport.Builder b = vn.motcua.proto.report.v1.II06aReport.newBuilder()
                .setUnit(unit(report.unit()))
                .setPeriod(period(report.period()))
                .setGrouping(
                        report.grouping() == vn.motcua.report.ii06a.domain.II06aGrouping.FIELD
                                ? II06aGrouping.II06A_GROUPING_FIELD
                                : II06aGrouping.II06A_GROUPING_UNIT)
                .setTotal(counts(report.total()))
                .setTimelinessRule(nullToEmpty(report.timelinessRule()));
        if (report.computedAt() != null) {
            b.setComputedAt(timestamp(report.computedAt()));
        }
        for (II06aRow row : report.rows()) {
            vn.motcua.proto.report.v1.II06aRow.Builder r = vn.motcua.proto.report.v1.II06aRow.newBuilder()
                    .setRowNumber(row.rowNumber())
                    .setSubtotal(row.subtotal())
                    .setFieldCode(nullToEmpty(row.fieldCode()))
                    .setFieldName(nullToEmpty(row.fieldName()))
                    .setCounts(counts(row.counts()));
            if (row.unit() != null) {
                r.setUnit(unit(row.unit()));
            }
            b.addRows(r);
        }
        return b.build();
    }

    public static vn.motcua.proto.report.v1.II06aCounts counts(II06aCounts c) {
        return vn.motcua.proto.report.v1.II06aCounts.newBuilder()
                .setTotal(c.total())
                .setReceivedOnline(c.receivedOnline())
                .setReceivedDirectOrPostal(c.receivedDirectOrPostal())
                .setCarriedOver(c.carriedOver())
                .setResolved(c.resolved())
                .setResolvedEarly(c.resolvedEarly())
                .setResolvedOnTime(c.resolvedOnTime())
                .setResolvedLate(c.resolvedLate())
                .setInProgress(c.inProgress())
                .setInProgressWithinDue(c.inProgressWithinDue())
                .setInProgressOverdue(c.inProgressOverdue())
                .setReceivedPostal(c.receivedPostal())
                .setReceivedBoundaryFree(c.receivedBoundaryFree())
                .setResolvedLateWithApology(c.resolvedLateWithApology())
                .setResolvedLateWithoutApology(c.resolvedLateWithoutApology())
                .setWithdrawn(c.withdrawn())
                .setRefused(c.refused())
                .build();
    }

    public static vn.motcua.proto.report.v1.UnitRef unit(ReportUnit unit) {
        UnitLevel level = UnitLevel.forNumber(unit.level());
        return vn.motcua.proto.report.v1.UnitRef.newBuilder()
                .setCode(unit.code())
                .setName(unit.name())
                .setLevel(level == null ? UnitLevel.UNIT_LEVEL_UNSPECIFIED : level)
                .setParentCode(nullToEmpty(unit.parentCode()))
                .setDepth(unit.depth())
                .build();
    }

    public static vn.motcua.proto.report.v1.ResolvedPeriod period(ResolvedPeriod period) {
        PeriodSpec spec = period.spec();
        Period.Builder p = Period.newBuilder()
                .setKind(
                        switch (spec.kind()) {
                            case MONTH -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_MONTH;
                            case QUARTER -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_QUARTER;
                            case HALF_YEAR -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_HALF_YEAR;
                            case NINE_MONTHS -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_NINE_MONTHS;
                            case YEAR -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_YEAR;
                            case RANGE -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_RANGE;
                        })
                .setYear(spec.year())
                .setNumber(spec.number())
                .setWindow(
                        spec.window() == vn.motcua.report.period.domain.PeriodWindow.CUTOFF_15
                                ? PeriodWindow.PERIOD_WINDOW_CUTOFF_15
                                : PeriodWindow.PERIOD_WINDOW_CALENDAR);
        if (spec.kind() == PeriodKind.RANGE) {
            p.setFromDate(period.from().toString()).setToDate(period.to().toString());
        }
        return vn.motcua.proto.report.v1.ResolvedPeriod.newBuilder()
                .setPeriod(p)
                .setFromDate(period.from().toString())
                .setToDate(period.to().toString())
                .setLabel(period.label())
                .build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
