package vn.motcua.report.task.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time tasks, campaign reports and reminders are stamped with and judged on time or late by. Its own bean so tests
 * can pin it. {@code motcua.report.tasks.clock-offset} (default 0) shifts it for end-to-end drills of a deadline (the
 * seed's 16:00) on a running platform; a non-zero offset is logged at start as a warning, and must stay 0 in service.
 */
@Singleton
public class TaskClock {

    private static final Logger LOG = LoggerFactory.getLogger(TaskClock.class);

    private final Clock clock;

    public TaskClock(@Value("${motcua.report.tasks.clock-offset:0s}") Duration offset) {
        this.clock = Clock.offset(Clock.systemUTC(), offset);
        if (!offset.isZero()) {
            LOG.warn("task clock shifted by {} (motcua.report.tasks.clock-offset): drills only", offset);
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
