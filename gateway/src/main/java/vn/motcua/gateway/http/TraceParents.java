package vn.motcua.gateway.http;

import io.micronaut.http.HttpRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C {@code traceparent} for downstream calls. A valid incoming header keeps its trace id (so logs of the browser,
 * gateway and services join up) but gets a new parent id, because the gateway is a hop of its own; anything else
 * starts a new trace.
 */
public final class TraceParents {

    public static final String HEADER = "traceparent";
    private static final String ATTRIBUTE = "motcua.traceparent";
    private static final Pattern W3C = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceParents() {}

    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String value = forward(request.getHeaders().get(HEADER));
            request.setAttribute(ATTRIBUTE, value);
            return value;
        });
    }

    static String forward(String incoming) {
        if (incoming != null) {
            Matcher m = W3C.matcher(incoming.trim().toLowerCase(Locale.ROOT));
            if (m.matches() && !m.group(1).equals(ZERO_TRACE) && !m.group(2).equals(ZERO_SPAN)) {
                return "00-" + m.group(1) + "-" + randomHex(8) + "-" + m.group(3);
            }
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        do {
            RANDOM.nextBytes(buffer);
        } while (isAllZero(buffer));
        return HexFormat.of().formatHex(buffer);
    }

    private static boolean isAllZero(byte[] buffer) {
        for (byte b : buffer) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
