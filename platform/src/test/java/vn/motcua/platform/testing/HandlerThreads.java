package vn.motcua.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.motcua.platform.grpc.EventLoops;
import vn.motcua.platform.grpc.GrpcWorkerConfiguration;

/**
 * Test-only server interceptor (on when {@value #ENABLED} is true) that records the thread each gRPC handler ran on:
 * the thread of {@code onHalfClose}, where grpc-java invokes a unary method and the request of a server stream.
 * Registered like every ServerInterceptor bean, so it sees the service's real methods through the real server.
 */
@Singleton
@Requires(property = HandlerThreads.ENABLED, value = "true")
public class HandlerThreads implements ServerInterceptor {

    public static final String ENABLED = "motcua.it.record-handler-threads";

    /** One handler invocation: the method, its thread's name, and whether that thread was a Netty event loop. */
    public record Seen(String method, String thread, boolean eventLoop) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onHalfClose() {
                seen.add(new Seen(method, Thread.currentThread().getName(), EventLoops.onEventLoop()));
                super.onHalfClose();
            }
        };
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> of(String fullMethodName) {
        return seen.stream().filter(s -> s.method().equals(fullMethodName)).toList();
    }

    /**
     * Each method was handled at least once, and every time on the platform's worker pool, never on a Netty event
     * loop.
     */
    public void assertRanOnWorkerPool(MethodDescriptor<?, ?>... methods) {
        for (MethodDescriptor<?, ?> method : methods) {
            String name = method.getFullMethodName();
            assertThat(of(name)).as(name).isNotEmpty().allSatisfy(s -> {
                assertThat(s.eventLoop()).as("on an event loop: " + s).isFalse();
                assertThat(s.thread()).as(s.toString()).startsWith(GrpcWorkerConfiguration.THREAD_PREFIX);
            });
        }
    }
}
