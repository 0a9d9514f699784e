package vn.motcua.report.indicator.domain;

import vn.motcua.report.period.domain.PeriodKind;

/** What a rule version is pinned to: a unit's figures (its own or its subtree's) for one calendar period. */
public record RulePin(String unitCode, PeriodKind kind, int year, int number, boolean subtree) {

    public static RulePin of(String unitCode, IndicatorPeriod period, boolean subtree) {
        return new RulePin(unitCode, period.kind(), period.year(), period.number(), subtree);
    }
}
