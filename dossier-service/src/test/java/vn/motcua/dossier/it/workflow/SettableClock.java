package vn.motcua.dossier.it.workflow;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.dossier.common.ClockFactory;

/** The services' clock in the workflow ITs: pinned to a known working day and moved by the tests. */
@Singleton
@Replaces(bean = Clock.class, factory = ClockFactory.class)
@Requires(property = "motcua.test.settable-clock", value = "true")
public class SettableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-09T01:00:00Z"));

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
