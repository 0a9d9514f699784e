package vn.motcua.report.importer.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.platform.idempotency.IdempotencyRepository;
import vn.motcua.report.importer.domain.ImportHeader;
import vn.motcua.report.importer.domain.ImportResult;
import vn.motcua.report.importer.domain.RowError;

/** import_run and import_run_error: one row per import call, keyed for idempotency by (caller, request id). */
@Singleton
public class ImportRunRepository {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    private static final int MAX_MESSAGE = 500;
    private static final int MAX_FIELD = 100;

    private final JdbcOperations jdbc;

    public ImportRunRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** An import run as stored. */
    public record StoredRun(String importId, String fingerprint, String state, Instant heartbeatAt) {}

    /** The caller and request an import runs for. */
    public record NewRun(
            String importId,
            String callerSubject,
            String callerUsername,
            ImportHeader header,
            String fingerprint,
            long contentBytes) {}

    public Optional<StoredRun> find(String callerSubject, String requestId) {
        return select(callerSubject, requestId, false);
    }

    /** The run of this request, locked until the transaction ends. */
    public Optional<StoredRun> lock(String callerSubject, String requestId) {
        return select(callerSubject, requestId, true);
    }

    private Optional<StoredRun> select(String callerSubject, String requestId, boolean forUpdate) {
        return jdbc.prepareStatement(
                "SELECT import_id, fingerprint, run_state, heartbeat_at FROM import_run"
                        + " WHERE caller_subject = ? AND request_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                ps -> {
                    ps.setString(1, callerSubject);
                    ps.setString(2, requestId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new StoredRun(
                                        rs.getString("import_id"),
                                        rs.getString("fingerprint"),
                                        rs.getString("run_state"),
                                        UtcTimestamps.read(rs, "heartbeat_at")))
                                : Optional.empty();
                    }
                });
    }

    /** @return false when this caller already used the request id (the unique key refused the row) */
    public boolean insert(NewRun run, Instant now) {
        try {
            return jdbc.prepareStatement(
                    "INSERT INTO import_run (import_id, caller_subject, caller_username, request_id, unit_code,"
                            + " import_format, batch_size, fingerprint, content_bytes, run_state, started_at,"
                            + " heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, run.importId());
                        ps.setString(2, run.callerSubject());
                        ps.setString(3, run.callerUsername());
                        ps.setString(4, run.header().requestId());
                        ps.setString(5, run.header().unitCode());
                        ps.setString(6, run.header().format().name());
                        ps.setInt(7, run.header().batchSize());
                        ps.setString(8, run.fingerprint());
                        ps.setLong(9, run.contentBytes());
                        ps.setString(10, RUNNING);
                        UtcTimestamps.bind(ps, 11, now);
                        UtcTimestamps.bind(ps, 12, now);
                        ps.executeUpdate();
                        return true;
                    });
        } catch (RuntimeException e) {
            if (IdempotencyRepository.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** A dead or failed run of the same request starts over under the same import id. */
    public void restart(String importId, Instant now) {
        jdbc.prepareStatement(
                "UPDATE import_run SET run_state = ?, rows_read = 0, rows_imported = 0, rows_rejected = 0,"
                        + " batches_applied = 0, batches_rejected = 0, started_at = ?, heartbeat_at = ?,"
                        + " finished_at = NULL WHERE import_id = ?",
                ps -> {
                    ps.setString(1, RUNNING);
                    UtcTimestamps.bind(ps, 2, now);
                    UtcTimestamps.bind(ps, 3, now);
                    ps.setString(4, importId);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM import_run_error WHERE import_id = ?", ps -> {
            ps.setString(1, importId);
            return ps.executeUpdate();
        });
    }

    public void heartbeat(String importId, Instant now) {
        jdbc.prepareStatement("UPDATE import_run SET heartbeat_at = ? WHERE import_id = ?", ps -> {
            UtcTimestamps.bind(ps, 1, now);
            ps.setString(2, importId);
            return ps.executeUpdate();
        });
    }

    public void markFailed(String importId, Instant now) {
        jdbc.prepareStatement(
                "UPDATE import_run SET run_state = ?, heartbeat_at = ? WHERE import_id = ? AND run_state = ?", ps -> {
                    ps.setString(1, FAILED);
                    UtcTimestamps.bind(ps, 2, now);
                    ps.setString(3, importId);
                    ps.setString(4, RUNNING);
                    return ps.executeUpdate();
                });
    }

    /** Records the outcome: from now on a repeat of the request answers it. */
    public void finish(ImportResult result, Instant now) {
        jdbc.prepareStatement(
                "UPDATE import_run SET run_state = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?,"
                        + " batches_applied = ?, batches_rejected = ?, heartbeat_at = ?, finished_at = ?"
                        + " WHERE import_id = ?",
                ps -> {
                    ps.setString(1, DONE);
                    ps.setLong(2, result.rowsRead());
                    ps.setLong(3, result.rowsImported());
                    ps.setLong(4, result.rowsRejected());
                    ps.setInt(5, result.batchesApplied());
                    ps.setInt(6, result.batchesRejected());
                    UtcTimestamps.bind(ps, 7, now);
                    UtcTimestamps.bind(ps, 8, now);
                    ps.setString(9, result.importId());
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement(
                "INSERT INTO import_run_error (import_id, seq, line_no, field_name, message) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    int seq = 0;
                    for (RowError error : result.errors()) {
                        ps.setString(1, result.importId());
                        ps.setInt(2, ++seq);
                        ps.setLong(3, error.line());
                        ps.setString(4, cut(error.field(), MAX_FIELD));
                        ps.setString(5, cut(error.message(), MAX_MESSAGE));
                        ps.addBatch();
                    }
                    if (seq > 0) {
                        ps.executeBatch();
                    }
                    return seq;
                });
    }

    /** The stored outcome of a finished import. */
    public ImportResult result(String importId) {
        List<RowError> errors = jdbc.prepareStatement(
                "SELECT line_no, field_name, message FROM import_run_error WHERE import_id = ? ORDER BY seq", ps -> {
                    ps.setString(1, importId);
                    List<RowError> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new RowError(rs.getLong(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                    return found;
                });
        return jdbc.prepareStatement(
                "SELECT rows_read, rows_imported, rows_rejected, batches_applied, batches_rejected FROM import_run"
                        + " WHERE import_id = ?",
                ps -> {
                    ps.setString(1, importId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("import " + importId + " vanished");
                        }
                        return new ImportResult(
                                importId,
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getInt(4),
                                rs.getInt(5),
                                errors);
                    }
                });
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
