package vn.motcua.digitization.certified.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.digitization.certified.domain.CertifiedCopy;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * The certification registers (certified_copy) and their per-unit yearly counters (certified_copy_counter).
 * {@link #nextSeq} locks the counter row until the certifying transaction ends: two certifications of one unit and
 * year take numbers one after the other, and a rolled-back one gives its number back (payment-service's receipt
 * series works the same way).
 */
@Singleton
public class CertifiedCopyRepository {

    private final JdbcOperations jdbc;

    public CertifiedCopyRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the unit's register for the year, starting at 1; MariaDB, MySQL and H2 accept it. */
    public long nextSeq(String unitCode, int year) {
        jdbc.prepareStatement(
                "INSERT INTO certified_copy_counter (unit_code, register_year, last_seq) VALUES (?, ?, 1)"
                        + " ON DUPLICATE KEY UPDATE last_seq = last_seq + 1",
                ps -> {
                    ps.setString(1, unitCode);
                    ps.setInt(2, year);
                    return ps.executeUpdate();
                });
        return jdbc.prepareStatement(
                "SELECT last_seq FROM certified_copy_counter WHERE unit_code = ? AND register_year = ?", ps -> {
                    ps.setString(1, unitCode);
                    ps.setInt(2, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    public void insert(CertifiedCopy c) {
        jdbc.prepareStatement(
                "INSERT INTO certified_copy (certificate_number, unit_code, register_year, seq, title, document_id,"
                        + " document_version, owner_id, warehouse_item_id, certified_at, certified_by, valid_until)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, c.certificateNumber());
                    ps.setString(2, c.unitCode());
                    ps.setInt(3, c.year());
                    ps.setLong(4, c.seq());
                    ps.setString(5, c.title());
                    ps.setString(6, c.documentId());
                    ps.setInt(7, c.documentVersion());
                    ps.setString(8, c.ownerId());
                    ps.setString(9, c.warehouseItemId());
                    UtcTimestamps.bind(ps, 10, c.certifiedAt());
                    ps.setString(11, c.certifiedBy());
                    UtcTimestamps.bind(ps, 12, c.validUntil());
                    return ps.executeUpdate();
                });
    }

    public Optional<CertifiedCopy> find(String number) {
        return jdbc.prepareStatement("SELECT * FROM certified_copy WHERE certificate_number = ?", ps -> {
            ps.setString(1, number);
            List<CertifiedCopy> found = list(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /** The unit's register, newest first, after the keyset position (both null on the first page). */
    public List<CertifiedCopy> page(String unitCode, Instant afterAt, String afterNumber, int limit) {
        String sql = "SELECT * FROM certified_copy WHERE unit_code = ?"
                + (afterAt == null ? "" : " AND (certified_at < ? OR (certified_at = ? AND certificate_number < ?))")
                + " ORDER BY certified_at DESC, certificate_number DESC LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int p = 1;
            ps.setString(p++, unitCode);
            if (afterAt != null) {
                UtcTimestamps.bind(ps, p++, afterAt);
                UtcTimestamps.bind(ps, p++, afterAt);
                ps.setString(p++, afterNumber);
            }
            ps.setInt(p, limit);
            return list(ps);
        });
    }

    private static List<CertifiedCopy> list(PreparedStatement ps) throws SQLException {
        List<CertifiedCopy> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CertifiedCopy(
                        rs.getString("certificate_number"),
                        rs.getString("unit_code"),
                        rs.getInt("register_year"),
                        rs.getLong("seq"),
                        rs.getString("title"),
                        rs.getString("document_id"),
                        rs.getInt("document_version"),
                        rs.getString("owner_id"),
                        rs.getString("warehouse_item_id"),
                        UtcTimestamps.read(rs, "certified_at"),
                        rs.getString("certified_by"),
                        UtcTimestamps.read(rs, "valid_until")));
            }
        }
        return out;
    }
}
