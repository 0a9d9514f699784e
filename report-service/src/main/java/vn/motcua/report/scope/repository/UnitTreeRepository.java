package vn.motcua.report.scope.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.report.scope.service.UnitNode;

/** Reads the unit dimension (unit_dim) and its closure (unit_ancestor); the projection writes them. */
@Singleton
public class UnitTreeRepository {

    private final JdbcOperations jdbc;

    public UnitTreeRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Ancestors of a unit, itself included; empty when the unit is unknown. */
    @Transactional(readOnly = true)
    public Set<String> ancestorsOf(String unitCode) {
        return jdbc.prepareStatement("SELECT ancestor_code FROM unit_ancestor WHERE unit_code = ?", ps -> {
            ps.setString(1, unitCode);
            Set<String> ancestors = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ancestors.add(rs.getString(1));
                }
            }
            return ancestors;
        });
    }

    /** The unit, whether the unit feed named it or a dossier's unit_path only mentioned it. */
    @Transactional(readOnly = true)
    public Optional<UnitNode> find(String unitCode) {
        return jdbc.prepareStatement(
                "SELECT u.code, u.name, u.level, u.parent_code FROM unit_dim u WHERE u.code = ?", ps -> {
                    ps.setString(1, unitCode);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(
                                    new UnitNode(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), 0));
                        }
                    }
                    return ancestorsOf(unitCode).isEmpty()
                            ? Optional.empty()
                            : Optional.of(new UnitNode(unitCode, unitCode, 0, null, 0));
                });
    }

    /**
     * The root and every unit below it, parents before children, siblings by code. Names and parents come from
     * unit_dim where the unit feed gave them; a unit known only from a dossier's unit_path carries its code as name.
     */
    @Transactional(readOnly = true)
    public List<UnitNode> subtree(String rootCode) {
        List<UnitNode> rows = jdbc.prepareStatement(
                "SELECT a.unit_code, COALESCE(u.name, a.unit_code), COALESCE(u.level, 0), u.parent_code,"
                        + " (SELECT COUNT(*) FROM unit_ancestor x WHERE x.unit_code = a.unit_code) AS d"
                        + " FROM unit_ancestor a LEFT JOIN unit_dim u ON u.code = a.unit_code"
                        + " WHERE a.ancestor_code = ?",
                ps -> {
                    ps.setString(1, rootCode);
                    List<UnitNode> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new UnitNode(
                                    rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5)));
                        }
                    }
                    return found;
                });
        return UnitTrees.orderFrom(rootCode, rows);
    }
}
