package vn.motcua.report.ii06a.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aGrouping;
import vn.motcua.report.ii06a.domain.II06aInvariants;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRollUp;
import vn.motcua.report.ii06a.domain.II06aRow;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.ii06a.domain.StatCounters;
import vn.motcua.report.ii06a.repository.StatCounterRepository;
import vn.motcua.report.ii06a.repository.StatCounterRepository.Cell;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.ReportPeriods;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.reception.domain.LocalDates;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;

/**
 * Form II.06a computed now from the counters. Each (unit, field) cell is computed for the period and for the window of
 * the same length just before it, and checked (domain identities, and the period's (6) against the earlier window's
 * (11)) before anything is summed; the rows and total are checked again after the roll-up.
 */
@Singleton
public class II06aReportService {

    private final ReportScope scope;
    private final StatCounterRepository counters;
    private final II06aSettings settings;
    private final ReportClock clock;

    public II06aReportService(
            ReportScope scope, StatCounterRepository counters, II06aSettings settings, ReportClock clock) {
        this.scope = scope;
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws DomainException NOT_FOUND / PERMISSION_DENIED from {@link ReportScope}, INVALID_ARGUMENT for a bad period
     */
    public II06aReport report(Caller caller, String unitCode, PeriodSpec period, II06aGrouping grouping) {
        List<UnitNode> subtree = scope.readableSubtree(caller, unitCode);
        ResolvedPeriod resolved = resolve(period);
        return compute(subtree, resolved, grouping == null ? II06aGrouping.UNIT : grouping);
    }

    /** The period's dates, the configured window filling in a named period's when the request leaves it out. */
    public ResolvedPeriod resolve(PeriodSpec period) {
        if (period == null) {
            throw DomainException.invalid(List.of(new FieldViolation("period.kind", "is required")));
        }
        return ReportPeriods.resolve(period.withDefaultWindow(settings.window()), "period");
    }

    public String timelinessRule() {
        return settings.timelinessRule();
    }

    /**
     * @param subtree the report's root first, then its descendants parents-first (as ReportScope gives them)
     */
    public II06aReport compute(List<UnitNode> subtree, ResolvedPeriod period, II06aGrouping grouping) {
        List<ReportUnit> tree =
                subtree.stream().map(II06aReportService::toReportUnit).toList();
        Map<Cell, II06aCounts[]> cells =
                checkedCells(tree.stream().map(ReportUnit::code).toList(), period);
        Function<Cell, String> key = grouping == II06aGrouping.UNIT ? Cell::unitCode : Cell::fieldCode;
        Map<String, II06aCounts> before = new LinkedHashMap<>();
        Map<String, II06aCounts> now = new LinkedHashMap<>();
        cells.forEach((cell, windows) -> {
            before.merge(key.apply(cell), windows[0], II06aCounts::plus);
            now.merge(key.apply(cell), windows[1], II06aCounts::plus);
        });
        II06aRollUp.Rows rows;
        II06aRollUp.Rows rowsBefore;
        if (grouping == II06aGrouping.UNIT) {
            rows = II06aRollUp.byUnit(tree, now);
            rowsBefore = II06aRollUp.byUnit(tree, before);
        } else {
            rows = II06aRollUp.byField(now);
            rowsBefore = II06aRollUp.byField(before);
        }
        checkContinuity(rowsBefore, rows);
        II06aReport report = new II06aReport(
                tree.get(0), period, grouping, rows.rows(), rows.total(), settings.timelinessRule(), clock.now());
        II06aInvariants.check(report);
        II06aRollUp.checkTotals(report);
        return report;
    }

    /** One unit's own dossiers (no unit below it), as a parent's consolidation adds them to its children's versions. */
    public II06aCounts ownCounts(String unitCode, ResolvedPeriod period) {
        II06aCounts own = II06aCounts.ZERO;
        for (II06aCounts[] windows : checkedCells(List.of(unitCode), period).values()) {
            own = own.plus(windows[1]);
        }
        II06aInvariants.check(unitCode, own);
        return own;
    }

    /**
     * Per (unit, field): [the window of the period's length just before it, the period], each checked.
     *
     * @throws IllegalStateException on a violated invariant (a counter bug: reported as INTERNAL, logged with the row)
     */
    private Map<Cell, II06aCounts[]> checkedCells(List<String> units, ResolvedPeriod period) {
        LocalDate windowBefore = windowBefore(period);
        // a period not yet over: past due means due before today (a dossier on its due day is not late yet)
        LocalDate today = LocalDates.of(clock.now());
        boolean overdueAsOfToday = today.isBefore(period.endExclusive());
        List<LocalDate> points = overdueAsOfToday
                ? List.of(windowBefore, period.from(), period.endExclusive(), today)
                : List.of(windowBefore, period.from(), period.endExclusive());
        Map<Cell, StatCounters[]> prefixes = counters.prefixesBefore(units, points);
        Map<Cell, II06aCounts[]> cells = new HashMap<>();
        prefixes.forEach((cell, p) -> {
            String rowKey = cell.unitCode() + "/field:" + cell.fieldCode();
            II06aCounts before = II06aCounts.between(p[0], p[1]);
            II06aCounts now = II06aCounts.between(p[1], p[2], overdueAsOfToday ? p[3] : p[2]);
            II06aInvariants.check(rowKey + " (window before " + period.from() + ")", before);
            II06aInvariants.check(rowKey + " (" + period.from() + ".." + period.to() + ")", now);
            II06aInvariants.checkContinuity(rowKey, before, now);
            cells.put(cell, new II06aCounts[] {before, now});
        });
        return cells;
    }

    /**
     * The start of the window of the period's length just before it: whole months for a period of whole months, so
     * that a calendar period's three prefixes are all month starts and stat_day is not read at all.
     */
    static LocalDate windowBefore(ResolvedPeriod period) {
        LocalDate from = period.from();
        LocalDate end = period.endExclusive();
        if (from.getDayOfMonth() == 1 && end.getDayOfMonth() == 1) {
            return from.minusMonths(ChronoUnit.MONTHS.between(from, end));
        }
        return from.minusDays(ChronoUnit.DAYS.between(from, end));
    }

    private static void checkContinuity(II06aRollUp.Rows before, II06aRollUp.Rows now) {
        Map<String, II06aCounts> earlier = new HashMap<>();
        before.rows().forEach(r -> earlier.put(r.rowKey(), r.counts()));
        Set<String> keys = new HashSet<>(earlier.keySet());
        Map<String, II06aCounts> later = new HashMap<>();
        now.rows().forEach(r -> later.put(r.rowKey(), r.counts()));
        keys.addAll(later.keySet());
        for (String key : keys) {
            II06aInvariants.checkContinuity(
                    key, earlier.getOrDefault(key, II06aCounts.ZERO), later.getOrDefault(key, II06aCounts.ZERO));
        }
        II06aInvariants.checkContinuity(II06aRow.TOTAL_KEY, before.total(), now.total());
    }

    public static ReportUnit toReportUnit(UnitNode node) {
        return new ReportUnit(node.code(), node.name(), node.level(), node.parent(), node.depth());
    }
}
