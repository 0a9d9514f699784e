package vn.motcua.dossier.dossier.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.platform.db.UtcTimestamps;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Dossier rows, the per-agency daily code counter and the append-only history. Callers hold the transaction. */
@Singleton
public class DossierRepository {

    private final JdbcOperations jdbc;

    public DossierRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Next number of the day for an agency. The counter row stays locked until commit, so concurrent receptions
     * queue here and a number is never handed out twice; a rolled-back reception leaves no number in use.
     */
    public long nextSequence(String agencyCode, LocalDate day) {
        Connection c = jdbc.getConnection();
        try (PreparedStatement bump = c.prepareStatement("INSERT INTO dossier_code_counter (agency_code, day, last_no)"
                + " VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE last_no = last_no + 1")) {
            bump.setString(1, agencyCode);
            bump.setObject(2, day);
            bump.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not advance the dossier counter", e);
        }
        try (PreparedStatement read = c.prepareStatement(
                "SELECT last_no FROM dossier_code_counter WHERE agency_code = ? AND day = ?")) {
            read.setString(1, agencyCode);
            read.setObject(2, day);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dossier counter", e);
        }
    }

    public void insert(Dossier d, Instant now) {
        jdbc.prepareStatement("INSERT INTO dossier (code, procedure_code, procedure_version, procedure_name,"
                + " receiving_unit_code, competent_unit_code, handling_unit_code, state, channel, applicant_name,"
                + " applicant_citizen_id, applicant_phone, applicant_email, applicant_address, note, received_at,"
                + " original_due_at, due_at, finished_at, extension_used, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            int i = 1;
            ps.setString(i++, d.code());
            ps.setString(i++, d.procedureCode());
            ps.setInt(i++, d.procedureVersion());
            ps.setString(i++, d.procedureName());
            ps.setString(i++, d.receivingUnitCode());
            ps.setString(i++, d.competentUnitCode());
            ps.setString(i++, d.handlingUnitCode());
            ps.setString(i++, d.state().name());
            ps.setString(i++, d.channel().name());
            ps.setString(i++, d.applicant().fullName());
            ps.setString(i++, d.applicant().citizenId());
            ps.setString(i++, d.applicant().phone());
            ps.setString(i++, d.applicant().email());
            ps.setString(i++, d.applicant().address());
            ps.setString(i++, d.note());
            UtcTimestamps.bind(ps, i++, d.receivedAt());
            UtcTimestamps.bind(ps, i++, d.originalDueAt());
            UtcTimestamps.bind(ps, i++, d.dueAt());
            UtcTimestamps.bind(ps, i++, d.finishedAt());
            ps.setBoolean(i++, d.extensionUsed());
            UtcTimestamps.bind(ps, i++, now);
            UtcTimestamps.bind(ps, i, now);
            return ps.executeUpdate();
        });
    }

    public Optional<Dossier> findByCode(String code) {
        return jdbc.prepareStatement("SELECT * FROM dossier WHERE code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /** One line of the append-only history from which Forms 05 and 06 are produced. */
    public void appendHistory(HistoryEntry entry) {
        jdbc.prepareStatement("INSERT INTO dossier_history (dossier_code, event, from_state, to_state, actor_subject,"
                + " actor_username, actor_unit_code, actor_roles, reason, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?)", ps -> {
            ps.setString(1, entry.dossierCode());
            ps.setString(2, entry.event());
            ps.setString(3, entry.fromState());
            ps.setString(4, entry.toState());
            ps.setString(5, entry.actorSubject());
            ps.setString(6, entry.actorUsername());
            ps.setString(7, entry.actorUnitCode());
            ps.setString(8, entry.actorRoles());
            ps.setString(9, entry.reason());
            UtcTimestamps.bind(ps, 10, entry.occurredAt());
            return ps.executeUpdate();
        });
    }

    public record HistoryEntry(String dossierCode, String event, String fromState, String toState,
                               String actorSubject, String actorUsername, String actorUnitCode, String actorRoles,
                               String reason, Instant occurredAt) {
    }

    private static Dossier map(ResultSet rs) throws SQLException {
        return new Dossier(rs.getString("code"), rs.getString("procedure_code"), rs.getInt("procedure_version"),
                rs.getString("procedure_name"), rs.getString("receiving_unit_code"),
                rs.getString("competent_unit_code"), rs.getString("handling_unit_code"),
                DossierState.valueOf(rs.getString("state")), Channel.valueOf(rs.getString("channel")),
                new Applicant(rs.getString("applicant_name"), rs.getString("applicant_citizen_id"),
                        rs.getString("applicant_phone"), rs.getString("applicant_email"),
                        rs.getString("applicant_address")),
                rs.getString("note"), UtcTimestamps.read(rs, "received_at"),
                UtcTimestamps.read(rs, "original_due_at"), UtcTimestamps.read(rs, "due_at"),
                UtcTimestamps.read(rs, "finished_at"), rs.getBoolean("extension_used"));
    }
}
