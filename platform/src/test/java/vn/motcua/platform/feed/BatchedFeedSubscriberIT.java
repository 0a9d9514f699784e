package vn.motcua.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;

/**
 * The subscriber's batch mode on MariaDB over real gRPC: runs of events in one transaction each, still exactly once
 * and in seq order; a cursor rewound under a running (idle) subscriber makes it apply the feed again from seq 1; a
 * failing event inside a run stops the feed right before that event, with every earlier event applied.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchedFeedSubscriberIT implements TestPropertyProvider {

    private static final String CONSUMER = "it-batch";
    private static final String SOURCE = "it-producer";
    private static final int EVENTS = 300;

    private final TestDatabase db = TestDatabase.create("feed_batch");
    private final TestIdentityProvider idp =
            TestIdentityProvider.start().serviceAccount(FeedItSupport.CONSUMER_CLIENT, Set.of());

    @Inject
    OutboxWriter outbox;

    @Inject
    FeedCursorStore cursors;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    JdbcOperations jdbc;

    @Inject
    GrpcEmbeddedServer grpcServer;

    private ManagedChannel channel;
    private FeedSubscriber subscriber;
    private final List<Integer> runSizes = new CopyOnWriteArrayList<>();
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final List<String> produced = new ArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        return FeedItSupport.properties(db, idp);
    }

    @BeforeAll
    void start() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort())
                .usePlaintext()
                .build();
        ChangeFeedGrpc.ChangeFeedBlockingStub stub = ChangeFeedGrpc.newBlockingStub(channel)
                .withInterceptors(
                        new ForwardingClientInterceptor(() -> idp.serviceAccountToken(FeedItSupport.CONSUMER_CLIENT)));
        FeedEventHandler handler = new FeedEventHandler() {
            @Override
            public void apply(FeedEvent event) {
                applyAll(List.of(event));
            }

            @Override
            public void applyAll(List<FeedEvent> events) {
                runSizes.add(events.size());
                for (FeedEvent event : events) {
                    if (poisoned.contains(event.aggregateId())) {
                        throw new IllegalStateException("poisoned event of " + event.aggregateId());
                    }
                    insertProjection(event);
                }
            }
        };
        subscriber = new FeedSubscriber(CONSUMER, SOURCE, stub, cursors, handler, Duration.ofMinutes(1), 64);
    }

    @AfterAll
    void cleanUp() {
        subscriber.close();
        channel.shutdownNow();
        idp.close();
        db.close();
    }

    @Test
    @Order(1)
    void aBacklogIsAppliedInRunsExactlyOnceInSeqOrder() {
        // the backlog exists before the subscriber starts, so it arrives faster than one transaction per event
        for (int i = 0; i < EVENTS; i++) {
            produced.add(append("a" + i));
        }
        awaitNumbered();
        subscriber.start();
        await("the backlog applied", () -> subscriber.appliedSeq() == EVENTS);

        List<String[]> rows = projection();
        assertThat(rows.stream().map(r -> r[0]).toList()).containsExactlyElementsOf(produced);
        assertThat(rows.stream().map(r -> Long.parseLong(r[1])).toList())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, EVENTS).boxed().toList());
        assertThat(runSizes).as("some runs held several events").anyMatch(size -> size > 1);
        assertThat(runSizes).allMatch(size -> size <= 64);
        assertThat(cursors.cursor(CONSUMER, SOURCE)).isEqualTo(EVENTS);
        assertThat(count("SELECT COUNT(*) FROM feed_consumed WHERE consumer = '" + CONSUMER + "'"))
                .isEqualTo(EVENTS);
    }

    @Test
    @Order(2)
    void aCursorRewoundUnderAnIdleSubscriberIsFollowedFromSeqOne() {
        // what a projection rebuild does: cursor, dedup log and projection gone in one transaction
        tx.executeWrite(status -> {
            execute("DELETE FROM feed_cursor WHERE consumer = '" + CONSUMER + "'");
            execute("DELETE FROM feed_consumed WHERE consumer = '" + CONSUMER + "'");
            execute("DELETE FROM it_projection");
            return null;
        });

        // no new event: the heartbeat finds the cursor behind and the subscriber starts over
        await("the feed applied again", () -> count("SELECT COUNT(*) FROM it_projection") == EVENTS);
        await("the cursor back at the end", () -> cursors.cursor(CONSUMER, SOURCE) == EVENTS);
        assertThat(projection().stream().map(r -> r[0]).toList()).containsExactlyElementsOf(produced);
    }

    @Test
    @Order(3)
    void aFailingEventInsideARunStopsTheFeedRightBeforeIt() {
        // poisoned before it exists, so the subscriber cannot get past it first
        String poison = "b25";
        poisoned.add(poison);
        List<String> more = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            more.add(append("b" + i));
        }
        long poisonSeq = EVENTS + 26;

        await("every event before the poisoned one", () -> cursors.cursor(CONSUMER, SOURCE) == poisonSeq - 1);
        await("the error named", () -> String.valueOf(subscriber.lastError()).contains(poison));
        assertThat(count("SELECT COUNT(*) FROM it_projection")).isEqualTo(EVENTS + 25);

        poisoned.clear(); // the producer-side fix
        await("the rest applied", () -> cursors.cursor(CONSUMER, SOURCE) == EVENTS + 40);
        List<String> all = new ArrayList<>(produced);
        all.addAll(more);
        assertThat(projection().stream().map(r -> r[0]).toList()).containsExactlyElementsOf(all);
    }

    private String append(String aggregateId) {
        return tx.executeWrite(status -> outbox.append(new OutboxEntry(
                "dossier",
                aggregateId,
                "dossier.received",
                "11077",
                Instant.now(),
                DossierChanged.newBuilder().setCode(aggregateId).build())));
    }

    private void awaitNumbered() {
        await("the relay numbered every event", () -> count("SELECT COUNT(*) FROM feed_outbox WHERE seq IS NULL") == 0);
    }

    private void insertProjection(FeedEvent event) {
        try (PreparedStatement ps =
                jdbc.getConnection().prepareStatement("INSERT INTO it_projection (event_id, seq) VALUES (?, ?)")) {
            ps.setString(1, event.eventId());
            ps.setLong(2, event.seq());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String[]> projection() {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = jdbc.getConnection()
                            .prepareStatement("SELECT event_id, seq FROM it_projection ORDER BY applied_order");
                    ResultSet rs = ps.executeQuery()) {
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long count(String sql) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting for " + what + " (applied " + subscriber.appliedSeq()
                        + ", last error " + subscriber.lastError() + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
