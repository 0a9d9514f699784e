package vn.motcua.report.projection.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.projection.domain.ProjectionState;

/** projection_state, the projection's write lock, and the steps of a reset (see V2's comment on the table). */
@Singleton
public class ProjectionStateRepository {

    /**
     * Every table the projection writes, emptied by a reset: V1's daily_reception and unit_ancestor too, since they
     * are projections of the same feed.
     */
    public static final List<String> PROJECTION_TABLES = List.of(
            "daily_reception",
            "unit_ancestor",
            "unit_dim",
            "procedure_dim",
            "procedure_version_dim",
            "dossier_fact",
            "payment_fact",
            "digitization_fact",
            "certified_copy_fact",
            "feedback_fact",
            "stat_day",
            "stat_month",
            "i766_month",
            // issue 14: the work calendar's days off, for task deadlines (calendar.* events of the same feed)
            "task_calendar_day");

    private final JdbcOperations jdbc;

    public ProjectionStateRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the projection's write lock for the rest of the caller's transaction: writers of the projection apply one
     * at a time, so a dossier and its payment arriving on two feeds at once cannot each miss the other.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ProjectionState lock() {
        return read(" FOR UPDATE");
    }

    @Transactional(readOnly = true)
    public ProjectionState state() {
        return read("");
    }

    /** Step 1 of a rebuild, committed on its own: the next generation, with a reset and an import replay to do. */
    @Transactional
    public long beginReset(String requestedBy, String reason, Instant now) {
        try (PreparedStatement ps = jdbc.getConnection()
                .prepareStatement("UPDATE projection_state SET generation = generation + 1, resetting = TRUE,"
                        + " rebuilding = TRUE, started_at = ?, requested_by = ?, reason = ? WHERE id = 1")) {
            UtcTimestamps.bind(ps, 1, now);
            ps.setString(2, requestedBy);
            ps.setString(3, reason);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not start a rebuild", e);
        }
        return read("").generation();
    }

    /**
     * Step 2: empties one table (TRUNCATE: instant at any size; it commits by itself, which is why the flags, not a
     * transaction, make the reset safe).
     */
    @Transactional
    public void truncate(String table) {
        if (!PROJECTION_TABLES.contains(table) && !"feed_consumed".equals(table)) {
            throw new IllegalArgumentException(table + " is not a projection table");
        }
        execute("TRUNCATE TABLE " + table);
    }

    /**
     * Step 2: the feed positions of this service's consumer: its cursors go, so its followers replay from seq 0, and
     * its dedup log goes (feed_consumed holds nothing else in this database: report-service has no other consumer).
     */
    @Transactional
    public void dropFeedPositions(String consumer) {
        try (PreparedStatement ps =
                jdbc.getConnection().prepareStatement("DELETE FROM feed_cursor WHERE consumer = ?")) {
            ps.setString(1, consumer);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the feed cursors", e);
        }
        truncate("feed_consumed");
    }

    /** Step 3: the tables are empty again; writers may apply. */
    @Transactional
    public void resetDone() {
        execute("UPDATE projection_state SET resetting = FALSE WHERE id = 1");
    }

    /** Step 4 done for {@code generation} (a later rebuild, begun meanwhile, keeps its own flag). */
    @Transactional
    public void importsReplayed(long generation) {
        try (PreparedStatement ps = jdbc.getConnection()
                .prepareStatement(
                        "UPDATE projection_state SET rebuilding = FALSE WHERE id = 1 AND generation = ? AND NOT resetting")) {
            ps.setLong(1, generation);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the import replay", e);
        }
    }

    @Transactional(readOnly = true)
    public long count(String sql) {
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private ProjectionState read(String suffix) {
        try (PreparedStatement ps = jdbc.getConnection()
                        .prepareStatement("SELECT generation, resetting, rebuilding, started_at, requested_by, reason"
                                + " FROM projection_state WHERE id = 1" + suffix);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("projection_state has no row 1");
            }
            return new ProjectionState(
                    rs.getLong(1),
                    rs.getBoolean(2),
                    rs.getBoolean(3),
                    UtcTimestamps.fromColumn(rs.getObject(4, LocalDateTime.class)),
                    rs.getString(5),
                    rs.getString(6));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read projection_state", e);
        }
    }

    private void execute(String sql) {
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
