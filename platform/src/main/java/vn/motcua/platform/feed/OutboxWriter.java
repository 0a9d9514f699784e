package vn.motcua.platform.feed;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Appends change-feed events inside the caller's business transaction, without a seq (ADR 0006).
 * <p>
 * The row gets only an auto-increment id here; {@link FeedRelay} numbers it after the business transaction has
 * committed, so no business transaction locks a shared counter. Readers see only numbered rows, and a row that
 * becomes visible late (its transaction committed after others) is numbered after everything numbered before, so a
 * reader of {@code seq > cursor} never misses it. A rolled-back transaction leaves no row and so no number.
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
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO feed_outbox (event_id, aggregate_type, aggregate_id, event_type, unit_code,"
                            + " occurred_at, payload_type, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, eventId);
                insert.setString(2, entry.aggregateType());
                insert.setString(3, entry.aggregateId());
                insert.setString(4, entry.eventType());
                insert.setString(5, entry.unitCode());
                UtcTimestamps.bind(insert, 6, entry.occurredAt());
                insert.setString(7, entry.payloadType());
                insert.setBytes(8, entry.payload().toByteArray());
                insert.executeUpdate();
            }
            return eventId;
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the change feed", e);
        }
    }
}
