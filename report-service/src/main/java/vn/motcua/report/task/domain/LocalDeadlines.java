package vn.motcua.report.task.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Request deadlines: local "YYYY-MM-DDTHH:MM" in Asia/Ho_Chi_Minh, stored as UTC instants. */
public final class LocalDeadlines {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private LocalDeadlines() {}

    /** Empty for anything that is not exactly "YYYY-MM-DDTHH:MM" with a real date and time. */
    public static Optional<Instant> parse(String value) {
        if (value == null || value.length() != 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(value, FORMAT).atZone(WorkCalendar.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
