package vn.motcua.report.indicator.domain;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A published rule set.
 *
 * @param rulesJson   the canonical JSON ({@link RuleSetJson#write})
 * @param publishedBy the publisher's username; "system" for the default set
 */
public record RuleVersion(
        int version,
        YearMonth effectiveFrom,
        String rulesJson,
        RuleSet rules,
        String publishedBy,
        Instant publishedAt,
        String reason) {}
