package vn.motcua.dossier.dossier.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.platform.db.UtcTimestamps;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/** Lists of dossiers: an officer's inbox, a citizen's own dossiers and the deadline sweep's candidates. */
@Singleton
public class DossierListRepository {

    /** Sort key of dossiers without a due time (not yet accepted): after every real one. */
    private static final String DUE_KEY = "COALESCE(due_at, TIMESTAMP '9999-12-31 00:00:00')";
    public static final Instant NO_DUE_KEY = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcOperations jdbc;

    public DossierListRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Which column ties a dossier to the officer's units, and in which states it waits on them. */
    public enum UnitColumn {
        RECEIVING("receiving_unit_code"), HANDLING("handling_unit_code");

        private final String column;

        UnitColumn(String column) {
            this.column = column;
        }
    }

    /** Dossiers in {@code states} whose {@code column} unit is one of the officer's units. */
    public record Waiting(UnitColumn column, Collection<DossierState> states) {
    }

    /**
     * Dossiers matching any of {@code waiting} within {@code unitCodes}, most urgent first (due time, then code;
     * dossiers without a due time last), after the keyset position ({@code afterDue}, {@code afterCode}).
     *
     * @param afterDue null for the first page; {@link #NO_DUE_KEY} for positions among dossiers without due time
     */
    @Transactional(readOnly = true)
    public List<Dossier> inbox(Collection<Waiting> waiting, Collection<String> unitCodes, Instant afterDue,
                               String afterCode, int limit) {
        if (waiting.isEmpty() || unitCodes.isEmpty()) {
            return List.of();
        }
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        List<Binder> binders = new ArrayList<>();
        for (Waiting w : waiting) {
            any.add("(" + w.column().column + " IN " + marks(unitCodes.size()) + " AND state IN "
                    + marks(w.states().size()) + ")");
            unitCodes.forEach(code -> binders.add((ps, i) -> ps.setString(i, code)));
            w.states().forEach(s -> binders.add((ps, i) -> ps.setString(i, s.name())));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM dossier WHERE ").append(any);
        if (afterDue != null) {
            sql.append(" AND (" + DUE_KEY + " > ? OR (" + DUE_KEY + " = ? AND code > ?))");
            binders.add((ps, i) -> UtcTimestamps.bind(ps, i, afterDue));
            binders.add((ps, i) -> UtcTimestamps.bind(ps, i, afterDue));
            binders.add((ps, i) -> ps.setString(i, afterCode));
        }
        sql.append(" ORDER BY " + DUE_KEY + ", code LIMIT ?");
        binders.add((ps, i) -> ps.setInt(i, limit));
        return query(sql.toString(), binders);
    }

    /** A citizen's own dossiers, newest first, after the keyset position (creation time, code). */
    @Transactional(readOnly = true)
    public List<Dossier> ownedBy(String citizenId, Instant afterCreated, String afterCode, int limit) {
        List<Binder> binders = new ArrayList<>();
        binders.add((ps, i) -> ps.setString(i, citizenId));
        StringBuilder sql = new StringBuilder("SELECT * FROM dossier WHERE applicant_citizen_id = ?");
        if (afterCreated != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND code < ?))");
            binders.add((ps, i) -> UtcTimestamps.bind(ps, i, afterCreated));
            binders.add((ps, i) -> UtcTimestamps.bind(ps, i, afterCreated));
            binders.add((ps, i) -> ps.setString(i, afterCode));
        }
        sql.append(" ORDER BY created_at DESC, code DESC LIMIT ?");
        binders.add((ps, i) -> ps.setInt(i, limit));
        return query(sql.toString(), binders);
    }

    /** Creation time of a dossier, the keyset of {@link #ownedBy}. */
    @Transactional(readOnly = true)
    public Instant createdAt(String code) {
        return jdbc.prepareStatement("SELECT created_at FROM dossier WHERE code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? UtcTimestamps.read(rs, "created_at") : null;
            }
        });
    }

    /**
     * Dossiers whose clock runs in {@code states}, due at or before {@code dueUntil} and not yet announced OVERDUE,
     * in code order after {@code afterCode}.
     */
    @Transactional(readOnly = true)
    public List<SweepCandidate> sweepCandidates(Collection<DossierState> states, Instant dueUntil, String afterCode,
                                                int limit) {
        List<Binder> binders = new ArrayList<>();
        states.forEach(s -> binders.add((ps, i) -> ps.setString(i, s.name())));
        binders.add((ps, i) -> UtcTimestamps.bind(ps, i, dueUntil));
        binders.add((ps, i) -> ps.setString(i, afterCode));
        binders.add((ps, i) -> ps.setInt(i, limit));
        String sql = "SELECT * FROM dossier WHERE state IN " + marks(states.size()) + " AND due_at IS NOT NULL"
                + " AND due_at <= ? AND announced_deadline_state <> 'OVERDUE' AND code > ? ORDER BY code LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, binders);
            List<SweepCandidate> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new SweepCandidate(DossierRepository.map(rs), rs.getLong("row_version"),
                            DeadlineState.valueOf(rs.getString("announced_deadline_state"))));
                }
            }
            return result;
        });
    }

    /** A dossier the sweep looks at, with its optimistic version and the deadline state last announced for it. */
    public record SweepCandidate(Dossier dossier, long version, DeadlineState announced) {
    }

    /** Dossiers received at a unit's desk in [from, until), in reception order: the rows of the tracking register. */
    @Transactional(readOnly = true)
    public List<Dossier> receivedAt(String unitCode, Instant from, Instant until, int limit) {
        List<Binder> binders = new ArrayList<>();
        binders.add((ps, i) -> ps.setString(i, unitCode));
        binders.add((ps, i) -> UtcTimestamps.bind(ps, i, from));
        binders.add((ps, i) -> UtcTimestamps.bind(ps, i, until));
        binders.add((ps, i) -> ps.setInt(i, limit));
        return query("SELECT * FROM dossier WHERE receiving_unit_code = ? AND received_at >= ? AND received_at < ?"
                + " ORDER BY received_at, code LIMIT ?", binders);
    }

    /** How many dossiers a unit's desk received in [from, until): where the register's numbering continues. */
    @Transactional(readOnly = true)
    public long countReceivedAt(String unitCode, Instant from, Instant until) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM dossier WHERE receiving_unit_code = ? AND received_at >= ?"
                + " AND received_at < ?", ps -> {
            ps.setString(1, unitCode);
            UtcTimestamps.bind(ps, 2, from);
            UtcTimestamps.bind(ps, 3, until);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<Dossier> query(String sql, List<Binder> binders) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, binders);
            List<Dossier> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(DossierRepository.map(rs));
                }
            }
            return result;
        });
    }

    private static void bind(PreparedStatement ps, List<Binder> binders) throws SQLException {
        for (int i = 0; i < binders.size(); i++) {
            binders.get(i).bind(ps, i + 1);
        }
    }

    private static String marks(int n) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < n; i++) {
            j.add("?");
        }
        return j.toString();
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }
}
