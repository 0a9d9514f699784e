package vn.motcua.report.projection.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.report.projection.domain.ProcedureInfo;
import vn.motcua.report.projection.domain.ProjectionChange;

/**
 * The unit dimension (unit_dim and its closure unit_ancestor: one row per unit and ancestor, itself included) and
 * the procedure dimension (procedure_dim, procedure_version_dim). The closure always follows unit_dim's parents: a
 * unit first seen on a dossier's unit_path gets a placeholder (name = code, level 0, parent from the path), and a
 * later unit.created with another parent moves it and everything below it.
 * <p>
 * Every read locks (FOR UPDATE): the writer's transaction may have taken its snapshot before it got the projection
 * lock (MariaDB's REPEATABLE READ), and only a locking read is sure to see what the writer before it committed.
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class DimensionRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DimensionRepository.class);

    private final JdbcOperations jdbc;

    public DimensionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code codes} that unit_dim holds. */
    public Set<String> existingUnits(Collection<String> codes) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : InLists.chunks(codes)) {
            try (PreparedStatement ps = connection()
                    .prepareStatement(
                            "SELECT code FROM unit_dim WHERE code IN (" + InLists.marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read unit_dim", e);
            }
        }
        return found;
    }

    /**
     * A unit known only from a path: name = code, level 0, under {@code parentCode} (null: a root), with its closure
     * rows. The parent must exist already. Nothing happens when the unit exists.
     */
    public void insertPlaceholder(String code, String parentCode) {
        if (parentOf(code).isPresent()) {
            return;
        }
        try (PreparedStatement ps = connection()
                .prepareStatement("INSERT INTO unit_dim (code, name, level, parent_code) VALUES (?, ?, 0, ?)")) {
            ps.setString(1, code);
            ps.setString(2, code);
            ps.setString(3, parentCode);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert unit " + code, e);
        }
        insertClosure(code, parentCode);
    }

    /** unit.created: the unit's attributes, and its place under the parent (moved there if it was elsewhere). */
    public void created(ProjectionChange.UnitCreated u) {
        String parent = blankToNull(u.parentCode());
        if (parent != null && parent.equals(u.code())) {
            parent = null;
        }
        if (parent != null) {
            ensureUnit(parent);
        }
        Optional<Optional<String>> existing = parentOf(u.code());
        if (existing.isEmpty()) {
            execute(
                    "INSERT INTO unit_dim (code, name, level, parent_code, agency_code, valid_from)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    u.code(),
                    u.name(),
                    u.level(),
                    parent,
                    blankToNull(u.agencyCode()),
                    u.validFrom());
            insertClosure(u.code(), parent);
            return;
        }
        String before = existing.get().orElse(null);
        if (parent != null && descendantsOf(u.code()).contains(parent)) {
            LOG.warn("unit.created puts {} under its own descendant {}: parent left at {}", u.code(), parent, before);
            parent = before;
        }
        execute(
                "UPDATE unit_dim SET name = ?, level = ?, parent_code = ?, agency_code = ?, valid_from = ?"
                        + " WHERE code = ?",
                u.name(),
                u.level(),
                parent,
                blankToNull(u.agencyCode()),
                u.validFrom(),
                u.code());
        if (!java.util.Objects.equals(before, parent)) {
            move(u.code(), parent);
        }
    }

    public void renamed(ProjectionChange.UnitRenamed u) {
        ensureUnit(u.code());
        execute("UPDATE unit_dim SET name = ? WHERE code = ?", u.name(), u.code());
    }

    public void closed(ProjectionChange.UnitClosed u) {
        ensureUnit(u.code());
        execute(
                "UPDATE unit_dim SET valid_to = ?, successor_code = ? WHERE code = ?",
                u.validTo(),
                blankToNull(u.successorCode()),
                u.code());
    }

    public void merged(ProjectionChange.UnitsMerged u) {
        ensureUnit(u.code());
        for (String source : u.sourceCodes()) {
            if (!source.equals(u.code())) {
                ensureUnit(source);
                execute("UPDATE unit_dim SET successor_code = ? WHERE code = ?", u.code(), source);
            }
        }
    }

    /** procedure.published: the latest version per code, and the version itself. */
    public void published(ProjectionChange.ProcedurePublished p) {
        execute(
                "INSERT INTO procedure_version_dim (code, version, field_code, requires_paper_result)"
                        + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE field_code = VALUES(field_code),"
                        + " requires_paper_result = VALUES(requires_paper_result)",
                p.code(),
                p.version(),
                nz(p.fieldCode()),
                p.requiresPaperResult());
        // an older version published late (a correction) does not replace the latest
        execute(
                "INSERT INTO procedure_dim (code, version, name, field_code, level, online_level, requires_paper_result,"
                        + " withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)"
                        + " ON DUPLICATE KEY UPDATE name = CASE WHEN VALUES(version) >= version THEN VALUES(name)"
                        + " ELSE name END, field_code = CASE WHEN VALUES(version) >= version THEN VALUES(field_code)"
                        + " ELSE field_code END, level = CASE WHEN VALUES(version) >= version THEN VALUES(level)"
                        + " ELSE level END, online_level = CASE WHEN VALUES(version) >= version"
                        + " THEN VALUES(online_level) ELSE online_level END, requires_paper_result = CASE WHEN"
                        + " VALUES(version) >= version THEN VALUES(requires_paper_result) ELSE requires_paper_result"
                        + " END, withdrawn = CASE WHEN VALUES(version) >= version THEN FALSE ELSE withdrawn END,"
                        + " version = CASE WHEN VALUES(version) >= version THEN VALUES(version) ELSE version END",
                p.code(),
                p.version(),
                nz(p.name()),
                nz(p.fieldCode()),
                p.level(),
                p.onlineLevel(),
                p.requiresPaperResult());
    }

    /** procedure.withdrawn: marks the latest version withdrawn when it is the one withdrawn. */
    public void withdrawn(ProjectionChange.ProcedureWithdrawn p) {
        execute("UPDATE procedure_dim SET withdrawn = TRUE WHERE code = ? AND version = ?", p.code(), p.version());
    }

    /**
     * The procedure facts of each (code, version) asked: the version's own, else the latest version's, else
     * {@link ProcedureInfo#UNKNOWN}. Keyed by {@link #procedureKey}.
     */
    public Map<String, ProcedureInfo> procedures(Collection<String> codes) {
        Map<String, ProcedureInfo> found = new HashMap<>();
        for (List<String> chunk : InLists.chunks(codes)) {
            String in = " IN (" + InLists.marks(chunk.size()) + ")";
            query(
                    "SELECT code, version, field_code, requires_paper_result FROM procedure_version_dim WHERE code"
                            + in,
                    chunk,
                    rs -> found.put(
                            procedureKey(rs.getString(1), rs.getInt(2)),
                            new ProcedureInfo(rs.getString(3), rs.getBoolean(4))));
            query(
                    "SELECT code, field_code, requires_paper_result FROM procedure_dim WHERE code" + in + " FOR UPDATE",
                    chunk,
                    rs -> found.put(rs.getString(1), new ProcedureInfo(rs.getString(2), rs.getBoolean(3))));
        }
        return found;
    }

    /** The key of a version in {@link #procedures}'s answer; the code alone is the latest version's key. */
    public static String procedureKey(String code, int version) {
        return code + "#" + version;
    }

    /** Makes sure a unit named by an event exists (a root placeholder when unknown). */
    private void ensureUnit(String code) {
        insertPlaceholder(code, null);
    }

    /** Empty when the unit is unknown; else its parent (empty for a root). */
    private Optional<Optional<String>> parentOf(String code) {
        try (PreparedStatement ps =
                connection().prepareStatement("SELECT parent_code FROM unit_dim WHERE code = ? FOR UPDATE")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read unit " + code, e);
        }
    }

    /** The unit itself, and every ancestor of its parent. */
    private void insertClosure(String code, String parentCode) {
        execute("INSERT INTO unit_ancestor (unit_code, ancestor_code) VALUES (?, ?)", code, code);
        if (parentCode != null) {
            execute(
                    "INSERT INTO unit_ancestor (unit_code, ancestor_code) SELECT ?, ancestor_code FROM unit_ancestor"
                            + " WHERE unit_code = ?",
                    code,
                    parentCode);
        }
    }

    /** The unit and everything below it. */
    private Set<String> descendantsOf(String code) {
        Set<String> descendants = new LinkedHashSet<>();
        query(
                "SELECT unit_code FROM unit_ancestor WHERE ancestor_code = ? FOR UPDATE",
                List.of(code),
                rs -> descendants.add(rs.getString(1)));
        return descendants;
    }

    private Set<String> ancestorsOf(String code) {
        Set<String> ancestors = new LinkedHashSet<>();
        query(
                "SELECT ancestor_code FROM unit_ancestor WHERE unit_code = ? FOR UPDATE",
                List.of(code),
                rs -> ancestors.add(rs.getString(1)));
        return ancestors;
    }

    /** Moves a unit and its subtree under {@code newParent} (null: becomes a root), closure included. */
    private void move(String code, String newParent) {
        Set<String> subtree = descendantsOf(code);
        Set<String> oldAbove = ancestorsOf(code);
        oldAbove.remove(code);
        List<String> newAbove = newParent == null ? List.of() : new ArrayList<>(ancestorsOf(newParent));
        try (PreparedStatement delete = connection()
                        .prepareStatement("DELETE FROM unit_ancestor WHERE unit_code = ? AND ancestor_code = ?");
                PreparedStatement insert = connection()
                        .prepareStatement("INSERT INTO unit_ancestor (unit_code, ancestor_code) VALUES (?, ?)")) {
            for (String unit : subtree) {
                for (String ancestor : oldAbove) {
                    delete.setString(1, unit);
                    delete.setString(2, ancestor);
                    delete.addBatch();
                }
                for (String ancestor : newAbove) {
                    insert.setString(1, unit);
                    insert.setString(2, ancestor);
                    insert.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not move unit " + code + " under " + newParent, e);
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<String> keys, RowReader reader) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                ps.setString(i + 1, keys.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read: " + sql, e);
        }
    }

    private void execute(String sql, Object... args) {
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else if (a instanceof LocalDate d) {
                    ps.setObject(i + 1, d);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write: " + sql, e);
        }
    }

    private Connection connection() {
        return jdbc.getConnection();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
