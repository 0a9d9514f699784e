package vn.motcua.report.task;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.report.task.domain.WorkCalendar;
import vn.motcua.report.task.service.TaskClock;

/** The tasks' clock in ITs that set it (motcua.test.task-clock=true). */
@Singleton
@Replaces(TaskClock.class)
@Requires(property = "motcua.test.task-clock", value = "true")
public class SettableTaskClock extends TaskClock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-09-01T01:00:00Z"));

    public SettableTaskClock() {
        super(Duration.ZERO);
    }

    /** @param localDateTime Asia/Ho_Chi_Minh, e.g. "2026-09-01T15:59" */
    public void setLocal(String localDateTime) {
        now.set(LocalDateTime.parse(localDateTime).atZone(WorkCalendar.ZONE).toInstant());
    }

    @Override
    public Instant now() {
        return now.get();
    }
}
