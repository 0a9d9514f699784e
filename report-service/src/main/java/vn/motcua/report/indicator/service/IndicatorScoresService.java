package vn.motcua.report.indicator.service;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.indicator.domain.CounterData;
import vn.motcua.report.indicator.domain.IndicatorCalculator;
import vn.motcua.report.indicator.domain.IndicatorFigures;
import vn.motcua.report.indicator.domain.IndicatorPeriod;
import vn.motcua.report.indicator.domain.RulePin;
import vn.motcua.report.indicator.domain.RuleVersion;
import vn.motcua.report.indicator.repository.IndicatorCounterRepository;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.reception.domain.LocalDates;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;

/**
 * Decision 766 scores from the counters: one grouped read per counter table for the whole subtree, then every set
 * asked for (the unit, its subtree, each direct child) is summed in memory and scored under its pinned rule version.
 */
@Singleton
public class IndicatorScoresService {

    private final ReportScope scope;
    private final IndicatorRules rules;
    private final IndicatorCounterRepository counters;
    private final IndicatorSettings settings;

    public IndicatorScoresService(
            ReportScope scope, IndicatorRules rules, IndicatorCounterRepository counters, IndicatorSettings settings) {
        this.scope = scope;
        this.rules = rules;
        this.counters = counters;
        this.settings = settings;
    }

    /**
     * GetIndicatorScores: any officer or report_viewer for a unit of its subtree. The first computation of a (unit,
     * period, subtree) pins the rule version effective for the period; later ones keep it.
     */
    public UnitScores scores(
            Caller caller, String unitCode, PeriodSpec spec, boolean subtree, boolean includeChildren) {
        UnitNode asked = scope.readable(caller, unitCode);
        IndicatorPeriod period = IndicatorPeriod.of(spec, "period");
        boolean whole = subtree || includeChildren;
        UnitSets sets = whole
                ? new UnitSets(scope.readableSubtree(caller, asked.code()), counters.subtrees(asked.code()))
                : new UnitSets(List.of(asked), Map.of());
        CounterData data = load(whole ? sets.subtreeOf(asked.code()) : Set.of(asked.code()), period);
        String by = IndicatorRules.username(caller);
        Instant now = IndicatorRules.now();
        List<UnitScores> children = new ArrayList<>();
        if (includeChildren) {
            for (UnitNode child : sets.directChildren()) {
                RuleVersion version = rules.pinnedOrPin(RulePin.of(child.code(), period, subtree), period, by);
                Set<String> set = subtree ? sets.subtreeOf(child.code()) : Set.of(child.code());
                children.add(sheet(child, period, subtree, version, data.figuresFor(set), now, List.of()));
            }
        }
        RuleVersion version = rules.pinnedOrPin(RulePin.of(asked.code(), period, subtree), period, by);
        Set<String> set = subtree ? sets.subtreeOf(asked.code()) : Set.of(asked.code());
        return sheet(sets.root(), period, subtree, version, data.figuresFor(set), now, children);
    }

    /**
     * RecomputeIndicators: a unit_admin covering the unit re-pins a period to the version effective now for it,
     * with a reason, and gets the scores under it.
     */
    public UnitScores recompute(Caller caller, String unitCode, PeriodSpec spec, boolean subtree, String reason) {
        UnitNode unit = scope.actingFor(caller, Roles.UNIT_ADMIN, unitCode);
        List<FieldViolation> violations = new ArrayList<>();
        IndicatorPeriod period = null;
        try {
            period = IndicatorPeriod.of(spec, "period");
        } catch (DomainException e) {
            violations.addAll(e.violations());
        }
        String why = IndicatorRules.reason(reason, "reason", violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        RuleVersion version =
                rules.repin(RulePin.of(unit.code(), period, subtree), period, IndicatorRules.username(caller), why);
        UnitSets sets = subtree
                ? new UnitSets(scope.readableSubtree(caller, unit.code()), counters.subtrees(unit.code()))
                : new UnitSets(List.of(unit), Map.of());
        Set<String> set = subtree ? sets.subtreeOf(unit.code()) : Set.of(unit.code());
        CounterData data = load(set, period);
        return sheet(sets.root(), period, subtree, version, data.figuresFor(set), IndicatorRules.now(), List.of());
    }

    /** The figures of one unit (or its subtree) for a period: what a drill-down's total must equal. */
    IndicatorFigures figures(String unitCode, boolean subtree, IndicatorPeriod period) {
        Set<String> units = subtree ? subtreeOf(unitCode) : Set.of(unitCode);
        return load(units, period).figuresFor(units);
    }

    /** The unit and every unit below it (the closure); the unit alone when the closure does not know it. */
    Set<String> subtreeOf(String unitCode) {
        Set<String> units = counters.subtrees(unitCode).get(unitCode);
        return units == null || units.isEmpty() ? Set.of(unitCode) : units;
    }

    private CounterData load(Set<String> units, IndicatorPeriod period) {
        ResolvedPeriod resolved = period.resolved();
        Instant start = resolved.from().atStartOfDay(LocalDates.ZONE).toInstant();
        Instant end = resolved.endExclusive().atStartOfDay(LocalDates.ZONE).toInstant();
        return counters.load(
                units,
                ResolvedPeriod.monthKey(period.firstMonth()),
                ResolvedPeriod.monthKey(period.lastMonth()),
                start,
                end,
                end.minus(IndicatorSettings.FEEDBACK_ANSWER_LIMIT));
    }

    private UnitScores sheet(
            UnitNode unit,
            IndicatorPeriod period,
            boolean subtree,
            RuleVersion version,
            IndicatorFigures figures,
            Instant now,
            List<UnitScores> children) {
        return new UnitScores(
                unit,
                period,
                subtree,
                version.version(),
                IndicatorCalculator.compute(version.rules(), figures, settings.onlinePaymentTargetPercent()),
                now,
                children);
    }
}
