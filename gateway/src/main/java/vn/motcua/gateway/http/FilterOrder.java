package vn.motcua.gateway.http;

/**
 * Order of the gateway's server filters: request filters run in this order, response filters in reverse. The request
 * id comes first so every later step (including error responses and the access log) sees the same id.
 */
public final class FilterOrder {

    public static final int REQUEST_ID = -300;
    public static final int ACCESS_LOG = -200;
    public static final int SECURITY_HEADERS = -100;
    public static final int AUTHENTICATION = 0;

    private FilterOrder() {
    }
}
