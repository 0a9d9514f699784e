package vn.motcua.dossier.it.workflow;

import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import vn.motcua.platform.auth.MetadataKeys;

/**
 * The gRPC server of a test double of another service (payment-service, digitization-service): on a free loopback
 * port, each call's authorization header readable by the handler ({@link #authorization()}), so that a double can
 * record whose token dossier-service forwarded.
 */
final class LoopbackGrpcServer implements AutoCloseable {

    private static final Context.Key<String> AUTHORIZATION = Context.key("fake-authorization");

    private final Server server;

    LoopbackGrpcServer(BindableService... services) {
        ServerInterceptor authorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                Context context = Context.current().withValue(AUTHORIZATION, headers.get(MetadataKeys.AUTHORIZATION));
                return Contexts.interceptCall(context, call, headers, next);
            }
        };
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, authorization));
        }
        server = builder.build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The authorization header of the call being handled (null without one). */
    static String authorization() {
        return AUTHORIZATION.get();
    }

    /** The call being handled came with a deadline. */
    static boolean hadDeadline() {
        return Context.current().getDeadline() != null;
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
