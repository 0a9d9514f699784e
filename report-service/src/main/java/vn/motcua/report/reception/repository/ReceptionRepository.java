package vn.motcua.report.reception.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.motcua.report.reception.domain.DailyReceptionCount;

/**
 * Explicit SQL for the reception projection. Only statements that H2 (MODE=MySQL) and MySQL/MariaDB both run:
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} rather than {@code INSERT IGNORE}, which on MySQL also swallows data
 * errors such as truncation.
 */
@Singleton
public class ReceptionRepository {

    private final JdbcOperations jdbc;

    public ReceptionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the counts (unit, day, receptions). MANDATORY: it must share the feed consumer's transaction (dedup record
     * and cursor), or a crash between them would count an event twice.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addReceptions(List<DailyReceptionCount> counts) {
        jdbc.prepareStatement(
                "INSERT INTO daily_reception (unit_code, local_date, received) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE received = received + VALUES(received)",
                ps -> {
                    for (DailyReceptionCount c : counts) {
                        ps.setString(1, c.unitCode());
                        ps.setObject(2, c.date());
                        ps.setLong(3, c.received());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

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

    /** Daily counts of {@code rootUnit} and every unit recorded below it, ordered by date, then unit. */
    @Transactional(readOnly = true)
    public List<DailyReceptionCount> countsWithin(String rootUnit, LocalDate from, LocalDate to) {
        return jdbc.prepareStatement(
                "SELECT d.unit_code, d.local_date, d.received FROM daily_reception d"
                        + " JOIN unit_ancestor a ON a.unit_code = d.unit_code AND a.ancestor_code = ?"
                        + " WHERE d.local_date BETWEEN ? AND ? ORDER BY d.local_date, d.unit_code",
                ps -> {
                    ps.setString(1, rootUnit);
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                    List<DailyReceptionCount> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new DailyReceptionCount(
                                    rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)));
                        }
                    }
                    return rows;
                });
    }
}
