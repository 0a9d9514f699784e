package vn.motcua.report.reminder.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time reminders are planned, stamped and read by: the task clock's time, from the same property
 * {@code motcua.report.tasks.clock-offset} (default 0), so a drill that shifts the task clock shifts reminders alike.
 * Its own bean rather than task/service/TaskClock because task/grpc's endpoint calls reminder/grpc, so the reminder
 * feature may not depend on the task feature (ArchitectureTest: feature slices free of cycles). Tests pin it.
 */
@Singleton
public class ReminderClock {

    private final Clock clock;

    public ReminderClock(@Value("${motcua.report.tasks.clock-offset:0s}") Duration offset) {
        this.clock = Clock.offset(Clock.systemUTC(), offset);
    }

    public Instant now() {
        return clock.instant();
    }
}
