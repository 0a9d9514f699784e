package vn.motcua.report.importer.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.importer.domain.DvcqgStatus;
import vn.motcua.report.importer.domain.ImportedDossier;
import vn.motcua.report.importer.domain.StatusHistory;

/**
 * import_row (every imported dossier, normalized) and the few reads an import batch checks its rows against:
 * dossier_fact's live codes and the unit_ancestor closure (both written by the projection, only read here).
 */
@Singleton
public class ImportRowRepository {

    /** IN lists are cut into pieces of this many codes. */
    private static final int IN_CHUNK = 1000;

    private static final String COLUMNS = "code, import_id, line_no, unit_code, receiving_unit_code, procedure_code,"
            + " service_code, field_code, channel, status_code, refused, submitted_at, received_at, due_at,"
            + " original_due_at, finished_at, returned_at, status_history, supplement_requests, paused_seconds,"
            + " online_payment, fee_total, components_digitized, reuses_data, from_warehouse, vneid_verified,"
            + " result_code, result_url";

    private final JdbcOperations jdbc;

    public ImportRowRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Where an earlier import put a code, and the code as it was stored. */
    public record ExistingRow(String code, String importId, long line, String unitCode) {}

    /**
     * How codes are compared: MariaDB's and MySQL's utf8mb4 collations compare case-insensitively, so "h30.1" and
     * "H30.1" are one key of import_row and dossier_fact; the importer compares them the same way (codes are ASCII).
     */
    public static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    /** An imported dossier as stored, with the import it came from. */
    public record StoredRow(String importId, ImportedDossier dossier) {}

    /** One dossier of a batch and the line it came from. */
    public record NumberedDossier(long line, ImportedDossier dossier) {}

    /** The imported rows already holding any of these codes, by {@link #key}. */
    public Map<String, ExistingRow> findByCodes(Collection<String> codes) {
        Map<String, ExistingRow> found = new HashMap<>();
        forChunks(
                codes,
                chunk -> jdbc.prepareStatement(
                        "SELECT code, import_id, line_no, unit_code FROM import_row WHERE code IN ("
                                + marks(chunk.size()) + ")",
                        ps -> {
                            bind(ps, chunk);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    found.put(
                                            key(rs.getString(1)),
                                            new ExistingRow(
                                                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                                }
                            }
                            return null;
                        }));
        return found;
    }

    /** The codes among these that are live dossiers of MotCua (dossier_fact rows not imported), by {@link #key}. */
    public Set<String> liveCodes(Collection<String> codes) {
        Set<String> found = new HashSet<>();
        forChunks(
                codes,
                chunk -> jdbc.prepareStatement(
                        "SELECT code FROM dossier_fact WHERE imported = FALSE AND code IN (" + marks(chunk.size())
                                + ")",
                        ps -> {
                            bind(ps, chunk);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    found.add(key(rs.getString(1)));
                                }
                            }
                            return null;
                        }));
        return found;
    }

    /** The unit and every unit the closure places below it. */
    public Set<String> subtree(String unitCode) {
        Set<String> units = jdbc.prepareStatement("SELECT unit_code FROM unit_ancestor WHERE ancestor_code = ?", ps -> {
            ps.setString(1, unitCode);
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
        units.add(unitCode);
        return units;
    }

    public void deleteCodes(Collection<String> codes) {
        forChunks(
                codes,
                chunk -> jdbc.prepareStatement(
                        "DELETE FROM import_row WHERE code IN (" + marks(chunk.size()) + ")", ps -> {
                            bind(ps, chunk);
                            return ps.executeUpdate();
                        }));
    }

    public void insert(String importId, List<NumberedDossier> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "INSERT INTO import_row (" + COLUMNS + ", imported_at) VALUES (" + marks(29) + ")", ps -> {
                    for (NumberedDossier row : rows) {
                        ImportedDossier d = row.dossier();
                        int i = 0;
                        ps.setString(++i, d.code());
                        ps.setString(++i, importId);
                        ps.setLong(++i, row.line());
                        ps.setString(++i, d.unitCode());
                        ps.setString(++i, d.receivingUnitCode());
                        ps.setString(++i, d.procedureCode());
                        ps.setString(++i, d.serviceCode());
                        ps.setString(++i, d.fieldCode());
                        ps.setString(++i, d.channel());
                        ps.setInt(++i, d.status().code());
                        ps.setBoolean(++i, d.refused());
                        UtcTimestamps.bind(ps, ++i, d.submittedAt());
                        UtcTimestamps.bind(ps, ++i, d.receivedAt());
                        UtcTimestamps.bind(ps, ++i, d.dueAt());
                        UtcTimestamps.bind(ps, ++i, d.originalDueAt());
                        UtcTimestamps.bind(ps, ++i, d.finishedAt());
                        UtcTimestamps.bind(ps, ++i, d.returnedAt());
                        ps.setString(++i, StatusHistory.encode(d.history()));
                        ps.setInt(++i, d.supplementRequests());
                        ps.setLong(++i, d.pausedSeconds());
                        ps.setInt(++i, d.onlinePayment());
                        ps.setLong(++i, d.feeTotal());
                        ps.setBoolean(++i, d.componentsDigitized());
                        ps.setBoolean(++i, d.reusesData());
                        ps.setBoolean(++i, d.fromWarehouse());
                        ps.setBoolean(++i, d.vneidVerified());
                        ps.setString(++i, d.resultCode());
                        ps.setString(++i, d.resultUrl());
                        UtcTimestamps.bind(ps, ++i, now);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    /** Up to {@code limit} stored rows after {@code afterCode} (empty: from the first), by code. */
    public List<StoredRow> page(String afterCode, int limit) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM import_row WHERE code > ? ORDER BY code LIMIT ?", ps -> {
                    ps.setString(1, afterCode);
                    ps.setInt(2, limit);
                    List<StoredRow> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new StoredRow(rs.getString("import_id"), dossier(rs)));
                        }
                    }
                    return rows;
                });
    }

    /** Reads a stored row back into the very value that was stored. */
    private static ImportedDossier dossier(ResultSet rs) throws SQLException {
        int statusCode = rs.getInt("status_code");
        DvcqgStatus status =
                DvcqgStatus.of(statusCode).orElseThrow(() -> new IllegalStateException("stored status " + statusCode));
        return new ImportedDossier(
                rs.getString("code"),
                rs.getString("procedure_code"),
                rs.getString("service_code"),
                rs.getString("unit_code"),
                rs.getString("receiving_unit_code"),
                rs.getString("field_code"),
                rs.getString("channel"),
                status,
                rs.getBoolean("refused"),
                UtcTimestamps.read(rs, "submitted_at"),
                UtcTimestamps.read(rs, "received_at"),
                UtcTimestamps.read(rs, "due_at"),
                UtcTimestamps.read(rs, "original_due_at"),
                UtcTimestamps.read(rs, "finished_at"),
                UtcTimestamps.read(rs, "returned_at"),
                StatusHistory.decode(rs.getString("status_history")),
                rs.getInt("supplement_requests"),
                rs.getLong("paused_seconds"),
                rs.getInt("online_payment"),
                rs.getLong("fee_total"),
                rs.getBoolean("components_digitized"),
                rs.getBoolean("reuses_data"),
                rs.getBoolean("from_warehouse"),
                rs.getBoolean("vneid_verified"),
                rs.getString("result_code"),
                rs.getString("result_url"));
    }

    private static void forChunks(Collection<String> codes, Function<List<String>, Object> each) {
        List<String> all = List.copyOf(codes);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            each.apply(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }
}
