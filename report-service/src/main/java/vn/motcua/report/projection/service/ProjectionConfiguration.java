package vn.motcua.report.projection.service;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import vn.motcua.report.projection.domain.LateAgainst;
import vn.motcua.report.projection.domain.ProjectionSettings;
import vn.motcua.report.projection.domain.TimelinessRule;

/**
 * The projection's rules from {@code motcua.report.ii06a.timeliness-rule} (DAY) and
 * {@code motcua.report.ii06a.late-against} (ORIGINAL_DUE | EXTENDED_DUE). Created with the context, so an unknown
 * value stops the service at startup instead of at the first event.
 */
@Context
public class ProjectionConfiguration {

    private final ProjectionSettings settings;

    public ProjectionConfiguration(
            @Value("${motcua.report.ii06a.timeliness-rule:DAY}") String timelinessRule,
            @Value("${motcua.report.ii06a.late-against:ORIGINAL_DUE}") String lateAgainst) {
        this.settings = new ProjectionSettings(TimelinessRule.parse(timelinessRule), LateAgainst.parse(lateAgainst));
    }

    public ProjectionSettings settings() {
        return settings;
    }
}
