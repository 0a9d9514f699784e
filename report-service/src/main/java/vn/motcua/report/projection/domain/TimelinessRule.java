package vn.motcua.report.projection.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How form II.06a splits resolved dossiers into early / on time / late ({@code motcua.report.ii06a.timeliness-rule},
 * domain.md 6.3, which leaves the province's choice open). Only the day rule exists so far; the OpenCPS half-day
 * session rule would need the work calendar's sessions on the feed.
 */
public enum TimelinessRule {
    /** LATE after the due instant; EARLY on a local day before the due day; ON_TIME otherwise. */
    DAY;

    /** @throws IllegalArgumentException naming the accepted values, so a typo stops the service at startup */
    public static TimelinessRule parse(String value) {
        String v = value == null ? "" : value.strip();
        for (TimelinessRule rule : values()) {
            if (rule.name().equalsIgnoreCase(v)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("motcua.report.ii06a.timeliness-rule must be one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + value + "'");
    }
}
