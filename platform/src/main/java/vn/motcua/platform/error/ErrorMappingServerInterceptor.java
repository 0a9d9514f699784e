package vn.motcua.platform.error;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

/**
 * Turns exceptions thrown by unary and server-streaming handlers into a gRPC status via {@link GrpcErrors}, so
 * endpoints never map errors themselves.
 */
@Singleton
@Order(20)
public class ErrorMappingServerInterceptor implements ServerInterceptor {

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException e) {
            close(call, e);
            return new ServerCall.Listener<>() {};
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }
        };
    }

    private static <Q, R> void close(ServerCall<Q, R> call, RuntimeException e) {
        StatusRuntimeException status = GrpcErrors.toException(e);
        Metadata trailers = status.getTrailers() == null ? new Metadata() : status.getTrailers();
        try {
            call.close(status.getStatus(), trailers);
        } catch (IllegalStateException alreadyClosed) {
            // the handler closed the call before failing; nothing more to tell the client
        }
    }
}
