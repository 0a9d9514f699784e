package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;

/** A failure of the identity provider's user store, classified for the HTTP answer. */
public final class DirectoryException extends RuntimeException {

    public enum Kind {
        /** The username or email is taken. */
        CONFLICT,
        /** The identity provider refused the values (e.g. password policy, user-profile validation). */
        REJECTED,
        /** Not reachable, timed out, or our service account is not allowed: not the caller's fault. */
        UNAVAILABLE
    }

    private final Kind kind;

    public DirectoryException(Kind kind, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
