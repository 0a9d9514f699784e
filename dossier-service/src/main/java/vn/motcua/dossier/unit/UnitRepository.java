package vn.motcua.dossier.unit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
public class UnitRepository {

    private final JdbcOperations jdbc;

    public UnitRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<AdminUnit> findAll() {
        return jdbc.prepareStatement("SELECT code, name, level, parent_code, agency_code, valid_from, valid_to"
                + " FROM admin_unit ORDER BY code", ps -> {
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
        return jdbc.prepareStatement("SELECT code, name, level, parent_code, agency_code, valid_from, valid_to"
                + " FROM admin_unit WHERE code = ?", ps -> {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    private static AdminUnit map(ResultSet rs) throws SQLException {
        Date validTo = rs.getDate("valid_to");
        return new AdminUnit(rs.getString("code"), rs.getString("name"), UnitLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"), rs.getString("agency_code"), rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate());
    }

}
