package vn.motcua.dossier.common;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * feed_announcement: which units and published procedure versions are on the change feed already. Written in the
 * transaction of the event that announces them, so a unit or version is announced once, whether by its creation or
 * publication or by the startup back-fill (FeedBackfill).
 */
@Singleton
public class FeedAnnouncements {

    public static final String UNIT = "unit";
    public static final String PROCEDURE = "procedure";

    private final JdbcOperations jdbc;

    public FeedAnnouncements(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of a procedure version. */
    public static String procedureKey(String code, int version) {
        return code + "#" + version;
    }

    /** Records the announcement; MANDATORY: in the transaction that appends the event. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String aggregateType, String key, Instant now) {
        jdbc.prepareStatement(
                "INSERT INTO feed_announcement (aggregate_type, aggregate_key, announced_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE announced_at = announced_at",
                ps -> {
                    ps.setString(1, aggregateType);
                    ps.setString(2, key);
                    UtcTimestamps.bind(ps, 3, now);
                    return ps.executeUpdate();
                });
    }

    /** The keys announced so far of one aggregate type. */
    @Transactional(readOnly = true)
    public Set<String> announced(String aggregateType) {
        return jdbc.prepareStatement("SELECT aggregate_key FROM feed_announcement WHERE aggregate_type = ?", ps -> {
            ps.setString(1, aggregateType);
            Set<String> keys = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }
}
