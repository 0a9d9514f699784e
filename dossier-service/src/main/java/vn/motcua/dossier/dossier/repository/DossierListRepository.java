package vn.motcua.dossier.dossier.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.platform.db.UtcTimestamps;

/** Lists of dossiers: an officer's inbox, a citizen's own dossiers and the deadline sweep's candidates. */
@Singleton
public class DossierListRepository {

    private final JdbcOperations jdbc;

    public DossierListRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Which column ties a dossier to the officer's units, and in which states it waits on them. */
    public enum UnitColumn {
        RECEIVING("receiving_unit_code"),
        HANDLING("handling_unit_code");

        private final String column;

        UnitColumn(String column) {
            this.column = column;
        }
    }

    /** Dossiers in {@code states} whose {@code column} unit is one of the officer's units. */
    public record Waiting(UnitColumn column, Collection<DossierState> states) {}

    /**
     * A listed dossier with the key it sorted by (the sort time, or the order's null key): its page position.
     *
     * @param clockPaused a pause is open (a financial obligation whose time does not count, or a supplement)
     */
    public record Listed(Dossier dossier, Instant key, boolean clockPaused) {}

    /** What an officer typed or picked to narrow the inbox; {@link #NONE} narrows nothing. */
    public record InboxFilter(String search, boolean awaitingApproval) {

        public static final InboxFilter NONE = new InboxFilter("", false);

        public InboxFilter {
            search = search == null ? "" : search.strip();
        }
    }

    /**
     * Dossiers matching any of {@code waiting} within {@code unitCodes}, in {@code order}, after the keyset position
     * ({@code afterKey}, {@code afterCode}).
     *
     * @param afterKey null for the first page
     */
    @Transactional(readOnly = true)
    public List<Listed> inbox(
            Collection<Waiting> waiting,
            Collection<String> unitCodes,
            ListOrder order,
            Instant afterKey,
            String afterCode,
            int limit) {
        return inbox(waiting, unitCodes, InboxFilter.NONE, order, afterKey, afterCode, limit);
    }

    /** As {@link #inbox(Collection, Collection, ListOrder, Instant, String, int)}, narrowed by {@code filter}. */
    @Transactional(readOnly = true)
    public List<Listed> inbox(
            Collection<Waiting> waiting,
            Collection<String> unitCodes,
            InboxFilter filter,
            ListOrder order,
            Instant afterKey,
            String afterCode,
            int limit) {
        if (waiting.isEmpty() || unitCodes.isEmpty()) {
            return List.of();
        }
        List<Binder> binders = new ArrayList<>();
        StringBuilder where = inboxWhere(waiting, unitCodes, filter, binders);
        return listed(where, binders, order, afterKey, afterCode, limit);
    }

