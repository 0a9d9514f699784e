package vn.motcua.platform.testing;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.TimeUnit;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;

/** Checks every service must pass once started: gRPC health SERVING, and its change feed answering. */
public final class GrpcSmoke {

    private GrpcSmoke() {}

    public static HealthCheckResponse.ServingStatus health(int port) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port)
                .usePlaintext()
                .build();
        try {
            return HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance())
                    .getStatus();
        } finally {
            channel.shutdownNow();
        }
    }

    /** First message of a subscription from the start: an event, or a heartbeat when the feed is empty. */
    public static SubscribeResponse firstFeedMessage(int port, String token) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port)
                .usePlaintext()
                .build();
        try {
            return ChangeFeedGrpc.newBlockingStub(channel)
                    .withInterceptors(new ForwardingClientInterceptor(() -> token))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .subscribe(SubscribeRequest.newBuilder().setAfterSeq(0).build())
                    .next();
        } finally {
            channel.shutdownNow();
        }
    }
}
