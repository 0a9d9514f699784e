package vn.motcua.report.indicator.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The counters of a whole subtree for one period, per unit (and per unit and procedure), as read once; figures for
 * any set of its units (one unit, the subtree, a child's subtree) are summed from here without another query.
 * Distinct-procedure counts are computed per set, never summed across units.
 */
public record CounterData(
        Map<String, StatCounts> stat,
        List<ProcedureCounts> procedures,
        Set<String> fullOnlineProcedures,
        Map<String, CommuneCounts> communes,
        Map<String, FeedbackCounts> feedback) {

    public CounterData {
        stat = Map.copyOf(stat);
        procedures = List.copyOf(procedures);
        fullOnlineProcedures = Set.copyOf(fullOnlineProcedures);
        communes = Map.copyOf(communes);
        feedback = Map.copyOf(feedback);
    }

    /** The figures of every unit that was read. */
    public IndicatorFigures figuresForAll() {
        Set<String> units = new HashSet<>(stat.keySet());
        units.addAll(communes.keySet());
        units.addAll(feedback.keySet());
        procedures.forEach(p -> units.add(p.unitCode()));
        return figuresFor(units);
    }

    public IndicatorFigures figuresFor(Set<String> units) {
        StatCounts s = StatCounts.ZERO;
        CommuneCounts c = CommuneCounts.ZERO;
        FeedbackCounts f = FeedbackCounts.ZERO;
        for (String unit : units) {
            s = s.plus(stat.getOrDefault(unit, StatCounts.ZERO));
            c = c.plus(communes.getOrDefault(unit, CommuneCounts.ZERO));
            f = f.plus(feedback.getOrDefault(unit, FeedbackCounts.ZERO));
        }
        FlagCounts all = FlagCounts.ZERO;
        FlagCounts fullOnline = FlagCounts.ZERO;
        Map<String, FlagCounts> byProcedure = new TreeMap<>();
        for (ProcedureCounts row : procedures) {
            if (!units.contains(row.unitCode())) {
                continue;
            }
            all = all.plus(row.flags());
            if (fullOnlineProcedures.contains(row.procedureCode())) {
                fullOnline = fullOnline.plus(row.flags());
            }
            byProcedure.merge(row.procedureCode(), row.flags(), FlagCounts::plus);
        }
        long feeProcedures = byProcedure.values().stream()
                .filter(p -> p.financialObligation() > 0)
                .count();
        long paidOnline = byProcedure.values().stream()
                .filter(p -> p.financialObligation() > 0 && p.paidOnline() > 0)
                .count();
        return new IndicatorFigures(s, all, fullOnline, feeProcedures, paidOnline, c, f);
    }
}
