package vn.motcua.platform.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.TimeUnit;

/**
 * Command-line gRPC health check for scripts and probes: {@code java -cp service.jar
 * vn.motcua.platform.grpc.HealthProbe 127.0.0.1:50051}. Exits 0 when the server answers SERVING, 1 otherwise.
 */
public final class HealthProbe {

    private HealthProbe() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || !args[0].contains(":")) {
            System.err.println("usage: HealthProbe HOST:PORT");
            System.exit(2);
        }
        ManagedChannel channel =
                ManagedChannelBuilder.forTarget(args[0]).usePlaintext().build();
        int exit = 1;
        try {
            HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(3, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance());
            System.out.println(response.getStatus());
            exit = response.getStatus() == HealthCheckResponse.ServingStatus.SERVING ? 0 : 1;
        } catch (StatusRuntimeException e) {
            System.out.println("UNREACHABLE " + e.getStatus().getCode());
        } finally {
            channel.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
        }
        System.exit(exit);
    }
}
