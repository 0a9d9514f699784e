package vn.motcua.report.submission;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.report.submission.service.SubmissionClock;

/** The submissions' clock in ITs that set it (motcua.test.submission-clock=true). */
@Singleton
@Replaces(SubmissionClock.class)
@Requires(property = "motcua.test.submission-clock", value = "true")
public class SettableSubmissionClock extends SubmissionClock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-10-02T03:00:00Z"));

    public void set(String instant) {
        now.set(Instant.parse(instant));
    }

    @Override
    public Instant now() {
        return now.get();
    }
}
