package vn.motcua.digitization.common;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock services read "now" from. A bean so that integration tests can pin and advance time (deadlines,
 * supplement windows and the sweep depend on the working calendar, which makes real time unrepeatable). It ticks in
 * microseconds, the precision of the DATETIME(6) columns, so that an answer carries exactly what a later read
 * returns.
 */
@Factory
public class ClockFactory {

    @Singleton
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
