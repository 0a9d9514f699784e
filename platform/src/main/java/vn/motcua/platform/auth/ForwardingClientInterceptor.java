package vn.motcua.platform.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.micronaut.core.annotation.Nullable;
import java.util.function.Supplier;

/**
 * On service-to-service calls, forwards the current caller's token, request id and trace header from the gRPC
 * Context. Outside a caller's context (background work) it uses the fallback token supplier, e.g. a service
 * account's client-credentials token.
 */
public class ForwardingClientInterceptor implements ClientInterceptor {

    private final Supplier<String> fallbackToken;

    public ForwardingClientInterceptor(@Nullable Supplier<String> fallbackToken) {
        this.fallbackToken = fallbackToken;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                String token = CallContext.caller()
                        .map(Caller::token)
                        .orElseGet(() -> fallbackToken == null ? null : fallbackToken.get());
                if (token != null && headers.get(MetadataKeys.AUTHORIZATION) == null) {
                    headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
                }
                CallContext.requestId().ifPresent(id -> headers.put(MetadataKeys.REQUEST_ID, id));
                String trace = CallContext.TRACEPARENT.get();
                if (trace != null) {
                    headers.put(MetadataKeys.TRACEPARENT, trace);
                }
                super.start(listener, headers);
            }
        };
    }
}
