package vn.motcua.gateway.http;

/**
 * Order of the gateway's server filters: request filters run in this order, response filters in reverse. The request
 * id comes first so every later step (including error responses and the access log) sees the same id. Filters that
 * may answer early (authentication, rate limit) come after Micronaut's CORS filter (negative order) and the request
 * metrics, so refusals still get CORS headers and are counted.
 */
public final class FilterOrder {

    public static final int REQUEST_ID = -300;
    /** Right after the request id: every answer is timed and counted, refusals by later filters included. */
    public static final int METRICS = -250;

    public static final int ACCESS_LOG = -200;
    /** Before authentication, so that refused administrative changes are audited too. */
    public static final int ADMIN_AUDIT = -150;

    public static final int SECURITY_HEADERS = -100;
    public static final int AUTHENTICATION = 0;
    /** After authentication: a validated token's subject is the client key. */
    public static final int RATE_LIMIT = 100;

    private FilterOrder() {}
}
