package vn.motcua.dossier.dossier.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.platform.idempotency.IdempotencyRepository;

/** Raw citizen ratings, one per dossier (the primary key enforces "once"). Callers hold the transaction. */
@Singleton
public class RatingRepository {

    private final JdbcOperations jdbc;

    public RatingRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the dossier was already rated */
    public boolean insert(Rating r) {
        try {
            return jdbc.prepareStatement(
                    "INSERT INTO dossier_rating (dossier_code, rater_subject, time_score,"
                            + " contacts_score, agencies_score, attitude_score, satisfied, comment, rated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, r.dossierCode());
                        ps.setString(2, r.raterSubject());
                        ps.setInt(3, r.timeScore());
                        ps.setInt(4, r.contactsScore());
                        ps.setInt(5, r.agenciesScore());
                        ps.setInt(6, r.attitudeScore());
                        ps.setBoolean(7, r.satisfied());
                        ps.setString(8, r.comment());
                        UtcTimestamps.bind(ps, 9, r.ratedAt());
                        return ps.executeUpdate() == 1;
                    });
        } catch (RuntimeException e) {
            if (IdempotencyRepository.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Decree 61 Art 31 criteria, each 1 (poor) to 5 (good), 0 = not answered. */
    public record Rating(
            String dossierCode,
            String raterSubject,
            int timeScore,
            int contactsScore,
            int agenciesScore,
            int attitudeScore,
            boolean satisfied,
            String comment,
            Instant ratedAt) {}
}
