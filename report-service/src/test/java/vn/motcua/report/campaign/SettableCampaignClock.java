package vn.motcua.report.campaign;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.report.task.service.TaskClock;

/** The task clock in the campaign ITs (motcua.test.campaign-clock=true): pinned, so on time and late are exact. */
@Singleton
@Replaces(TaskClock.class)
@Requires(property = "motcua.test.campaign-clock", value = "true")
public class SettableCampaignClock extends TaskClock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T01:00:00Z"));

    public SettableCampaignClock() {
        super(Duration.ZERO);
    }

    public void set(String instant) {
        now.set(Instant.parse(instant));
    }

    @Override
    public Instant now() {
        return now.get();
    }
}
