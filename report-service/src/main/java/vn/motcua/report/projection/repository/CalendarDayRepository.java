package vn.motcua.report.projection.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.motcua.report.projection.domain.ProjectionChange;

/**
 * task_calendar_day (V6), the work calendar's days off and make-up workdays as dossier-service's calendar.* events
 * state them, read by task/repository's CalendarRepository for effective deadlines. Weekly sessions are not projected:
 * tasks count Saturday and Sunday as off. Both statements are idempotent, so a replay of the feed ends where it was.
 */
@Singleton
public class CalendarDayRepository {

    private final JdbcOperations jdbc;

    public CalendarDayRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void upsert(ProjectionChange.CalendarDayAdded c) {
        delete(new ProjectionChange.CalendarDayRemoved(c.scope(), c.day()));
        jdbc.prepareStatement("INSERT INTO task_calendar_day (scope, day, kind, name) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, c.scope());
            ps.setObject(2, c.day());
            ps.setString(3, c.kind());
            ps.setString(4, c.name().length() > 255 ? c.name().substring(0, 255) : c.name());
            return ps.executeUpdate();
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void delete(ProjectionChange.CalendarDayRemoved c) {
        jdbc.prepareStatement("DELETE FROM task_calendar_day WHERE scope = ? AND day = ?", ps -> {
            ps.setString(1, c.scope());
            ps.setObject(2, c.day());
            return ps.executeUpdate();
        });
    }
}
