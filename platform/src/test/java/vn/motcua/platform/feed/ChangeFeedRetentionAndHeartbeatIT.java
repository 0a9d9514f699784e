package vn.motcua.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;

/** Feed protocol edges on MariaDB: microsecond timestamps, heartbeats, client allow-list, CURSOR_EXPIRED. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeFeedRetentionAndHeartbeatIT implements TestPropertyProvider {

    private final TestDatabase db = TestDatabase.create("feed_protocol");
    private final TestIdentityProvider idp = TestIdentityProvider.start()
            .serviceAccount(FeedItSupport.CONSUMER_CLIENT, Set.of())
            .serviceAccount("stranger", Set.of());

    @Inject
    OutboxWriter outbox;

    @Inject
    FeedRelay relay;

    @Inject
    FeedStore store;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    GrpcEmbeddedServer grpcServer;

    private ManagedChannel channel;

    @Override
    public Map<String, String> getProperties() {
        return FeedItSupport.properties(db, idp);
    }

    @BeforeAll
    void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort())
                .usePlaintext()
                .build();
    }

    @AfterAll
    void cleanUp() {
        channel.shutdownNow();
        idp.close();
        db.close();
    }

    private ChangeFeedGrpc.ChangeFeedBlockingStub stub(String client) {
        return ChangeFeedGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> idp.serviceAccountToken(client)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Test
    @Order(1)
    void occurredAtAndPayloadSurviveTheOutboxAndTheStreamOnMariaDb() throws Exception {
        Instant precise = Instant.parse("2026-11-27T09:30:15.123456Z");
        DossierChanged payload = DossierChanged.newBuilder()
                .setCode("D1")
                .setReceivingUnitCode("11077")
                .addAllUnitPath(java.util.List.of("30", "298", "11077"))
                .build();
        tx.executeWrite(status ->
                outbox.append(new OutboxEntry("dossier", "D1", "dossier.received", "11077", precise, payload)));
        // seqs come from the relay after commit (ADR 0006); number now rather than wait for its next round
        relay.relayOnce();

        FeedEvent stored = store.readAfter(0, 10, "it-producer").get(0);
        assertThat(stored.occurredAt()).isEqualTo(precise);
        assertThat(stored.payload().unpack(DossierChanged.class)).isEqualTo(payload);

        SubscribeResponse first = stub(FeedItSupport.CONSUMER_CLIENT)
                .subscribe(SubscribeRequest.newBuilder().setAfterSeq(0).build())
                .next();
        assertThat(first.getEvent().getOccurredAt().getNanos()).isEqualTo(123_456_000);
        assertThat(first.getEvent().getUnitCode()).isEqualTo("11077");
        assertThat(first.getEvent().getPayload().getTypeUrl())
                .isEqualTo("type.googleapis.com/motcua.dossier.v1.DossierChanged");
        assertThat(first.getEvent().getPayload().unpack(DossierChanged.class)).isEqualTo(payload);
    }

    @Test
    @Order(2)
    void idleSubscriptionReceivesHeartbeatWithHighWater() {
        Iterator<SubscribeResponse> stream = stub(FeedItSupport.CONSUMER_CLIENT)
                .subscribe(SubscribeRequest.newBuilder().setAfterSeq(1).build());
        SubscribeResponse response = stream.next();
        assertThat(response.hasHeartbeat()).isTrue();
        assertThat(response.getHeartbeat().getHighWaterSeq()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void clientNotOnTheAllowListIsDenied() {
        assertThatThrownBy(() -> stub("stranger")
                        .subscribe(SubscribeRequest.newBuilder().build())
                        .next())
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    @Order(4)
    void negativeCursorIsInvalid() {
        assertThatThrownBy(() -> stub(FeedItSupport.CONSUMER_CLIENT)
                        .subscribe(SubscribeRequest.newBuilder().setAfterSeq(-5).build())
                        .next())
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    @Order(5)
    void cursorOlderThanRetentionGetsCursorExpired() {
        tx.executeWrite(status -> outbox.append(new OutboxEntry(
                "dossier",
                "D2",
                "dossier.received",
                "11077",
                Instant.now(),
                DossierChanged.newBuilder().setCode("D2").build())));
        relay.relayOnce();
        int pruned = store.pruneBefore(Instant.now().plus(1, ChronoUnit.DAYS));
        assertThat(pruned).isEqualTo(2);

        assertThatThrownBy(() -> stub(FeedItSupport.CONSUMER_CLIENT)
                        .subscribe(SubscribeRequest.newBuilder().setAfterSeq(0).build())
                        .next())
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
                    assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("CURSOR_EXPIRED");
                });
        // a consumer that is up to date is unaffected and continues from seq 2
        SubscribeResponse next = stub(FeedItSupport.CONSUMER_CLIENT)
                .subscribe(SubscribeRequest.newBuilder().setAfterSeq(2).build())
                .next();
        assertThat(next.hasHeartbeat()).isTrue();
        assertThat(next.getHeartbeat().getHighWaterSeq()).isEqualTo(2);
    }
}
