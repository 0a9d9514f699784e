package vn.motcua.report.reception.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Instants travel as UTC; the day a dossier counts for is the civil day where it was received. Vietnam has no
 * daylight saving, but the zone id (not a fixed +07:00) keeps history right should that ever change.
 */
public final class LocalDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private LocalDates() {}

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
