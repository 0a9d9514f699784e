package vn.motcua.report.submission.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The time submissions are stamped with and judged late or early by. Its own bean (not a shared Clock) so tests can
 * pin it without changing how any other feature tells time.
 */
@Singleton
public class SubmissionClock {

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }
}
