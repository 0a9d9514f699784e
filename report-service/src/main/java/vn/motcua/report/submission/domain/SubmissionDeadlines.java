package vn.motcua.report.submission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import vn.motcua.report.reception.domain.LocalDates;

/**
 * When a period's report is due, by the unit's place in the tree: a unit without children (a commune) reports first,
 * a parent later so it can consolidate its children (the Tứ Kỳ directive's pattern, domain.md 7.3: communes by 16:00
 * on one day, the district two days later). Calendar days after the period's last day, at a local time of day
 * (Asia/Ho_Chi_Minh). The legal deadlines of Circular 01/2020 are unverified [U], so these are settings.
 */
public record SubmissionDeadlines(int leafDays, int parentDays, LocalTime time) {

    public SubmissionDeadlines {
        if (leafDays < 0 || parentDays < 0) {
            throw new IllegalArgumentException("deadline days must not be negative");
        }
        if (time == null) {
            throw new IllegalArgumentException("deadline time is required");
        }
    }

    public Instant deadline(LocalDate periodLastDay, boolean unitHasChildren) {
        int days = unitHasChildren ? parentDays : leafDays;
        return periodLastDay.plusDays(days).atTime(time).atZone(LocalDates.ZONE).toInstant();
    }

    /** Late only strictly after the deadline: a report at 16:00:00 exactly is on time. */
    public boolean late(Instant submittedAt, LocalDate periodLastDay, boolean unitHasChildren) {
        return submittedAt.isAfter(deadline(periodLastDay, unitHasChildren));
    }
}
