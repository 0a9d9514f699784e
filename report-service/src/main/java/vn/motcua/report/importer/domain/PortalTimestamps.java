package vn.motcua.report.importer.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The two ways an import may write a time: ISO-8601 with an offset ({@code 2024-03-05T08:30:00+07:00}, {@code Z}
 * allowed, fractions too), or the national portal's {@code yyyyMMddHHmmss}, which is Vietnam local time
 * (Asia/Ho_Chi_Minh). Instants are kept to the microsecond, the precision of the DATETIME(6) columns, so that what
 * is stored and what is replayed are the same value.
 */
public final class PortalTimestamps {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String EXPECTED =
            "expected yyyyMMddHHmmss (Vietnam local time) or ISO-8601 with an offset, e.g. 2024-03-05T08:30:00+07:00";

    private static final DateTimeFormatter PORTAL =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private PortalTimestamps() {}

    /** @return the instant, or empty when the text is neither form (or names a date that does not exist) */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (value.length() == 14 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.of(
                        LocalDateTime.parse(value, PORTAL).atZone(VIETNAM).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeException e) {
            // DateTimeParseException included: neither form, or a date that does not exist (20240230...)
            return Optional.empty();
        }
    }

    /** Why {@code text} is not a time, for the row error. */
    public static String problem(String text) {
        String value = text == null ? "" : text.strip();
        if (value.length() >= 19 && value.charAt(10) == 'T' && !hasOffset(value)) {
            return "an ISO-8601 time needs an offset (+07:00 or Z); " + EXPECTED;
        }
        return "not a time: " + EXPECTED;
    }

    private static boolean hasOffset(String value) {
        String tail = value.substring(19);
        return tail.endsWith("Z") || tail.contains("+") || tail.contains("-");
    }
}
