package vn.motcua.report.ii06a.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The time live II.06a figures are computed at: a period not yet over splits what is in progress into within / past
 * due as of today, not as of its future end. Its own bean (not a shared Clock) so tests can pin it without changing
 * how any other feature tells time.
 */
@Singleton
public class ReportClock {

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }
}
