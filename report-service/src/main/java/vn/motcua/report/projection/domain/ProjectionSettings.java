package vn.motcua.report.projection.domain;

import java.util.Objects;

/** The projection's configurable rules (motcua.report.ii06a.*). */
public record ProjectionSettings(TimelinessRule timelinessRule, LateAgainst lateAgainst) {

    public static final ProjectionSettings DEFAULTS =
            new ProjectionSettings(TimelinessRule.DAY, LateAgainst.ORIGINAL_DUE);

    public ProjectionSettings {
        Objects.requireNonNull(timelinessRule, "timelinessRule");
        Objects.requireNonNull(lateAgainst, "lateAgainst");
    }
}
