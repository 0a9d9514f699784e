package vn.motcua.report.projection.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.StoredFact;
import vn.motcua.report.projection.domain.Timeliness;

/**
 * dossier_fact. Reads lock the rows (FOR UPDATE): the projection's writers run one at a time under the
 * projection_state lock, and a locking read sees the latest committed row whatever snapshot the transaction took
 * before that lock (MariaDB's REPEATABLE READ).
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class FactRepository {

    static final String COLUMNS = "fact_id, code, unit_code, receiving_unit_code, handling_unit_code, procedure_code,"
            + " procedure_version, field_code, channel, state, result_kind, legal_regime, boundary_free,"
            + " extension_used, submitted_at, received_at, original_due_at, due_at, finished_at, paused_seconds,"
            + " supplement_requests, pre_supplement_requests, assignee, rating_time, rating_contacts,"
            + " rating_agencies, rating_attitude, rating_satisfied, rated_at, timeliness, on_time_766, imported,"
            + " import_id, counted, updated_seq";

    private static final String UPSERT;

    static {
        String[] columns = COLUMNS.split(",\\s*");
        StringBuilder sql = new StringBuilder("INSERT INTO dossier_fact (")
                .append(COLUMNS)
                .append(") VALUES (")
                .append(InLists.marks(columns.length))
                .append(") ON DUPLICATE KEY UPDATE ");
        for (int i = 1; i < columns.length; i++) {
            sql.append(i == 1 ? "" : ", ")
                    .append(columns[i])
                    .append(" = VALUES(")
                    .append(columns[i])
                    .append(')');
        }
        UPSERT = sql.toString();
    }

    private final JdbcOperations jdbc;

    public FactRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of these fact ids, by fact id. */
    public Map<String, StoredFact> lockByIds(Collection<String> factIds) {
        return lockWhere("fact_id", factIds);
    }

    /** The rows whose (current) code is one of these, by fact id. */
    public Map<String, StoredFact> lockByCodes(Collection<String> codes) {
        return lockWhere("code", codes);
    }

    /** A page of the facts of one procedure, in fact id order after {@code afterFactId} ('' for the first page). */
    public List<StoredFact> lockByProcedure(String procedureCode, String afterFactId, int limit) {
        List<StoredFact> rows = new ArrayList<>();
        try (PreparedStatement ps = connection()
                .prepareStatement("SELECT " + COLUMNS + " FROM dossier_fact WHERE procedure_code = ? AND fact_id > ?"
                        + " ORDER BY fact_id LIMIT " + limit + " FOR UPDATE")) {
            ps.setString(1, procedureCode);
            ps.setString(2, afterFactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the facts of procedure " + procedureCode, e);
        }
        return rows;
    }

    private Map<String, StoredFact> lockWhere(String column, Collection<String> keys) {
        Map<String, StoredFact> found = new LinkedHashMap<>();
        for (List<String> chunk : InLists.chunks(keys)) {
            try (PreparedStatement ps = connection()
                    .prepareStatement("SELECT " + COLUMNS + " FROM dossier_fact WHERE " + column + " IN ("
                            + InLists.marks(chunk.size()) + ") FOR UPDATE")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredFact row = read(rs);
                        found.put(row.fact().factId(), row);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read dossier facts", e);
            }
        }
        return found;
    }

    /** Inserts or replaces every column of these rows, in one batch. */
    public void upsert(Collection<StoredFact> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection().prepareStatement(UPSERT)) {
            for (StoredFact row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write dossier facts", e);
        }
    }

    private Connection connection() {
        return jdbc.getConnection();
    }

    private static void bind(PreparedStatement ps, StoredFact row) throws SQLException {
        DossierFact f = row.fact();
        int i = 0;
        ps.setString(++i, f.factId());
        ps.setString(++i, nz(f.code()));
        ps.setString(++i, nz(f.unitCode()));
        ps.setString(++i, nz(f.receivingUnitCode()));
        ps.setString(++i, f.handlingUnitCode());
        ps.setString(++i, nz(f.procedureCode()));
        ps.setInt(++i, f.procedureVersion());
        ps.setString(++i, nz(row.fieldCode()));
        ps.setString(++i, nz(f.channel()));
        ps.setString(++i, nz(f.state()));
        ps.setString(++i, f.resultKind());
        ps.setString(++i, f.legalRegime());
        ps.setBoolean(++i, f.boundaryFree());
        ps.setBoolean(++i, f.extensionUsed());
        UtcTimestamps.bind(ps, ++i, f.submittedAt());
        UtcTimestamps.bind(ps, ++i, f.receivedAt());
        UtcTimestamps.bind(ps, ++i, f.originalDueAt());
        UtcTimestamps.bind(ps, ++i, f.dueAt());
        UtcTimestamps.bind(ps, ++i, f.finishedAt());
        ps.setLong(++i, f.pausedSeconds());
        ps.setInt(++i, f.supplementRequests());
        ps.setInt(++i, row.preSupplementRequests());
        ps.setString(++i, f.assignee());
        DossierFact.Rating r = f.rating();
        if (r == null) {
            for (int k = 0; k < 4; k++) {
                ps.setNull(++i, Types.INTEGER);
            }
            ps.setNull(++i, Types.BOOLEAN);
            UtcTimestamps.bind(ps, ++i, null);
        } else {
            ps.setInt(++i, r.time());
            ps.setInt(++i, r.contacts());
            ps.setInt(++i, r.agencies());
            ps.setInt(++i, r.attitude());
            ps.setBoolean(++i, r.satisfied());
            UtcTimestamps.bind(ps, ++i, r.ratedAt());
        }
        ps.setString(++i, row.timeliness().name());
        ps.setBoolean(++i, row.onTime766());
        ps.setBoolean(++i, f.imported());
        ps.setString(++i, f.importId());
        ps.setString(++i, CountedJson.write(row.counted()));
        ps.setLong(++i, row.updatedSeq());
    }

    private static StoredFact read(ResultSet rs) throws SQLException {
        int ratingTime = rs.getInt("rating_time");
        DossierFact.Rating rating = rs.wasNull()
                ? null
                : new DossierFact.Rating(
                        ratingTime,
                        rs.getInt("rating_contacts"),
                        rs.getInt("rating_agencies"),
                        rs.getInt("rating_attitude"),
                        rs.getBoolean("rating_satisfied"),
                        instant(rs, "rated_at"));
        DossierFact fact = new DossierFact(
                rs.getString("fact_id"),
                rs.getString("code"),
                rs.getString("unit_code"),
                rs.getString("receiving_unit_code"),
                rs.getString("handling_unit_code"),
                List.of(),
                rs.getString("procedure_code"),
                rs.getInt("procedure_version"),
                rs.getString("channel"),
                rs.getString("state"),
                rs.getString("result_kind"),
                rs.getString("legal_regime"),
                rs.getBoolean("boundary_free"),
                rs.getBoolean("extension_used"),
                instant(rs, "submitted_at"),
                instant(rs, "received_at"),
                instant(rs, "original_due_at"),
                instant(rs, "due_at"),
                instant(rs, "finished_at"),
                rs.getLong("paused_seconds"),
                rs.getInt("supplement_requests"),
                rs.getString("assignee"),
                rating,
                rs.getBoolean("imported"),
                rs.getString("import_id"));
        return new StoredFact(
                fact,
                rs.getInt("pre_supplement_requests"),
                rs.getString("field_code"),
                Timeliness.valueOf(rs.getString("timeliness")),
                rs.getBoolean("on_time_766"),
                CountedJson.read(rs.getString("counted")),
                rs.getLong("updated_seq"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcTimestamps.fromColumn(rs.getObject(column, LocalDateTime.class));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
