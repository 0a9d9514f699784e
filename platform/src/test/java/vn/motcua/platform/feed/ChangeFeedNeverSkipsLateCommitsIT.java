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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;

/**
 * Many writers commit and roll back concurrently on MariaDB while a consumer follows the feed over real gRPC
 * (restarting half-way). The consumer must see every committed event exactly once, in seq order, and nothing
 * from a rolled-back transaction. Writers insert unnumbered rows; the {@link FeedRelay} of this process numbers them
 * after commit (ADR 0006), so late commits get later seqs and seqs stay 1..N.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeFeedNeverSkipsLateCommitsIT implements TestPropertyProvider {

    private static final int WRITERS = 8;
    private static final int TRANSACTIONS_PER_WRITER = 40;

    private final TestDatabase db = TestDatabase.create("feed_concurrency");
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

    @Override
    public Map<String, String> getProperties() {
        return FeedItSupport.properties(db, idp);
    }

    @AfterAll
    void cleanUp() {
        idp.close();
        db.close();
    }

    @Test
    void consumerSeesEveryCommittedEventOnceInSeqOrder() throws Exception {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcServer.getPort())
                .usePlaintext()
                .build();
        ChangeFeedGrpc.ChangeFeedBlockingStub stub = ChangeFeedGrpc.newBlockingStub(channel)
                .withInterceptors(
                        new ForwardingClientInterceptor(() -> idp.serviceAccountToken(FeedItSupport.CONSUMER_CLIENT)));
        FeedEventHandler project = event -> insertProjection(event);
        FeedSubscriber first =
                new FeedSubscriber("it", "it-producer", stub, cursors, project, Duration.ofMinutes(1)).start();

        Set<String> committed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writer, committed)));
        }
        // restart the consumer while writers are still busy: it must resume from its stored cursor
        Thread.sleep(300);
        first.close();
        FeedSubscriber second =
                new FeedSubscriber("it", "it-producer", stub, cursors, project, Duration.ofMinutes(1)).start();
        for (Future<?> f : writers) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        // seqs are assigned after commit by the FeedRelay (ADR 0006): wait until it has numbered every committed row
        awaitNumbered();
        long highWater = tx.executeRead(status -> queryLong("SELECT last_seq FROM feed_counter WHERE id = 1"));
        awaitApplied(second, highWater);
        second.close();
        channel.shutdownNow();

        List<String[]> projected = tx.executeRead(status -> projection());
        List<String> ids = projected.stream().map(r -> r[0]).toList();
        List<Long> seqs = projected.stream().map(r -> Long.parseLong(r[1])).toList();

        assertThat(committed).isNotEmpty();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(committed);
        assertThat(seqs).isSorted();
        // rolled-back transactions give their number back: committed seqs are exactly 1..N
        assertThat(seqs)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, committed.size())
                        .boxed()
                        .toList());
        assertThat(highWater).isEqualTo(committed.size());
    }

    private void write(int writer, Set<String> committed) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < TRANSACTIONS_PER_WRITER; i++) {
            boolean rollback = random.nextInt(4) == 0;
            String aggregateId = "w" + writer + "-" + i;
            String[] eventId = new String[1];
            try {
                tx.executeWrite(status -> {
                    insertBusinessRow(writer);
                    pause(random.nextInt(3));
                    eventId[0] = outbox.append(new OutboxEntry(
                            "dossier",
                            aggregateId,
                            "dossier.received",
                            "11077",
                            Instant.now(),
                            DossierChanged.newBuilder().setCode(aggregateId).build()));
                    // hold the transaction open a little after the append, so commits interleave
                    pause(random.nextInt(3));
                    if (rollback) {
                        status.setRollbackOnly();
                    }
                    return null;
                });
                if (!rollback) {
                    committed.add(eventId[0]);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("writer " + writer + " failed", e);
            }
        }
    }

    private void insertBusinessRow(int writer) {
        try (PreparedStatement ps =
                jdbc.getConnection().prepareStatement("INSERT INTO it_business (writer, created_at) VALUES (?, ?)")) {
            ps.setInt(1, writer);
            UtcTimestamps.bind(ps, 2, Instant.now());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    private List<String[]> projection() {
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
    }

    private long queryLong(String sql) {
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitNumbered() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tx.executeRead(status -> queryLong("SELECT COUNT(*) FROM feed_outbox WHERE seq IS NULL")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long unnumbered = tx.executeRead(status -> queryLong("SELECT COUNT(*) FROM feed_outbox WHERE seq IS NULL"));
        assertThat(unnumbered).as("relay numbered every committed event").isZero();
    }

    private static void awaitApplied(FeedSubscriber subscriber, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (subscriber.appliedSeq() < seq && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(subscriber.appliedSeq())
                .as("consumer caught up (last error: %s)", subscriber.lastError())
                .isEqualTo(seq);
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
