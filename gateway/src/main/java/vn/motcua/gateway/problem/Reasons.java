package vn.motcua.gateway.problem;

/**
 * Reasons the gateway produces itself, for failures that never reach a service. Everything a service reports keeps
 * the service's {@code vn.motcua.platform.error.ErrorReason}; these complete the set at the HTTP edge.
 */
public final class Reasons {

    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String URI_TOO_LONG = "URI_TOO_LONG";
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    public static final String DOWNSTREAM_TIMEOUT = "DOWNSTREAM_TIMEOUT";
    public static final String INTERNAL = "INTERNAL";
    /** The client exceeded its rate limit; Retry-After says when to try again. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** User administration: the unit is not the administrator's own unit or below it. */
    public static final String UNIT_OUT_OF_SCOPE = "UNIT_OUT_OF_SCOPE";
    /** User administration: the administrator may not grant (or take away) this role at that unit. */
    public static final String ROLE_NOT_GRANTABLE = "ROLE_NOT_GRANTABLE";
    /** User administration: the username or email is taken. */
    public static final String USER_EXISTS = "USER_EXISTS";

    private Reasons() {}
}
