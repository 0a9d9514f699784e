package vn.motcua.dossier.dossier.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierCode;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Dossier rows, the per-agency daily code counter and the append-only history. Callers hold the transaction.
 * Lists (inbox, own dossiers, sweep candidates) are in {@link DossierListRepository}.
 */
@Singleton
public class DossierRepository {

    /** The storage key is the submission reference of a dossier numbered later, so both columns identify it. */
    private static final String BY_IDENTIFIER = "SELECT * FROM dossier WHERE code = ? OR legal_code = ?";

    private final JdbcOperations jdbc;

    public DossierRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the agency's counter row for the day if it is missing. Call it in a transaction of its own, before
     * the reception's: two receptions that both create the first row of a day inside their business transactions
     * (INSERT ... ON DUPLICATE KEY UPDATE on a missing key) both take the gap lock and then deadlock on each
     * other's insert intention in InnoDB, and one of them fails. With the row already there, the reception only
     * updates an existing row.
     */
    public void openCounter(String agencyCode, LocalDate day) {
        try (PreparedStatement open = jdbc.getConnection()
                .prepareStatement(
                        "INSERT IGNORE INTO dossier_code_counter (agency_code, day, last_no) VALUES (?, ?, 0)")) {
            open.setString(1, agencyCode);
            open.setObject(2, day);
            open.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the dossier counter", e);
        }
    }