    /** How many dossiers {@link #inbox} lists over all its pages. */
    @Transactional(readOnly = true)
    public long countInbox(Collection<Waiting> waiting, Collection<String> unitCodes, InboxFilter filter) {
        if (waiting.isEmpty() || unitCodes.isEmpty()) {
            return 0;
        }
        List<Binder> binders = new ArrayList<>();
        StringBuilder where = inboxWhere(waiting, unitCodes, filter, binders);
        return jdbc.prepareStatement("SELECT COUNT(*) FROM dossier d WHERE (" + where + ")", ps -> {
            bind(ps, binders);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static StringBuilder inboxWhere(
            Collection<Waiting> waiting, Collection<String> unitCodes, InboxFilter filter, List<Binder> binders) {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (Waiting w : waiting) {
            any.add("(" + w.column().column + " IN " + marks(unitCodes.size()) + " AND state IN "
                    + marks(w.states().size()) + ")");
            unitCodes.forEach(code -> binders.add((ps, i) -> ps.setString(i, code)));
            w.states().forEach(s -> binders.add((ps, i) -> ps.setString(i, s.name())));
        }
        StringBuilder where = new StringBuilder(any.toString());
        if (!filter.search().isEmpty()) {
            String text = filter.search();
            String like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" AND (d.code LIKE ? OR d.applicant_citizen_id = ? OR d.applicant_name LIKE ?)");
            binders.add((ps, i) -> ps.setString(i, like + "%"));
            binders.add((ps, i) -> ps.setString(i, text));
            binders.add((ps, i) -> ps.setString(i, "%" + like + "%"));
        }
        if (filter.awaitingApproval()) {
            // the latest line of the history is the specialist's draft going up: the leader has not decided yet
            where.append(" AND (SELECT h.event FROM dossier_history h WHERE h.dossier_code = d.code"
                    + " ORDER BY h.id DESC LIMIT 1) = 'SUBMIT_FOR_APPROVAL'");
        }
        return where;
    }

    /**
     * A citizen's own dossiers in {@code states} (empty: all), in {@code order}, after the keyset position
     * ({@code afterKey}, {@code afterCode}).
     */
    @Transactional(readOnly = true)
    public List<Listed> ownedBy(
            String citizenId,
            Collection<DossierState> states,
            ListOrder order,
            Instant afterKey,
            String afterCode,
            int limit) {
        List<Binder> binders = new ArrayList<>();
        binders.add((ps, i) -> ps.setString(i, citizenId));
        StringBuilder where = new StringBuilder("applicant_citizen_id = ?");
        if (!states.isEmpty()) {
            where.append(" AND state IN ").append(marks(states.size()));
            states.forEach(s -> binders.add((ps, i) -> ps.setString(i, s.name())));
        }
        return listed(where, binders, order, afterKey, afterCode, limit);
    }

    private List<Listed> listed(
            StringBuilder where, List<Binder> binders, ListOrder order, Instant afterKey, String afterCode, int limit) {
        StringBuilder sql = new StringBuilder("SELECT d.*, ")
                .append(order.keySql())
                .append(" AS list_key, EXISTS (SELECT 1 FROM dossier_pause p WHERE p.dossier_code = d.code")
                .append(" AND p.ended_at IS NULL) AS clock_paused FROM dossier d WHERE (")
                .append(where)
                .append(")");
        if (afterKey != null) {
            sql.append(" AND ").append(order.afterSql());
            binders.add((ps, i) -> UtcTimestamps.bind(ps, i, afterKey));
            binders.add((ps, i) -> UtcTimestamps.bind(ps, i, afterKey));
            binders.add((ps, i) -> ps.setString(i, afterCode));
        }
        sql.append(" ORDER BY ").append(order.orderBySql()).append(" LIMIT ?");
        binders.add((ps, i) -> ps.setInt(i, limit));
        return jdbc.prepareStatement(sql.toString(), ps -> {
            bind(ps, binders);
            List<Listed> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Listed(
                            DossierRepository.map(rs),
                            UtcTimestamps.read(rs, "list_key"),
                            rs.getBoolean("clock_paused")));
                }
            }
            return result;
        });
    }

    /**
     * Dossiers whose clock runs in {@code states} (no open pause), due at or before {@code dueUntil} and not yet announced OVERDUE,
     * in code order after {@code afterCode}.
     */
    @Transactional(readOnly = true)
    public List<SweepCandidate> sweepCandidates(
            Collection<DossierState> states, Instant dueUntil, String afterCode, int limit) {
        List<Binder> binders = new ArrayList<>();
        states.forEach(s -> binders.add((ps, i) -> ps.setString(i, s.name())));
        binders.add((ps, i) -> UtcTimestamps.bind(ps, i, dueUntil));
        binders.add((ps, i) -> ps.setString(i, afterCode));
        binders.add((ps, i) -> ps.setInt(i, limit));
        // a dossier whose clock is paused (a financial obligation whose time does not count) is not swept
        String sql = "SELECT * FROM dossier d WHERE state IN " + marks(states.size()) + " AND due_at IS NOT NULL"
                + " AND due_at <= ? AND announced_deadline_state <> 'OVERDUE' AND code > ?"
                + " AND NOT EXISTS (SELECT 1 FROM dossier_pause p WHERE p.dossier_code = d.code AND p.ended_at IS NULL)"
                + " ORDER BY code LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, binders);
            List<SweepCandidate> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new SweepCandidate(
                            DossierRepository.map(rs),
                            rs.getLong("row_version"),
                            DeadlineState.valueOf(rs.getString("announced_deadline_state"))));
                }
            }
            return result;
        });
    }

    /** A dossier the sweep looks at, with its optimistic version and the deadline state last announced for it. */
    public record SweepCandidate(Dossier dossier, long version, DeadlineState announced) {}

    /** Dossiers received at a unit's desk in [from, until), in reception order: the rows of the tracking register. */
    @Transactional(readOnly = true)
    public List<Dossier> receivedAt(String unitCode, Instant from, Instant until, int limit) {
        List<Binder> binders = new ArrayList<>();
        binders.add((ps, i) -> ps.setString(i, unitCode));
        binders.add((ps, i) -> UtcTimestamps.bind(ps, i, from));
        binders.add((ps, i) -> UtcTimestamps.bind(ps, i, until));
        binders.add((ps, i) -> ps.setInt(i, limit));
        return query(
                "SELECT * FROM dossier WHERE receiving_unit_code = ? AND received_at >= ? AND received_at < ?"
                        + " ORDER BY received_at, code LIMIT ?",
                binders);
    }

    /** How many dossiers a unit's desk received in [from, until): where the register's numbering continues. */
    @Transactional(readOnly = true)
    public long countReceivedAt(String unitCode, Instant from, Instant until) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*) FROM dossier WHERE receiving_unit_code = ? AND received_at >= ?"
                        + " AND received_at < ?",
                ps -> {
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
