package vn.motcua.digitization.dossierlink.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import vn.motcua.digitization.dossierlink.domain.DossierChannel;
import vn.motcua.digitization.dossierlink.domain.DossierStatus;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.platform.db.UtcTimestamps;

/** The local snapshot row of each dossier this service touched (table dossier_snapshot). */
@Singleton
public class DossierSnapshotRepository {

    private final JdbcOperations jdbc;

    public DossierSnapshotRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the snapshot as dossier-service just reported it. Inside a transaction the upsert holds the row's lock
     * until the end, so the commands on one dossier run one after the other (the component list is created once).
     */
    public void upsert(LinkedDossier d) {
        jdbc.prepareStatement(
                "INSERT INTO dossier_snapshot (dossier_key, code, receiving_unit_code, competent_unit_code,"
                        + " procedure_code, procedure_version, applicant_id, channel, status, refreshed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE code = VALUES(code),"
                        + " receiving_unit_code = VALUES(receiving_unit_code),"
                        + " competent_unit_code = VALUES(competent_unit_code), procedure_code = VALUES(procedure_code),"
                        + " procedure_version = VALUES(procedure_version), applicant_id = VALUES(applicant_id),"
                        + " channel = VALUES(channel), status = VALUES(status), refreshed_at = VALUES(refreshed_at)",
                ps -> {
                    ps.setString(1, d.key());
                    ps.setString(2, d.code());
                    ps.setString(3, d.receivingUnitCode());
                    ps.setString(4, d.competentUnitCode());
                    ps.setString(5, d.procedureCode());
                    ps.setInt(6, d.procedureVersion());
                    ps.setString(7, d.applicantId());
                    ps.setString(8, d.channel().name());
                    ps.setString(9, d.status().name());
                    UtcTimestamps.bind(ps, 10, d.refreshedAt());
                    return ps.executeUpdate();
                });
    }

    /**
     * What dossier-service's change feed says about a dossier already known here (code and state); a dossier this
     * service never touched gets no row.
     *
     * @return whether a row was updated
     */
    public boolean refreshFromFeed(String key, String code, DossierStatus status, Instant at) {
        return jdbc.prepareStatement(
                        "UPDATE dossier_snapshot SET code = ?, status = ?, refreshed_at = ? WHERE dossier_key = ?"
                                + " AND refreshed_at <= ?",
                        ps -> {
                            ps.setString(1, code);
                            ps.setString(2, status.name());
                            UtcTimestamps.bind(ps, 3, at);
                            ps.setString(4, key);
                            UtcTimestamps.bind(ps, 5, at);
                            return ps.executeUpdate();
                        })
                > 0;
    }

    public Optional<LinkedDossier> find(String key) {
        return jdbc.prepareStatement("SELECT * FROM dossier_snapshot WHERE dossier_key = ?", ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    private static LinkedDossier map(ResultSet rs) throws SQLException {
        return new LinkedDossier(
                rs.getString("dossier_key"),
                rs.getString("code"),
                rs.getString("receiving_unit_code"),
                rs.getString("competent_unit_code"),
                rs.getString("procedure_code"),
                rs.getInt("procedure_version"),
                rs.getString("applicant_id"),
                DossierChannel.parse(rs.getString("channel")),
                DossierStatus.parse(rs.getString("status")),
                UtcTimestamps.read(rs, "refreshed_at"));
    }
}
