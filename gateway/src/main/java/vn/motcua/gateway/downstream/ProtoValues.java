package vn.motcua.gateway.downstream;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Conversions between proto values and the REST JSON conventions (enum names without prefix, ISO-8601 UTC). */
public final class ProtoValues {

    private ProtoValues() {}

    /** DOSSIER_STATUS_RECEIVED with prefix DOSSIER_STATUS_ becomes RECEIVED; UNSPECIFIED and unknown become null. */
    @Nullable
    public static String enumName(ProtocolMessageEnum value, String prefix) {
        if (!(value instanceof Enum<?> constant) || "UNRECOGNIZED".equals(constant.name()) || value.getNumber() == 0) {
            return null;
        }
        String name = constant.name();
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    /** An ISO-8601 UTC string, or null when the field is not set. */
    @Nullable
    public static String instant(boolean present, Timestamp timestamp) {
        if (!present) {
            return null;
        }
        return DateTimeFormatter.ISO_INSTANT.format(
                Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** Proto3 has no absent strings: an empty optional text is shown as null. */
    @Nullable
    public static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
