package vn.motcua.report.reminder;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.report.task.service.TaskClock;

/** The reminder clock in ITs that pin it (motcua.test.reminder-clock=true); the real time until set. */
@Singleton
@Replaces(TaskClock.class)
@Requires(property = "motcua.test.reminder-clock", value = "true")
public class SettableReminderClock extends TaskClock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public SettableReminderClock() {
        super(Duration.ZERO);
    }

    public void set(String instant) {
        pinned.set(Instant.parse(instant));
    }

    public void advance(Duration by) {
        pinned.updateAndGet(at -> at.plus(by));
    }

    @Override
    public Instant now() {
        Instant at = pinned.get();
        return at == null ? super.now() : at;
    }
}
