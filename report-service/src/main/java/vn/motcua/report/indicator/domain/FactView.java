package vn.motcua.report.indicator.domain;

import java.time.Duration;
import java.time.Instant;

/** One dossier as drill-downs and lists show it (dossier_fact with its payment and digitization flags). */
public record FactView(
        String code,
        String unitCode,
        String receivingUnitCode,
        String procedureCode,
        String fieldCode,
        String channel,
        Instant receivedAt,
        Instant dueAt,
        Instant originalDueAt,
        Instant finishedAt,
        String resultKind,
        String timeliness,
        boolean imported,
        boolean paidOnline,
        boolean resultElectronic,
        boolean reusesData,
        String state) {

    /** Whole days past due_at for an open dossier at {@code now}; 0 when resolved, without a due, or not overdue. */
    public int daysOverdue(Instant now) {
        if (resultKind != null || dueAt == null || !now.isAfter(dueAt)) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, Duration.between(dueAt, now).toDays());
    }
}
