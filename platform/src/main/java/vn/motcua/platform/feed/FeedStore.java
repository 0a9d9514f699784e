package vn.motcua.platform.feed;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.proto.FeedEventTypes;

/** Reads and prunes the producer's outbox. Each call is its own short transaction, so it sees fresh commits. */
@Singleton
public class FeedStore {

    private final JdbcOperations jdbc;

    public FeedStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record Position(long highWater, long minRetained) {}

    @Transactional(readOnly = true)
    public List<FeedEvent> readAfter(long afterSeq, int limit, String source) {
        try (PreparedStatement ps = jdbc.getConnection()
                .prepareStatement(
                        "SELECT seq, event_id, aggregate_type, aggregate_id, event_type, unit_code, occurred_at,"
                                + " payload_type, payload"
                                + " FROM feed_outbox WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            List<FeedEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new FeedEvent(
                            rs.getString("event_id"),
                            rs.getLong("seq"),
                            source,
                            rs.getString("aggregate_type"),
                            rs.getString("aggregate_id"),
                            rs.getString("event_type"),
                            UtcTimestamps.read(rs, "occurred_at"),
                            rs.getString("unit_code"),
                            payload(rs.getString("payload_type"), rs.getBytes("payload"))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the change feed", e);
        }
    }

    /** The stored message as an {@link Any}, so the feed passes it on without knowing its type. */
    static Any payload(String messageType, byte[] bytes) {
        return Any.newBuilder()
                .setTypeUrl(FeedEventTypes.TYPE_URL_PREFIX + messageType)
                .setValue(ByteString.copyFrom(bytes))
                .build();
    }

    @Transactional(readOnly = true)
    public Position position() {
        try (PreparedStatement ps = jdbc.getConnection()
                        .prepareStatement("SELECT last_seq, min_retained_seq FROM feed_counter WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("feed_counter row is missing");
            }
            return new Position(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the feed position", e);
        }
    }

    /**
     * Deletes events older than the cutoff and raises min_retained_seq, so that cursors pointing into the deleted
     * range are told CURSOR_EXPIRED instead of silently skipping events.
     *
     * @return number of events deleted
     */
    @Transactional
    public int pruneBefore(Instant cutoff) {
        Connection connection = jdbc.getConnection();
        try {
            long lastDeleted;
            try (PreparedStatement max =
                    connection.prepareStatement("SELECT MAX(seq) FROM feed_outbox WHERE occurred_at < ?")) {
                UtcTimestamps.bind(max, 1, cutoff);
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    lastDeleted = rs.getLong(1);
                }
            }
            if (lastDeleted == 0) {
                return 0;
            }
            try (PreparedStatement raise = connection.prepareStatement(
                    "UPDATE feed_counter SET min_retained_seq = GREATEST(min_retained_seq, ?) WHERE id = 1")) {
                raise.setLong(1, lastDeleted + 1);
                raise.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM feed_outbox WHERE seq <= ?")) {
                delete.setLong(1, lastDeleted);
                return delete.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune the change feed", e);
        }
    }
}
