package vn.motcua.digitization.feed.service;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import vn.motcua.digitization.feed.domain.DossierFlags;

/**
 * Reads the dossier-wide flags of an event from the component and result tables, inside the writing transaction
 * (after the change, so the event describes the dossier as committed with it). It reads the tables of the component
 * and result slices so that neither has to know the other.
 */
@Singleton
public class DossierFlagsRepository {

    private final JdbcOperations jdbc;

    public DossierFlagsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public DossierFlags of(String dossierKey) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*) AS total,"
                        + " COALESCE(SUM(CASE WHEN state IN ('CONFIRMED', 'EXEMPT') THEN 1 ELSE 0 END), 0) AS done,"
                        + " COALESCE(SUM(CASE WHEN reused THEN 1 ELSE 0 END), 0) AS reused,"
                        + " COALESCE(SUM(CASE WHEN from_warehouse THEN 1 ELSE 0 END), 0) AS from_warehouse,"
                        + " (SELECT COUNT(*) FROM dossier_result r WHERE r.dossier_key = ?) AS results,"
                        + " (SELECT COUNT(*) FROM dossier_result r WHERE r.dossier_key = ?"
                        + " AND r.warehouse_item_id IS NOT NULL) AS results_in_warehouse"
                        + " FROM dossier_component WHERE dossier_key = ?",
                ps -> {
                    ps.setString(1, dossierKey);
                    ps.setString(2, dossierKey);
                    ps.setString(3, dossierKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long total = rs.getLong("total");
                        return new DossierFlags(
                                total > 0 && rs.getLong("done") == total,
                                rs.getLong("results") > 0,
                                rs.getLong("reused") > 0,
                                rs.getLong("from_warehouse") > 0 || rs.getLong("results_in_warehouse") > 0);
                    }
                });
    }
}
