package vn.motcua.platform.metrics;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Counts and times every gRPC call this service answers, by service, method, method type and status code:
 * {@code grpc_server_processing_duration_seconds} (a histogram with the buckets below), and
 * {@code grpc_server_requests_received_messages_total} / {@code grpc_server_responses_sent_messages_total}.
 * <p>
 * Micrometer's interceptor, installed here rather than by micronaut-micrometer's gRPC binder (each service sets
 * {@code micronaut.metrics.binders.grpc.enabled: false}) because it must be the outermost interceptor: micronaut-grpc
 * orders interceptors by {@link Ordered} only, and inside the authentication or error-mapping interceptor it would
 * miss the calls they close (UNAUTHENTICATED, mapped domain errors).
 */
@Singleton
public class GrpcServerMetrics implements ServerInterceptor, Ordered {

    /**
     * Histogram buckets: a handful around what a call of this platform takes (milliseconds for a read, up to
     * seconds for an export), so p99 per method is computable without the hundreds of series of Micrometer's
     * default percentile histogram. Long streams (the change feed) land in +Inf.
     */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final MetricCollectingServerInterceptor delegate;

    public GrpcServerMetrics(MeterRegistry registry) {
        this.delegate = new MetricCollectingServerInterceptor(
                registry, counter -> counter, timer -> timer.serviceLevelObjectives(BUCKETS));
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return delegate.interceptCall(call, headers, next);
    }

    /** Outermost: micronaut-grpc installs the interceptor with the lowest order last, so it runs first. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
