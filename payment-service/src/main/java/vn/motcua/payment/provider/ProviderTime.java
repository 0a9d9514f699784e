package vn.motcua.payment.provider;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import vn.motcua.payment.common.Vietnam;

/** The protocol's times: {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh. */
public final class ProviderTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private ProviderTime() {}

    public static String format(Instant instant) {
        return FORMAT.format(instant.atZone(Vietnam.ZONE));
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(text, FORMAT).atZone(Vietnam.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
