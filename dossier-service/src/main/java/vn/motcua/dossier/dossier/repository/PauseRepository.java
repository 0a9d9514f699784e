package vn.motcua.dossier.dossier.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Stretches during which the processing clock stood still (supplement requested → supplement received). Kept after
 * the legal restart of the time limit so that the Decision 766 reading (pause subtracted) can be computed later.
 * Callers hold the transaction.
 */
@Singleton
public class PauseRepository {

    /** Waiting for the applicant's supplement during processing (T8–T9). */
    public static final String SUPPLEMENT = "SUPPLEMENT";
    /**
     * Waiting for the applicant to meet a financial obligation (T12), opened only where the procedure version says
     * that this time does not count (land procedures).
     */
    public static final String FINANCIAL_OBLIGATION = "FINANCIAL_OBLIGATION";

    private final JdbcOperations jdbc;

    public PauseRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void open(String dossierCode, String kind, Instant startedAt, String reason) {
        jdbc.prepareStatement(
                "INSERT INTO dossier_pause (dossier_code, kind, started_at, reason)" + " VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, dossierCode);
                    ps.setString(2, kind);
                    UtcTimestamps.bind(ps, 3, startedAt);
                    ps.setString(4, reason);
                    return ps.executeUpdate();
                });
    }

    /** Ends every open pause of the dossier (the supplement arrived, or the dossier ended while waiting). */
    public void closeOpen(String dossierCode, Instant endedAt) {
        jdbc.prepareStatement(
                "UPDATE dossier_pause SET ended_at = ? WHERE dossier_code = ? AND ended_at IS NULL", ps -> {
                    UtcTimestamps.bind(ps, 1, endedAt);
                    ps.setString(2, dossierCode);
                    return ps.executeUpdate();
                });
    }

    /** When the dossier's open pause of this kind began; null when none is open. */
    public Instant openSince(String dossierCode, String kind) {
        return jdbc.prepareStatement(
                "SELECT MIN(started_at) AS started_at FROM dossier_pause"
                        + " WHERE dossier_code = ? AND kind = ? AND ended_at IS NULL",
                ps -> {
                    ps.setString(1, dossierCode);
                    ps.setString(2, kind);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? UtcTimestamps.read(rs, "started_at") : null;
                    }
                });
    }

    /** Oldest first; the last one may still be open ({@code endedAt} null). */
    public List<StoredPause> forDossier(String dossierCode) {
        return jdbc.prepareStatement(
                "SELECT kind, started_at, ended_at FROM dossier_pause WHERE dossier_code = ?"
                        + " ORDER BY started_at, id",
                ps -> {
                    ps.setString(1, dossierCode);
                    List<StoredPause> pauses = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            pauses.add(new StoredPause(
                                    rs.getString("kind"),
                                    UtcTimestamps.read(rs, "started_at"),
                                    UtcTimestamps.read(rs, "ended_at")));
                        }
                    }
                    return pauses;
                });
    }

    /** @param endedAt null while the pause lasts */
    public record StoredPause(String kind, Instant startedAt, Instant endedAt) {}
}
