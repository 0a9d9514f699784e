package vn.motcua.digitization.warehouse.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.digitization.warehouse.domain.WarehouseItemKind;
import vn.motcua.platform.db.UtcTimestamps;

/** Table warehouse_item. */
@Singleton
public class WarehouseRepository {

    private final JdbcOperations jdbc;

    public WarehouseRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WarehouseItem i) {
        jdbc.prepareStatement(
                "INSERT INTO warehouse_item (id, owner_id, kind, title, document_id, document_version, source_ref,"
                        + " dossier_key, dossier_code, procedure_code, unit_code, certificate_number, valid_from,"
                        + " valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, i.id());
                    ps.setString(2, i.ownerId());
                    ps.setString(3, i.kind().name());
                    ps.setString(4, i.title());
                    ps.setString(5, i.documentId());
                    ps.setInt(6, i.documentVersion());
                    ps.setString(7, i.sourceRef());
                    ps.setString(8, i.dossierKey());
                    ps.setString(9, i.dossierCode());
                    ps.setString(10, i.procedureCode());
                    ps.setString(11, i.unitCode());
                    ps.setString(12, i.certificateNumber());
                    UtcTimestamps.bind(ps, 13, i.validFrom());
                    UtcTimestamps.bind(ps, 14, i.validUntil());
                    UtcTimestamps.bind(ps, 15, i.createdAt());
                    return ps.executeUpdate();
                });
    }

    public Optional<WarehouseItem> find(String id) {
        return one("SELECT * FROM warehouse_item WHERE id = ?", id);
    }

    public Optional<WarehouseItem> bySource(String sourceRef) {
        return one("SELECT * FROM warehouse_item WHERE source_ref = ?", sourceRef);
    }

    /** Whether any item of this owner holds the document. */
    public boolean ownerHoldsDocument(String ownerId, String documentId) {
        return jdbc.prepareStatement(
                "SELECT 1 FROM warehouse_item WHERE owner_id = ? AND document_id = ? LIMIT 1", ps -> {
                    ps.setString(1, ownerId);
                    ps.setString(2, documentId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /**
     * An owner's items, newest first, after the keyset position (both null on the first page), at most
     * {@code limit}.
     *
     * @param validAt non-null: only items valid at that instant
     */
    public List<WarehouseItem> page(String ownerId, Instant validAt, Instant afterAt, String afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM warehouse_item WHERE owner_id = ?");
        if (validAt != null) {
            sql.append(" AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)");
        }
        if (afterAt != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            int p = 1;
            ps.setString(p++, ownerId);
            if (validAt != null) {
                UtcTimestamps.bind(ps, p++, validAt);
                UtcTimestamps.bind(ps, p++, validAt);
            }
            if (afterAt != null) {
                UtcTimestamps.bind(ps, p++, afterAt);
                UtcTimestamps.bind(ps, p++, afterAt);
                ps.setString(p++, afterId);
            }
            ps.setInt(p, limit);
            return list(ps);
        });
    }

    private Optional<WarehouseItem> one(String sql, String key) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, key);
            List<WarehouseItem> items = list(ps);
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
        });
    }

    private static List<WarehouseItem> list(PreparedStatement ps) throws SQLException {
        List<WarehouseItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static WarehouseItem map(ResultSet rs) throws SQLException {
        return new WarehouseItem(
                rs.getString("id"),
                rs.getString("owner_id"),
                WarehouseItemKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("document_id"),
                rs.getInt("document_version"),
                rs.getString("source_ref"),
                rs.getString("dossier_key"),
                rs.getString("dossier_code"),
                rs.getString("procedure_code"),
                rs.getString("unit_code"),
                rs.getString("certificate_number"),
                UtcTimestamps.read(rs, "valid_from"),
                UtcTimestamps.read(rs, "valid_until"),
                UtcTimestamps.read(rs, "created_at"));
    }
}
