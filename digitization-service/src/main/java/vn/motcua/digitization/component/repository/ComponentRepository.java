package vn.motcua.digitization.component.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.digitization.component.domain.ComponentSource;
import vn.motcua.digitization.component.domain.ComponentState;
import vn.motcua.digitization.component.domain.DossierComponent;
import vn.motcua.digitization.component.domain.ExemptionReason;
import vn.motcua.platform.db.UtcTimestamps;

/** Table dossier_component: one row per (dossier key, component number). */
@Singleton
public class ComponentRepository {

    private static final String COLUMNS =
            "dossier_key, component_number, name, present_only, state, source, exemption_reason,"
                    + " from_warehouse, reused, document_id, document_version, warehouse_item_id, qr_payload, note,"
                    + " checked_by, checked_at, confirmed_by, confirmed_at, updated_at";

    private final JdbcOperations jdbc;

    public ComponentRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DossierComponent c) {
        jdbc.prepareStatement(
                "INSERT INTO dossier_component (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?)",
                ps -> {
                    bind(ps, c);
                    return ps.executeUpdate();
                });
    }

    public void update(DossierComponent c) {
        jdbc.prepareStatement(
                "UPDATE dossier_component SET name = ?, present_only = ?, state = ?, source = ?,"
                        + " exemption_reason = ?, from_warehouse = ?, reused = ?, document_id = ?,"
                        + " document_version = ?, warehouse_item_id = ?, qr_payload = ?, note = ?, checked_by = ?,"
                        + " checked_at = ?, confirmed_by = ?, confirmed_at = ?, updated_at = ?"
                        + " WHERE dossier_key = ? AND component_number = ?",
                ps -> {
                    ps.setString(1, c.name());
                    ps.setBoolean(2, c.presentOnly());
                    ps.setString(3, c.state().name());
                    ps.setString(4, c.source() == null ? null : c.source().name());
                    ps.setString(
                            5,
                            c.exemptionReason() == null
                                    ? null
                                    : c.exemptionReason().name());
                    ps.setBoolean(6, c.fromWarehouse());
                    ps.setBoolean(7, c.reused());
                    ps.setString(8, c.documentId());
                    ps.setInt(9, c.documentVersion());
                    ps.setString(10, c.warehouseItemId());
                    ps.setString(11, c.qrPayload());
                    ps.setString(12, c.note());
                    ps.setString(13, c.checkedBy());
                    UtcTimestamps.bind(ps, 14, c.checkedAt());
                    ps.setString(15, c.confirmedBy());
                    UtcTimestamps.bind(ps, 16, c.confirmedAt());
                    UtcTimestamps.bind(ps, 17, c.updatedAt());
                    ps.setString(18, c.dossierKey());
                    ps.setInt(19, c.number());
                    return ps.executeUpdate();
                });
    }

    public List<DossierComponent> ofDossier(String dossierKey) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM dossier_component WHERE dossier_key = ? ORDER BY component_number", ps -> {
                    ps.setString(1, dossierKey);
                    return list(ps);
                });
    }

    /** Locks the row until the transaction ends. */
    public Optional<DossierComponent> lock(String dossierKey, int number) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS
                        + " FROM dossier_component WHERE dossier_key = ? AND component_number = ? FOR UPDATE",
                ps -> {
                    ps.setString(1, dossierKey);
                    ps.setInt(2, number);
                    List<DossierComponent> found = list(ps);
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                });
    }

    /** The dossier keys whose components point at the document (any version). */
    public List<String> dossiersReferencing(String documentId) {
        return jdbc.prepareStatement(
                "SELECT DISTINCT dossier_key FROM dossier_component WHERE document_id = ? ORDER BY dossier_key", ps -> {
                    ps.setString(1, documentId);
                    List<String> keys = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            keys.add(rs.getString(1));
                        }
                    }
                    return keys;
                });
    }

    private static void bind(PreparedStatement ps, DossierComponent c) throws SQLException {
        ps.setString(1, c.dossierKey());
        ps.setInt(2, c.number());
        ps.setString(3, c.name());
        ps.setBoolean(4, c.presentOnly());
        ps.setString(5, c.state().name());
        ps.setString(6, c.source() == null ? null : c.source().name());
        ps.setString(7, c.exemptionReason() == null ? null : c.exemptionReason().name());
        ps.setBoolean(8, c.fromWarehouse());
        ps.setBoolean(9, c.reused());
        ps.setString(10, c.documentId());
        ps.setInt(11, c.documentVersion());
        ps.setString(12, c.warehouseItemId());
        ps.setString(13, c.qrPayload());
        ps.setString(14, c.note());
        ps.setString(15, c.checkedBy());
        UtcTimestamps.bind(ps, 16, c.checkedAt());
        ps.setString(17, c.confirmedBy());
        UtcTimestamps.bind(ps, 18, c.confirmedAt());
        UtcTimestamps.bind(ps, 19, c.updatedAt());
    }

    private static List<DossierComponent> list(PreparedStatement ps) throws SQLException {
        List<DossierComponent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String source = rs.getString("source");
                String reason = rs.getString("exemption_reason");
                out.add(new DossierComponent(
                        rs.getString("dossier_key"),
                        rs.getInt("component_number"),
                        rs.getString("name"),
                        rs.getBoolean("present_only"),
                        ComponentState.valueOf(rs.getString("state")),
                        source == null ? null : ComponentSource.valueOf(source),
                        reason == null ? null : ExemptionReason.valueOf(reason),
                        rs.getBoolean("from_warehouse"),
                        rs.getBoolean("reused"),
                        rs.getString("document_id"),
                        rs.getInt("document_version"),
                        rs.getString("warehouse_item_id"),
                        rs.getString("qr_payload"),
                        rs.getString("note"),
                        rs.getString("checked_by"),
                        UtcTimestamps.read(rs, "checked_at"),
                        rs.getString("confirmed_by"),
                        UtcTimestamps.read(rs, "confirmed_at"),
                        UtcTimestamps.read(rs, "updated_at")));
            }
        }
        return out;
    }
}
