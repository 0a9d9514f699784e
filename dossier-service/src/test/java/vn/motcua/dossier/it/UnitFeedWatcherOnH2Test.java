package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.dossier.unit.UnitFeedWatcher;

/**
 * What makes a replica drop its unit cache, on the embedded database: numbered events are written here by hand (the
 * relay is off), so each look at the feed sees exactly what the test put there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitFeedWatcherOnH2Test implements TestPropertyProvider {

    @Inject
    UnitFeedWatcher watcher;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    JdbcOperations jdbc;

    private long seq;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(EmbeddedH2.properties());
        props.put("motcua.feed.relay-enabled", "false");
        // the tests look themselves
        props.put("motcua.dossier.unit-cache.follow-interval", "1h");
        return props;
    }

    @BeforeEach
    void lookOnce() {
        seq = counter();
        watcher.followOnce();
    }

    @Test
    void onlyAUnitEventAmongTheNewOnesDropsTheCache() {
        assertThat(watcher.followOnce()).as("nothing new").isFalse();

        append("dossier", "dossier.received");
        append("procedure", "procedure.published");
        assertThat(watcher.followOnce()).as("events of other aggregates").isFalse();

        append("dossier", "dossier.received");
        append("unit", "unit.renamed");
        append("dossier", "dossier.accepted");
        assertThat(watcher.followOnce()).as("a unit event among others").isTrue();
        assertThat(watcher.followOnce()).as("the same events again").isFalse();
    }

    @Test
    void aFeedThatWentBackDropsTheCache() {
        append("dossier", "dossier.received");
        watcher.followOnce();

        // a restored database: the counter is behind what this replica saw
        update("UPDATE feed_counter SET last_seq = ? WHERE id = 1", seq - 1);
        try {
            assertThat(watcher.followOnce()).isTrue();
        } finally {
            update("UPDATE feed_counter SET last_seq = ? WHERE id = 1", seq);
        }
    }

    @Test
    void eventsPrunedBeforeTheyWereSeenDropTheCache() {
        long seen = seq;
        append("dossier", "dossier.received");
        append("dossier", "dossier.received");
        update("UPDATE feed_counter SET min_retained_seq = ? WHERE id = 1", seen + 2);

        assertThat(watcher.followOnce())
                .as("an event this replica never saw may have been a unit's")
                .isTrue();
    }

    private void append(String aggregateType, String eventType) {
        seq++;
        long next = seq;
        tx.executeWrite(status -> {
            Connection c = jdbc.getConnection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_outbox (seq, event_id, aggregate_type,"
                    + " aggregate_id, event_type, occurred_at, payload_type, payload)"
                    + " VALUES (?, ?, ?, 'x', ?, '2026-03-09 01:00:00', 'test', X'00')")) {
                ps.setLong(1, next);
                ps.setString(2, UUID.randomUUID().toString());
                ps.setString(3, aggregateType);
                ps.setString(4, eventType);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        update("UPDATE feed_counter SET last_seq = ? WHERE id = 1", next);
    }

    private void update(String sql, long value) {
        tx.executeWrite(status -> {
            try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql)) {
                ps.setLong(1, value);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long counter() {
        return tx.executeRead(status -> {
            try (PreparedStatement ps =
                            jdbc.getConnection().prepareStatement("SELECT last_seq FROM feed_counter WHERE id = 1");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
