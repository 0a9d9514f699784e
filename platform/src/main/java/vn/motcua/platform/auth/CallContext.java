package vn.motcua.platform.auth;

import io.grpc.Context;
import java.util.Optional;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;

/** gRPC Context keys set by {@link AuthServerInterceptor} and read by handlers and client interceptors. */
public final class CallContext {

    public static final Context.Key<Caller> CALLER = Context.key("motcua-caller");
    public static final Context.Key<String> REQUEST_ID = Context.key("motcua-request-id");
    public static final Context.Key<String> TRACEPARENT = Context.key("motcua-traceparent");

    private CallContext() {}

    public static Optional<Caller> caller() {
        return Optional.ofNullable(CALLER.get());
    }

    /** The authenticated caller; public methods that reach here without one are a programming error. */
    public static Caller requireCaller() {
        Caller caller = CALLER.get();
        if (caller == null) {
            throw DomainException.unauthenticated(ErrorReason.TOKEN_MISSING, "a bearer token is required");
        }
        return caller;
    }

    public static Optional<String> requestId() {
        return Optional.ofNullable(REQUEST_ID.get());
    }
}
