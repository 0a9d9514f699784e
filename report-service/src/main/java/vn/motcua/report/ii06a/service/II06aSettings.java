package vn.motcua.report.ii06a.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Locale;
import vn.motcua.report.period.domain.PeriodWindow;

/**
 * Settings of form II.06a.
 * <ul>
 *   <li>{@code motcua.report.ii06a.window} (default CALENDAR): how a named period maps to dates when the request
 *       does not say; CUTOFF_15 gives the Decree 09/2019 windows (15th to 14th, domain.md 18.2). Whether Circular
 *       01/2020 mandates the cut-offs for II.06a is unverified [U], so calendar periods stay the default.</li>
 *   <li>{@code motcua.report.ii06a.timeliness-rule} (default DAY): the early / on time / late rule the projection
 *       classifies resolved dossiers with (brief; domain.md 6.3); printed on the report, read only.</li>
 * </ul>
 */
@Singleton
public class II06aSettings {

    private final PeriodWindow window;
    private final String timelinessRule;

    public II06aSettings(
            @Value("${motcua.report.ii06a.window:CALENDAR}") String window,
            @Value("${motcua.report.ii06a.timeliness-rule:DAY}") String timelinessRule) {
        try {
            this.window = PeriodWindow.valueOf(window.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "motcua.report.ii06a.window must be CALENDAR or CUTOFF_15, not '" + window + "'", e);
        }
        this.timelinessRule = timelinessRule.strip();
    }

    public PeriodWindow window() {
        return window;
    }

    public String timelinessRule() {
        return timelinessRule;
    }
}