    /**
     * Next number of the day for an agency, or empty when the day's counter row does not exist yet (then
     * {@link #openCounter} and ask again). The row stays locked until commit, so a number is never handed out twice.
     * Call it in a short transaction of its own, committed before the reception's (ADR 0006): the row is then locked
     * only for that transaction, and a reception that fails afterwards leaves its number unused (an allowed gap),
     * never reused.
     */
    public OptionalLong nextSequence(String agencyCode, LocalDate day) {
        Connection c = jdbc.getConnection();
        try (PreparedStatement bump = c.prepareStatement(
                "UPDATE dossier_code_counter SET last_no = last_no + 1 WHERE agency_code = ? AND day = ?")) {
            bump.setString(1, agencyCode);
            bump.setObject(2, day);
            if (bump.executeUpdate() != 1) {
                return OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not advance the dossier counter", e);
        }
        try (PreparedStatement read =
                c.prepareStatement("SELECT last_no FROM dossier_code_counter WHERE agency_code = ? AND day = ?")) {
            read.setString(1, agencyCode);
            read.setObject(2, day);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return OptionalLong.of(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dossier counter", e);
        }
    }

    /**
     * The legal code {@code <agency>-YYMMDD-NNNN} for the next dossier of the agency on that local day; empty until
     * {@link #openCounter} has created the day's counter.
     */
    public Optional<String> allocateCode(String agencyCode, LocalDate day) {
        OptionalLong next = nextSequence(agencyCode, day);
        return next.isPresent() ? Optional.of(DossierCode.format(agencyCode, day, next.getAsLong())) : Optional.empty();
    }

    /**
     * @param submittedAt online submission time (T1); null for counter and postal receptions
     */
    public void insert(Dossier d, Instant submittedAt, Instant now) {
        jdbc.prepareStatement(
                "INSERT INTO dossier (code, procedure_code, procedure_version, procedure_name,"
                        + " receiving_unit_code, competent_unit_code, handling_unit_code, state, channel, applicant_name,"
                        + " applicant_citizen_id, applicant_phone, applicant_email, applicant_address, note, received_at,"
                        + " original_due_at, due_at, finished_at, extension_used, created_at, updated_at, submitted_at, lookup_key,"
                        + " legal_regime, legal_code, submission_reference)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
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
                    UtcTimestamps.bind(ps, i++, now);
                    UtcTimestamps.bind(ps, i++, submittedAt);
                    ps.setString(i++, d.lookupKey());
                    ps.setString(i++, d.regime().name());
                    ps.setString(i++, d.legalCode());
                    ps.setString(i, d.submissionReference());
                    return ps.executeUpdate();
                });
    }

    /** The dossier with what the workflow needs besides the domain record (optimistic version, submission). */
    public Optional<StoredDossier> findStored(String code) {
        return jdbc.prepareStatement(BY_IDENTIFIER, ps -> {
            ps.setString(1, code);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredDossier(
                                map(rs), rs.getLong("row_version"), UtcTimestamps.read(rs, "submitted_at")))
                        : Optional.empty();
            }
        });
    }

    /**
     * Writes the state a transition produced, if nobody changed the dossier since it was read.
     *
     * @param returnChannel     set on return (T16), else null (kept as is)
     * @param dueMoved          the due time moved (acceptance, supplement, extension): the sweep must announce
     *                          the next crossing again
     * @return false when the row was changed concurrently (state or version differ): nothing was written
     */
    public boolean update(
            Dossier d,
            DossierState expectedState,
            long expectedVersion,
            Channel returnChannel,
            boolean dueMoved,
            Instant now) {
        return jdbc.prepareStatement(
                "UPDATE dossier SET state = ?, handling_unit_code = ?, received_at = ?,"
                        + " original_due_at = ?, due_at = ?, finished_at = ?, extension_used = ?,"
                        + " return_channel = COALESCE(?, return_channel), legal_code = COALESCE(?, legal_code),"
                        + " announced_deadline_state = CASE WHEN ? THEN 'IN_TIME' ELSE announced_deadline_state END,"
                        + " row_version = row_version + 1, updated_at = ?"
                        + " WHERE code = ? AND state = ? AND row_version = ?",
                ps -> {
                    int i = 1;
                    ps.setString(i++, d.state().name());
                    ps.setString(i++, d.handlingUnitCode());
                    UtcTimestamps.bind(ps, i++, d.receivedAt());
                    UtcTimestamps.bind(ps, i++, d.originalDueAt());
                    UtcTimestamps.bind(ps, i++, d.dueAt());
                    UtcTimestamps.bind(ps, i++, d.finishedAt());
                    ps.setBoolean(i++, d.extensionUsed());
                    ps.setString(i++, returnChannel == null ? null : returnChannel.name());
                    ps.setString(i++, d.legalCode());
                    ps.setBoolean(i++, dueMoved);
                    UtcTimestamps.bind(ps, i++, now);
                    ps.setString(i++, d.code());
                    ps.setString(i++, expectedState.name());
                    ps.setLong(i, expectedVersion);
                    return ps.executeUpdate() == 1;
                });
    }

    /**
     * Records that the sweep announced a deadline state, if the dossier is still as the sweep read it. Does not bump
     * the version: the sweep must not make an officer's concurrent transition fail.
     *
     * @return false when another sweep (another replica) got there first, or a transition changed the dossier
     */
    public boolean markAnnounced(String code, long expectedVersion, DeadlineState expected, DeadlineState announced) {
        return jdbc.prepareStatement(
                "UPDATE dossier SET announced_deadline_state = ? WHERE code = ?"
                        + " AND row_version = ? AND announced_deadline_state = ?",
                ps -> {
                    ps.setString(1, announced.name());
                    ps.setString(2, code);
                    ps.setLong(3, expectedVersion);
                    ps.setString(4, expected.name());
                    return ps.executeUpdate() == 1;
                });
    }

    /**
     * The dossier a client names, by its legal code or by the submission reference it had before acceptance (a
     * citizen's bookmark keeps working after the code changes).
     */
    public Optional<Dossier> findByCode(String code) {
        return jdbc.prepareStatement(BY_IDENTIFIER, ps -> {
            ps.setString(1, code);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /** The dossier a request created or changed the first time, answered again to a replay of that request. */
    public Dossier replayed(String code) {
        return findByCode(code).orElseThrow(() -> new IllegalStateException("replayed dossier missing"));
    }

    /** One line of the append-only history from which Forms 05 and 06 are produced. */
    public void appendHistory(HistoryEntry entry) {
        jdbc.prepareStatement(
                "INSERT INTO dossier_history (dossier_code, event, from_state, to_state, actor_subject,"
                        + " actor_username, actor_unit_code, actor_roles, reason, occurred_at, step_target, step_due_at,"
                        + " due_at, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
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
                    ps.setString(11, entry.stepTarget());
                    UtcTimestamps.bind(ps, 12, entry.stepDueAt());
                    UtcTimestamps.bind(ps, 13, entry.dueAt());
                    ps.setString(14, entry.actorName());
                    return ps.executeUpdate();
                });
    }

    /** The history of a dossier, oldest first. */
    public List<HistoryEntry> history(String code) {
        return jdbc.prepareStatement("SELECT * FROM dossier_history WHERE dossier_code = ? ORDER BY id", ps -> {
            ps.setString(1, code);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(
                            rs.getString("dossier_code"),
                            rs.getString("event"),
                            rs.getString("from_state"),
                            rs.getString("to_state"),
                            rs.getString("actor_subject"),
                            rs.getString("actor_username"),
                            rs.getString("actor_unit_code"),
                            rs.getString("actor_roles"),
                            rs.getString("reason"),
                            UtcTimestamps.read(rs, "occurred_at"),
                            rs.getString("step_target"),
                            UtcTimestamps.read(rs, "step_due_at"),
                            UtcTimestamps.read(rs, "due_at"),
                            rs.getString("actor_name")));
                }
            }
            return entries;
        });
    }

    /**
     * @param fromState  null for the event that created the dossier
     * @param stepTarget assignee username, consulted/next unit code or return channel; null when none
     * @param stepDueAt  the step's own deadline (consultations); null when none
     * @param dueAt      the dossier's due time in force after the event; null before acceptance
     * @param actorName  the actor's name from the token (family then given name); null when it carried none
     */
    public record HistoryEntry(
            String dossierCode,
            String event,
            String fromState,
            String toState,
            String actorSubject,
            String actorUsername,
            String actorUnitCode,
            String actorRoles,
            String reason,
            Instant occurredAt,
            String stepTarget,
            Instant stepDueAt,
            Instant dueAt,
            String actorName) {

        /** A line without the actor's name (service accounts, lines from before names were kept). */
        public HistoryEntry(
                String dossierCode,
                String event,
                String fromState,
                String toState,
                String actorSubject,
                String actorUsername,
                String actorUnitCode,
                String actorRoles,
                String reason,
                Instant occurredAt,
                String stepTarget,
                Instant stepDueAt,
                Instant dueAt) {
            this(
                    dossierCode,
                    event,
                    fromState,
                    toState,
                    actorSubject,
                    actorUsername,
                    actorUnitCode,
                    actorRoles,
                    reason,
                    occurredAt,
                    stepTarget,
                    stepDueAt,
                    dueAt,
                    null);
        }
    }

    /**
     * @param version     optimistic version, bumped by every transition
     * @param submittedAt online submission time; null for counter and postal dossiers
     */
    public record StoredDossier(Dossier dossier, long version, Instant submittedAt) {}

    static Dossier map(ResultSet rs) throws SQLException {
        return Dossier.builder()
                .code(rs.getString("code"))
                .procedure(
                        rs.getString("procedure_code"), rs.getInt("procedure_version"), rs.getString("procedure_name"))
                .receivingUnitCode(rs.getString("receiving_unit_code"))
                .competentUnitCode(rs.getString("competent_unit_code"))
                .handlingUnitCode(rs.getString("handling_unit_code"))
                .state(DossierState.valueOf(rs.getString("state")))
                .channel(Channel.valueOf(rs.getString("channel")))
                .applicant(new Applicant(
                        rs.getString("applicant_name"),
                        rs.getString("applicant_citizen_id"),
                        rs.getString("applicant_phone"),
                        rs.getString("applicant_email"),
                        rs.getString("applicant_address")))
                .note(rs.getString("note"))
                .receivedAt(UtcTimestamps.read(rs, "received_at"))
                .originalDueAt(UtcTimestamps.read(rs, "original_due_at"))
                .dueAt(UtcTimestamps.read(rs, "due_at"))
                .finishedAt(UtcTimestamps.read(rs, "finished_at"))
                .extensionUsed(rs.getBoolean("extension_used"))
                .revision(rs.getLong("row_version"))
                .lookupKey(rs.getString("lookup_key"))
                .regime(LegalRegime.valueOf(rs.getString("legal_regime")))
                .legalCode(rs.getString("legal_code"))
                .submissionReference(rs.getString("submission_reference"))
                .build();
    }
}
