package vn.motcua.dossier.unit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
public class UnitRepository {

    private static final String COLUMNS =
            "code, name, level, parent_code, agency_code, valid_from, valid_to," + " successor_code";

    private final JdbcOperations jdbc;

    public UnitRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<AdminUnit> findAll() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM admin_unit ORDER BY code", ps -> {
            List<AdminUnit> units = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(map(rs));
                }
            }
            return units;
        });
    }

    @Transactional(readOnly = true)
    public Optional<AdminUnit> findByCode(String code) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM admin_unit WHERE code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /**
     * Every unit, the rows locked until the transaction ends: a unit change is checked against the whole tree
     * (codes taken, parent open, children open), and two administrators changing it at once must not both pass.
     */
    public List<AdminUnit> lockAll() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM admin_unit ORDER BY code FOR UPDATE", ps -> {
            List<AdminUnit> units = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(map(rs));
                }
            }
            return units;
        });
    }

    public void insert(AdminUnit u) {
        jdbc.prepareStatement("INSERT INTO admin_unit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, u.code());
            ps.setString(2, u.name());
            ps.setString(3, u.level().name());
            ps.setString(4, u.parentCode());
            ps.setString(5, u.agencyCode());
            ps.setDate(6, Date.valueOf(u.validFrom()));
            ps.setDate(7, u.validTo() == null ? null : Date.valueOf(u.validTo()));
            ps.setString(8, u.successorCode());
            return ps.executeUpdate();
        });
    }

    public void rename(String code, String name) {
        jdbc.prepareStatement("UPDATE admin_unit SET name = ? WHERE code = ?", ps -> {
            ps.setString(1, name);
            ps.setString(2, code);
            return ps.executeUpdate();
        });
    }

    /** Ends an open unit; false when it was already closed. */
    public boolean close(String code, LocalDate validTo, String successorCode) {
        return jdbc.prepareStatement(
                "UPDATE admin_unit SET valid_to = ?, successor_code = ?" + " WHERE code = ? AND valid_to IS NULL",
                ps -> {
                    ps.setDate(1, Date.valueOf(validTo));
                    ps.setString(2, successorCode);
                    ps.setString(3, code);
                    return ps.executeUpdate() == 1;
                });
    }

    private static AdminUnit map(ResultSet rs) throws SQLException {
        Date validTo = rs.getDate("valid_to");
        return new AdminUnit(
                rs.getString("code"),
                rs.getString("name"),
                UnitLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getString("agency_code"),
                rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate(),
                rs.getString("successor_code"));
    }
}
