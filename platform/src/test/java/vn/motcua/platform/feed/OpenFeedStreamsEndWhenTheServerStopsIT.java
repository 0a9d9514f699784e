package vn.motcua.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;

/**
 * A replica being stopped while its followers are still up (a rolling update, a scale-down) ends their streams
 * itself: the gRPC server's graceful stop waits for running calls, and a subscription never ends on its own, so
 * without this the process would sit out its whole await-termination (set to a minute here) before being killed.
 */
class OpenFeedStreamsEndWhenTheServerStopsIT {

    private final TestDatabase db = TestDatabase.create("feed_stop");
    private final TestIdentityProvider idp =
            TestIdentityProvider.start().serviceAccount(FeedItSupport.CONSUMER_CLIENT, Set.of());
    private ManagedChannel channel;

    @AfterEach
    void cleanUp() {
        if (channel != null) {
            channel.shutdownNow();
        }
        idp.close();
        db.close();
    }

    @Test
    void aFollowerIsToldTheServerIsStoppingAndTheStopDoesNotWaitForIt() throws Exception {
        Map<String, Object> props = new HashMap<>(FeedItSupport.properties(db, idp));
        props.put("grpc.server.port", TestPorts.free());
        props.put("grpc.server.await-termination", "60s");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
        Iterator<SubscribeResponse> stream = ChangeFeedGrpc.newBlockingStub(channel)
                .withInterceptors(
                        new ForwardingClientInterceptor(() -> idp.serviceAccountToken(FeedItSupport.CONSUMER_CLIENT)))
                .withDeadlineAfter(2, TimeUnit.MINUTES)
                .subscribe(SubscribeRequest.newBuilder().setAfterSeq(0).build());
        // the stream is open once the first heartbeat arrives
        assertThat(stream.next().hasHeartbeat()).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        StatusRuntimeException ended = catchThrowableOfType(
                () -> {
                    while (stream.hasNext()) {
                        stream.next();
                    }
                },
                StatusRuntimeException.class);

        assertThat(ended)
                .as("the stream ends with an error, not by the deadline")
                .isNotNull();
        assertThat(ended.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ended.getStatus().getDescription()).contains("the feed's server is stopping");
        stopping.get(2, TimeUnit.MINUTES);
        assertThat(server.isRunning()).isFalse();
    }
}
