package vn.motcua.gateway.downstream;

import io.grpc.Context;
import io.grpc.stub.AbstractStub;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import vn.motcua.gateway.http.RequestIds;
import vn.motcua.gateway.http.TraceParents;
import vn.motcua.gateway.security.CallerAttribute;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.grpc.EventLoops;

/**
 * Makes one service call on behalf of an HTTP request: with a deadline ({@code motcua.gateway.downstream-timeout}),
 * and with the request's caller, request id and traceparent in the gRPC Context, where the platform's
 * ForwardingClientInterceptor picks them up. Failures surface as StatusRuntimeException and are mapped to problems
 * in one place (problem.StatusRuntimeExceptionHandler).
 */
@Singleton
public class Downstream {

    private final Duration timeout;

    public Downstream(@Value("${motcua.gateway.downstream-timeout:5s}") Duration timeout) {
        this.timeout = timeout;
    }

    /** Request attribute: the class of the last stub a service was called with for this request. */
    public static final String CALLED_STUB = "motcua.downstream.stub";

    public <S extends AbstractStub<S>, R> R call(HttpRequest<?> request, S stub, Function<S, R> rpc) {
        return call(request, stub, timeout, rpc);
    }

    /**
     * As {@link #call(HttpRequest, AbstractStub, Function)} with the given deadline instead of
     * {@code downstream-timeout}: for a call whose work grows with a file's size (stamping a scan, verifying a signed
     * PDF), which a short deadline would answer 504 while the service goes on and commits.
     */
    public <S extends AbstractStub<S>, R> R call(
            HttpRequest<?> request, S stub, Duration deadline, Function<S, R> rpc) {
        // a blocking stub waits for the service: on an event loop that would stall every connection of the loop.
        // ArchitectureTest requires @ExecuteOn(BLOCKING) on controllers; this catches what a rule cannot see.
        EventLoops.requireBlockingAllowed("a call to " + stub.getClass().getSimpleName());
        request.setAttribute(CALLED_STUB, stub.getClass());
        Context context = callContext(request);
        Context previous = context.attach();
        try {
            return rpc.apply(stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            context.detach(previous);
        }
    }

    /**
     * Starts a streaming call on an asynchronous stub on behalf of the request, with the same caller, request id and
     * traceparent as {@link #call}, and the given deadline (a file of hundreds of megabytes takes longer than
     * {@code downstream-timeout}). Starting does not wait, so this may run on any thread.
     */
    public <S extends AbstractStub<S>> void start(
            HttpRequest<?> request, S stub, Duration deadline, java.util.function.Consumer<S> rpc) {
        request.setAttribute(CALLED_STUB, stub.getClass());
        Context context = callContext(request);
        Context previous = context.attach();
        try {
            rpc.accept(stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            context.detach(previous);
        }
    }

    private static Context callContext(HttpRequest<?> request) {
        return Context.current()
                .withValue(CallContext.CALLER, CallerAttribute.get(request).orElse(null))
                .withValue(CallContext.REQUEST_ID, RequestIds.of(request))
                .withValue(CallContext.TRACEPARENT, TraceParents.of(request));
    }
}
