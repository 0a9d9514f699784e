package vn.motcua.gateway.health;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;

/**
 * Readiness of the gateway = readiness of the services it calls: asks grpc.health.v1 of dossier-service and
 * report-service (the configured channels, the same ones the API uses) with a short deadline
 * ({@code motcua.gateway.health-timeout}, 1 s). DOWN as soon as one is unreachable or not SERVING, so
 * {@code /health/readiness} answers 503 and a load balancer stops sending traffic. Liveness is not affected.
 * Non-blocking: both checks run concurrently on the channels' own threads.
 */
@Singleton
@Readiness
public class DownstreamHealthIndicator implements HealthIndicator {

    static final String NAME = "downstream";

    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();
    private final Duration timeout;

    public DownstreamHealthIndicator(
            @GrpcChannel("dossier") ManagedChannel dossier,
            @GrpcChannel("report") ManagedChannel report,
            @Value("${motcua.gateway.health-timeout:1s}") Duration timeout) {
        channels.put("dossier", dossier);
        channels.put("report", report);
        this.timeout = timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, CompletableFuture<String>> checks = new LinkedHashMap<>();
        channels.forEach((name, channel) -> checks.put(name, check(channel)));
        CompletableFuture<HealthResult> result = CompletableFuture.allOf(
                        checks.values().toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    Map<String, String> details = new LinkedHashMap<>();
                    checks.forEach((name, check) -> details.put(name, check.join()));
                    boolean up = details.values().stream()
                            .allMatch(HealthCheckResponse.ServingStatus.SERVING.name()::equals);
                    return HealthResult.builder(NAME, up ? HealthStatus.UP : HealthStatus.DOWN)
                            .details(details)
                            .build();
                });
        return Publishers.fromCompletableFuture(result);
    }

    /** The service's serving status, or UNREACHABLE_<grpc code>; never fails. */
    private CompletableFuture<String> check(ManagedChannel channel) {
        CompletableFuture<String> status = new CompletableFuture<>();
        Futures.addCallback(
                HealthGrpc.newFutureStub(channel)
                        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()),
                new FutureCallback<>() {
                    @Override
                    public void onSuccess(HealthCheckResponse response) {
                        status.complete(response.getStatus().name());
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        // the next probe (and the next API call) should try again now, not after gRPC's
                        // reconnect backoff, which grows to two minutes
                        channel.resetConnectBackoff();
                        status.complete(
                                "UNREACHABLE_" + io.grpc.Status.fromThrowable(t).getCode());
                    }
                },
                MoreExecutors.directExecutor());
        return status;
    }
}
