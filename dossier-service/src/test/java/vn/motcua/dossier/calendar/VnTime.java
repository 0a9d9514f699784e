package vn.motcua.dossier.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;

/** Lets tests state instants as Vietnam wall-clock times, which is how the rules are written. */
final class VnTime {

    private VnTime() {}

    /** {@code "2026-03-10T09:15"} in Asia/Ho_Chi_Minh as an instant. */
    static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkCalendar.ZONE).toInstant();
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, WorkCalendar.ZONE);
    }

    /** Compares as local date-times so a failure reads "expected 2026-03-11T09:15". */
    static void assertLocal(String expectedLocalDateTime, Instant actual) {
        assertEquals(LocalDateTime.parse(expectedLocalDateTime), local(actual));
    }
}
