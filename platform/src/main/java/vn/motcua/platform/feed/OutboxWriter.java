package vn.motcua.platform.feed;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Appends change-feed events inside the caller's business transaction.
 * <p>
 * The seq comes from a one-row counter that the transaction increments. That row stays locked until the
 * transaction commits or rolls back, so seqs are handed out in commit order: a transaction can only take seq N+1
 * after the holder of N has finished. A reader that has seen N will therefore never later find a newly committed
 * event below N, and a rolled-back transaction gives its number back (no gaps). Call it as the last statement of
 * the business transaction to keep the lock short.
 */
@Singleton
public class OutboxWriter {

    private final JdbcOperations jdbc;

    public OutboxWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the event id assigned */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public String append(OutboxEntry entry) {
        Connection connection = jdbc.getConnection();
        String eventId = UUID.randomUUID().toString();
        try {
            long seq = nextSeq(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO feed_outbox (seq, event_id, aggregate_type, aggregate_id, event_type, unit_code,"
                            + " occurred_at, payload_type, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, seq);
                insert.setString(2, eventId);
                insert.setString(3, entry.aggregateType());
                insert.setString(4, entry.aggregateId());
                insert.setString(5, entry.eventType());
                insert.setString(6, entry.unitCode());
                UtcTimestamps.bind(insert, 7, entry.occurredAt());
                insert.setString(8, entry.payloadType());
                insert.setBytes(9, entry.payload().toByteArray());
                insert.executeUpdate();
            }
            return eventId;
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the change feed", e);
        }
    }

    private static long nextSeq(Connection connection) throws SQLException {
        try (PreparedStatement bump =
                connection.prepareStatement("UPDATE feed_counter SET last_seq = last_seq + 1 WHERE id = 1")) {
            if (bump.executeUpdate() != 1) {
                throw new IllegalStateException("feed_counter row is missing: was the platform migration run?");
            }
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT last_seq FROM feed_counter WHERE id = 1");
                ResultSet rs = read.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
