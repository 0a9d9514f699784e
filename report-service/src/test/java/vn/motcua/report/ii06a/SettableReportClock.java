package vn.motcua.report.ii06a;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.report.ii06a.service.ReportClock;

/** The live II.06a clock in ITs that pin it (motcua.test.report-clock=true); the real time until set. */
@Singleton
@Replaces(ReportClock.class)
@Requires(property = "motcua.test.report-clock", value = "true")
public class SettableReportClock extends ReportClock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void set(String instant) {
        pinned.set(instant == null ? null : Instant.parse(instant));
    }

    @Override
    public Instant now() {
        Instant at = pinned.get();
        return at == null ? super.now() : at;
    }
}
