package vn.motcua.platform.idempotency;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * request_id bookkeeping for mutating RPCs. The claim is the first statement of the business transaction: a
 * concurrent duplicate blocks on the primary key until the first commits, then fails and replays its result.
 */
@Singleton
public class IdempotencyRepository {

    private final JdbcOperations jdbc;

    public IdempotencyRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if this (caller, operation, request id) was claimed before */
    public boolean claim(String callerSubject, String operation, String requestId, String bodyHash, Instant now) {
        try {
            return jdbc.prepareStatement(
                    "INSERT INTO idempotent_request (caller_subject, operation, request_id,"
                            + " body_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, callerSubject);
                        ps.setString(2, operation);
                        ps.setString(3, requestId);
                        ps.setString(4, bodyHash);
                        UtcTimestamps.bind(ps, 5, now);
                        ps.executeUpdate();
                        return true;
                    });
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public void recordResult(String callerSubject, String operation, String requestId, String resultRef) {
        jdbc.prepareStatement(
                "UPDATE idempotent_request SET result_ref = ? WHERE caller_subject = ? AND operation = ?"
                        + " AND request_id = ?",
                ps -> {
                    ps.setString(1, resultRef);
                    ps.setString(2, callerSubject);
                    ps.setString(3, operation);
                    ps.setString(4, requestId);
                    return ps.executeUpdate();
                });
    }

    public Optional<Claimed> find(String callerSubject, String operation, String requestId) {
        return jdbc.prepareStatement(
                "SELECT body_hash, result_ref FROM idempotent_request WHERE caller_subject = ?"
                        + " AND operation = ? AND request_id = ?",
                ps -> {
                    ps.setString(1, callerSubject);
                    ps.setString(2, operation);
                    ps.setString(3, requestId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new Claimed(rs.getString(1), rs.getString(2)))
                                : Optional.empty();
                    }
                });
    }

    public record Claimed(String bodyHash, String resultRef) {}

    /** True when the failure is a primary-key or unique violation (MySQL, MariaDB and H2 drivers alike). */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
