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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.projection.domain.DossierLinks;
import vn.motcua.report.projection.domain.ProjectionChange;

/**
 * The rows other feeds keep about dossiers (payment_fact, digitization_fact, feedback_fact) and certified copies;
 * {@link #linksOf} reduces a dossier's rows to the flags its counters need. Runs in the projection writer's
 * transaction (reads lock, see {@link FactRepository}).
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class LinkRepository {

    private final JdbcOperations jdbc;

    public LinkRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    private static final String UPSERT_PAYMENT = "INSERT INTO payment_fact (payment_id, dossier_code, unit_code,"
            + " procedure_code, status, channel, amount, refunded, created_at, paid_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE dossier_code = VALUES(dossier_code), unit_code = VALUES(unit_code),"
            + " procedure_code = VALUES(procedure_code), status = VALUES(status), channel = VALUES(channel),"
            + " amount = VALUES(amount), refunded = VALUES(refunded), created_at = VALUES(created_at),"
            + " paid_at = VALUES(paid_at)";

    private static final String UPSERT_DIGITIZATION = "INSERT INTO digitization_fact (dossier_code,"
            + " components_complete, result_electronic, reuses_data, linked_to_warehouse, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE components_complete = VALUES(components_complete),"
            + " result_electronic = VALUES(result_electronic), reuses_data = VALUES(reuses_data),"
            + " linked_to_warehouse = VALUES(linked_to_warehouse), updated_at = VALUES(updated_at)";

    /**
     * The last state of each payment of a run, in one batch per statement kind: a value writes the row, a key mapped
     * to null deletes it (an imported dossier without a financial obligation any more).
     */
    public void writePayments(Map<String, ProjectionChange.Payment> last) {
        if (last.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection().prepareStatement(UPSERT_PAYMENT);
                PreparedStatement delete =
                        connection().prepareStatement("DELETE FROM payment_fact WHERE payment_id = ?")) {
            int upserts = 0;
            int deletes = 0;
            for (Map.Entry<String, ProjectionChange.Payment> e : last.entrySet()) {
                ProjectionChange.Payment p = e.getValue();
                if (p == null) {
                    delete.setString(1, e.getKey());
                    delete.addBatch();
                    deletes++;
                    continue;
                }
                upsert.setString(1, p.paymentId());
                upsert.setString(2, nz(p.dossierCode()));
                upsert.setString(3, nz(p.unitCode()));
                upsert.setString(4, nz(p.procedureCode()));
                upsert.setString(5, nz(p.status()));
                upsert.setString(6, p.channel());
                upsert.setLong(7, p.amount());
                upsert.setLong(8, p.refunded());
                UtcTimestamps.bind(upsert, 9, p.createdAt());
                UtcTimestamps.bind(upsert, 10, p.paidAt());
                upsert.addBatch();
                upserts++;
            }
            if (upserts > 0) {
                upsert.executeBatch();
            }
            if (deletes > 0) {
                delete.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write payment_fact", e);
        }
    }

    /** The last digitization flags of each dossier of a run, in one batch. */
    public void writeDigitization(Map<String, ProjectionChange.Digitization> last) {
        if (last.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection().prepareStatement(UPSERT_DIGITIZATION)) {
            for (ProjectionChange.Digitization d : last.values()) {
                ps.setString(1, d.dossierCode());
                ps.setBoolean(2, d.componentsComplete());
                ps.setBoolean(3, d.resultElectronic());
                ps.setBoolean(4, d.reusesData());
                ps.setBoolean(5, d.linkedToWarehouse());
                UtcTimestamps.bind(ps, 6, d.updatedAt());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write digitization_fact", e);
        }
    }

    public void upsertCertifiedCopy(ProjectionChange.CertifiedCopy c) {
        update(
                "INSERT INTO certified_copy_fact (certificate_number, unit_code, certified_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE unit_code = VALUES(unit_code), certified_at = VALUES(certified_at)",
                ps -> {
                    ps.setString(1, c.certificateNumber());
                    ps.setString(2, nz(c.unitCode()));
                    UtcTimestamps.bind(ps, 3, c.certifiedAt());
                });
    }

    /** @return the dossier the feedback named before this change (null if none or new) */
    public String upsertFeedback(ProjectionChange.Feedback f) {
        String previous = null;
        try (PreparedStatement ps = connection()
                .prepareStatement("SELECT dossier_code FROM feedback_fact WHERE feedback_id = ? FOR UPDATE")) {
            ps.setString(1, f.feedbackId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read feedback " + f.feedbackId(), e);
        }
        update(
                "INSERT INTO feedback_fact (feedback_id, unit_code, dossier_code, state, classification,"
                        + " about_regulation, received_at, answered_at, handled_in_time, dissatisfied, repeated)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)"
                        + " ON DUPLICATE KEY UPDATE unit_code = VALUES(unit_code), dossier_code = VALUES(dossier_code),"
                        + " state = VALUES(state), classification = VALUES(classification),"
                        + " about_regulation = VALUES(about_regulation), received_at = VALUES(received_at),"
                        + " answered_at = VALUES(answered_at), handled_in_time = VALUES(handled_in_time),"
                        + " dissatisfied = VALUES(dissatisfied)",
                ps -> {
                    ps.setString(1, f.feedbackId());
                    ps.setString(2, nz(f.unitCode()));
                    ps.setString(3, f.dossierCode());
                    ps.setString(4, nz(f.state()));
                    ps.setString(5, f.classification());
                    setBoolean(ps, 6, f.aboutRegulation());
                    UtcTimestamps.bind(ps, 7, f.receivedAt());
                    UtcTimestamps.bind(ps, 8, f.answeredAt());
                    setBoolean(ps, 9, f.handledInTime());
                    ps.setBoolean(10, f.dissatisfied());
                });
        return previous;
    }

    /** The flags of each dossier code (codes without any row map to {@link DossierLinks#NONE}). */
    public Map<String, DossierLinks> linksOf(Collection<String> codes) {
        Map<String, boolean[]> flags = new HashMap<>();
        for (List<String> chunk : InLists.chunks(codes)) {
            String in = " IN (" + InLists.marks(chunk.size()) + ")";
            query(
                    "SELECT dossier_code, status, channel, paid_at FROM payment_fact WHERE dossier_code" + in
                            + " FOR UPDATE",
                    chunk,
                    rs -> {
                        boolean[] f = flags.computeIfAbsent(rs.getString(1), k -> new boolean[7]);
                        f[0] |= !"CANCELLED".equals(rs.getString(2));
                        f[1] |= "ONLINE".equals(rs.getString(3)) && rs.getObject(4) != null;
                    });
            query(
                    "SELECT dossier_code, components_complete, result_electronic, reuses_data, linked_to_warehouse"
                            + " FROM digitization_fact WHERE dossier_code" + in + " FOR UPDATE",
                    chunk,
                    rs -> {
                        boolean[] f = flags.computeIfAbsent(rs.getString(1), k -> new boolean[7]);
                        f[2] = rs.getBoolean(2);
                        f[3] = rs.getBoolean(3);
                        f[4] = rs.getBoolean(4);
                        f[5] = rs.getBoolean(5);
                    });
            query(
                    "SELECT dossier_code FROM feedback_fact WHERE dossier_code" + in + " FOR UPDATE",
                    chunk,
                    rs -> flags.computeIfAbsent(rs.getString(1), k -> new boolean[7])[6] = true);
        }
        Map<String, DossierLinks> links = new HashMap<>();
        flags.forEach((code, f) -> links.put(code, new DossierLinks(f[0], f[1], f[2], f[3], f[4], f[5], f[6])));
        return links;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write: " + sql, e);
        }
    }

    private void query(String sql, List<String> keys, RowReader reader) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read: " + sql, e);
        }
    }

    private Connection connection() {
        return jdbc.getConnection();
    }

    private static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
