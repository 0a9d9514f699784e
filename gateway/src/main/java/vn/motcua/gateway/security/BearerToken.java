package vn.motcua.gateway.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the token of an {@code Authorization: Bearer} header (RFC 6750), without judging the token itself. */
final class BearerToken {

    private static final String SCHEME = "bearer ";
    // a JWS in compact form is base64url parts joined by dots; anything else cannot be a Keycloak token
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_=-]+\\.[A-Za-z0-9_=-]+\\.[A-Za-z0-9_=-]*");
    private static final int MAX_LENGTH = 16 * 1024;

    enum Outcome {
        MISSING,
        MALFORMED,
        PRESENT
    }

    record Result(Outcome outcome, @Nullable String token) {}

    private BearerToken() {}

    static Result read(HttpHeaders headers) {
        List<String> values = headers.getAll(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return new Result(Outcome.MISSING, null);
        }
        if (values.size() > 1) {
            return new Result(Outcome.MALFORMED, null);
        }
        return token(values.get(0))
                .map(t -> new Result(Outcome.PRESENT, t))
                .orElseGet(() -> new Result(Outcome.MALFORMED, null));
    }

    private static Optional<String> token(String header) {
        if (header.length() <= SCHEME.length()
                || header.length() > MAX_LENGTH
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).strip();
        return COMPACT_JWS.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }
}
