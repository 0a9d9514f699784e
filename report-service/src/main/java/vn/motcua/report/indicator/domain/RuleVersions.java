package vn.motcua.report.indicator.domain;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which rule version applies to a period that has not been pinned yet: the most recently published version whose
 * effective month is not after the period's first month. Using the first month (not the last) means a period is
 * judged by the rules in force when it opened, so whether somebody looked at it before a publication makes no
 * difference unless a version is published with an effective month in the past; such a retroactive version reaches
 * already computed periods only through RecomputeIndicators.
 */
public final class RuleVersions {

    /** The default set (version 1) applies from the earliest month a report can ask for. */
    public static final YearMonth DEFAULT_EFFECTIVE_FROM = YearMonth.of(2000, 1);

    private RuleVersions() {}

    public static Optional<RuleVersion> effectiveFor(List<RuleVersion> versions, YearMonth firstMonth) {
        return versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(firstMonth))
                .max(Comparator.comparingInt(RuleVersion::version));
    }
}
