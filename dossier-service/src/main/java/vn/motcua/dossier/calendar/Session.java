package vn.motcua.dossier.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A half-day working session such as 07:00–11:30. The end is exclusive for "is this a working
 * moment" but a deadline may fall exactly on it.
 */
public record Session(LocalTime start, LocalTime end) {

    public Session {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        // Overnight sessions are not a thing in public offices; forbidding them keeps every
        // session inside one local date, which the calendar walk relies on.
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Session must start before it ends: " + start + "-" + end);
        }
    }

    public static Session of(String start, String end) {
        return new Session(LocalTime.parse(start), LocalTime.parse(end));
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    boolean overlaps(Session other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
