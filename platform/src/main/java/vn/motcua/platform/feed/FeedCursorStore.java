package vn.motcua.platform.feed;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.motcua.platform.db.UtcTimestamps;

/** The consumer side: cursor per (consumer, source) and the event-id dedup log, in the consumer's database. */
@Singleton
public class FeedCursorStore {

    private final JdbcOperations jdbc;

    public FeedCursorStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public long cursor(String consumer, String source) {
        try (PreparedStatement ps = jdbc.getConnection()
                .prepareStatement("SELECT last_seq FROM feed_cursor WHERE consumer = ? AND source = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feed cursor", e);
        }
    }

    /**
     * Applies the event unless this consumer already did, and moves the cursor, all in one transaction.
     *
     * @return true if the handler ran, false if the event was a duplicate
     */
    @Transactional
    public boolean applyOnce(String consumer, String source, FeedEvent event, FeedEventHandler handler) {
        Connection connection = jdbc.getConnection();
        try {
            boolean fresh = !alreadyConsumed(connection, consumer, event.eventId());
            if (fresh) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO feed_consumed (consumer, event_id, consumed_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, consumer);
                    ps.setString(2, event.eventId());
                    UtcTimestamps.bind(ps, 3, Instant.now());
                    ps.executeUpdate();
                }
                handler.apply(event);
            }
            advance(connection, consumer, source, event.seq());
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply feed event " + event.eventId(), e);
        }
    }

    /**
     * Applies a run of events (seq order) in one transaction: those this consumer did not apply yet go to
     * {@link FeedEventHandler#applyAll} together, then the cursor moves to the last seq. Exactly-once as
     * {@link #applyOnce}, with one commit for the whole run instead of one per event.
     * <p>
     * The cursor row is locked first, and checked against {@code expectedCursor}, the seq the calling subscriber
     * believes applied: a cursor behind it was rewound under the subscriber (a rebuild from seq 0), and then nothing
     * is applied and {@link FeedCursorRewoundException} tells the subscriber to follow again from the stored cursor.
     * Taking that lock first also orders this transaction before or after whoever rewinds the cursor, never both.
     *
     * @return how many events the handler received (duplicates excluded)
     */
    @Transactional
    public int applyBatch(
            String consumer, String source, long expectedCursor, List<FeedEvent> events, FeedEventHandler handler) {
        if (events.isEmpty()) {
            return 0;
        }
        Connection connection = jdbc.getConnection();
        try {
            Long stored = lockCursor(connection, consumer, source);
            long current = stored == null ? 0L : stored;
            if (current < expectedCursor) {
                throw new FeedCursorRewoundException(consumer, source, current, expectedCursor);
            }
            Set<String> consumed = consumedAmong(connection, consumer, events);
            List<FeedEvent> fresh = new ArrayList<>(events.size());
            for (FeedEvent event : events) {
                if (consumed.add(event.eventId())) {
                    fresh.add(event);
                }
            }
            if (!fresh.isEmpty()) {
                Instant now = Instant.now();
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO feed_consumed (consumer, event_id, consumed_at) VALUES (?, ?, ?)")) {
                    for (FeedEvent event : fresh) {
                        ps.setString(1, consumer);
                        ps.setString(2, event.eventId());
                        UtcTimestamps.bind(ps, 3, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                handler.applyAll(fresh);
            }
            long last = events.get(events.size() - 1).seq();
            if (stored == null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO feed_cursor (consumer, source, last_seq, updated_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, consumer);
                    insert.setString(2, source);
                    insert.setLong(3, last);
                    UtcTimestamps.bind(insert, 4, Instant.now());
                    insert.executeUpdate();
                }
            } else if (last > current) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE feed_cursor SET last_seq = ?, updated_at = ? WHERE consumer = ? AND source = ?")) {
                    update.setLong(1, last);
                    UtcTimestamps.bind(update, 2, Instant.now());
                    update.setString(3, consumer);
                    update.setString(4, source);
                    update.executeUpdate();
                }
            }
            return fresh.size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply feed events from " + source, e);
        }
    }

    private static Long lockCursor(Connection connection, String consumer, String source) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT last_seq FROM feed_cursor WHERE consumer = ? AND source = ? FOR UPDATE")) {
            ps.setString(1, consumer);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The ids among {@code events} this consumer already applied, in one query. */
    private static Set<String> consumedAmong(Connection connection, String consumer, List<FeedEvent> events)
            throws SQLException {
        Set<String> consumed = new HashSet<>();
        StringBuilder sql =
                new StringBuilder("SELECT event_id FROM feed_consumed WHERE consumer = ? AND event_id IN (");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            ps.setString(1, consumer);
            for (int i = 0; i < events.size(); i++) {
                ps.setString(i + 2, events.get(i).eventId());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumed.add(rs.getString(1));
                }
            }
        }
        return consumed;
    }

    private static boolean alreadyConsumed(Connection connection, String consumer, String eventId) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT 1 FROM feed_consumed WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void advance(Connection connection, String consumer, String source, long seq) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE feed_cursor SET last_seq = ?, updated_at = ? WHERE consumer = ? AND source = ?"
                        + " AND last_seq < ?")) {
            update.setLong(1, seq);
            UtcTimestamps.bind(update, 2, Instant.now());
            update.setString(3, consumer);
            update.setString(4, source);
            update.setLong(5, seq);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement exists =
                connection.prepareStatement("SELECT 1 FROM feed_cursor WHERE consumer = ? AND source = ?")) {
            exists.setString(1, consumer);
            exists.setString(2, source);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return; // cursor already at or past this seq (a replayed event)
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO feed_cursor (consumer, source, last_seq, updated_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, source);
            insert.setLong(3, seq);
            UtcTimestamps.bind(insert, 4, Instant.now());
            insert.executeUpdate();
        }
    }
}
