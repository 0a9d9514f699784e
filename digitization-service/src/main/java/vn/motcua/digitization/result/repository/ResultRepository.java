package vn.motcua.digitization.result.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import vn.motcua.digitization.result.domain.DossierResult;
import vn.motcua.platform.db.UtcTimestamps;

/** Table dossier_result: at most one result per dossier key. */
@Singleton
public class ResultRepository {

    private final JdbcOperations jdbc;

    public ResultRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the dossier's result. */
    public void save(DossierResult r) {
        jdbc.prepareStatement(
                "INSERT INTO dossier_result (dossier_key, document_id, document_version, attached_at, attached_by,"
                        + " valid_until, warehouse_item_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " document_id = VALUES(document_id), document_version = VALUES(document_version),"
                        + " attached_at = VALUES(attached_at), attached_by = VALUES(attached_by),"
                        + " valid_until = VALUES(valid_until), warehouse_item_id = VALUES(warehouse_item_id)",
                ps -> {
                    ps.setString(1, r.dossierKey());
                    ps.setString(2, r.documentId());
                    ps.setInt(3, r.documentVersion());
                    UtcTimestamps.bind(ps, 4, r.attachedAt());
                    ps.setString(5, r.attachedBy());
                    UtcTimestamps.bind(ps, 6, r.validUntil());
                    ps.setString(7, r.warehouseItemId());
                    return ps.executeUpdate();
                });
    }

    public Optional<DossierResult> find(String dossierKey) {
        return one("SELECT * FROM dossier_result WHERE dossier_key = ?", dossierKey);
    }

    /** Locks the row until the transaction ends. */
    public Optional<DossierResult> lock(String dossierKey) {
        return one("SELECT * FROM dossier_result WHERE dossier_key = ? FOR UPDATE", dossierKey);
    }

    public boolean referencesDocument(String dossierKey, String documentId) {
        return jdbc.prepareStatement("SELECT 1 FROM dossier_result WHERE dossier_key = ? AND document_id = ?", ps -> {
            ps.setString(1, dossierKey);
            ps.setString(2, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private Optional<DossierResult> one(String sql, String key) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    private static DossierResult map(ResultSet rs) throws SQLException {
        return new DossierResult(
                rs.getString("dossier_key"),
                rs.getString("document_id"),
                rs.getInt("document_version"),
                UtcTimestamps.read(rs, "attached_at"),
                rs.getString("attached_by"),
                UtcTimestamps.read(rs, "valid_until"),
                rs.getString("warehouse_item_id"));
    }
}
