package vn.motcua.payment.provider;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The protocol's times: {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh. */
public final class ProviderTime {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private ProviderTime() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(VIETNAM));
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).atZone(VIETNAM).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
