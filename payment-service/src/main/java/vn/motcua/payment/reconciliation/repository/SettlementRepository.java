package vn.motcua.payment.reconciliation.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.payment.common.Vietnam;
import vn.motcua.payment.reconciliation.domain.SettlementLine;
import vn.motcua.platform.db.UtcTimestamps;

/** Imported settlement files: one header row per unit and day, and its lines. */
@Singleton
public class SettlementRepository {

    private final JdbcOperations jdbc;

    public SettlementRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the unit's day with these lines. Upserts the header row first: it locks the day, so two imports of
     * the same day run one after the other and the lines of the later one win whole.
     */
    public void replace(
            String unitCode,
            LocalDate date,
            List<SettlementLine> lines,
            String fileSha256,
            String importedBy,
            Instant now) {
        jdbc.prepareStatement(
                "INSERT INTO settlement_import (unit_code, settlement_date, line_count, file_sha256, imported_by,"
                        + " imported_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " line_count = VALUES(line_count), file_sha256 = VALUES(file_sha256),"
                        + " imported_by = VALUES(imported_by), imported_at = VALUES(imported_at)",
                ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, date.toString());
                    ps.setInt(3, lines.size());
                    ps.setString(4, fileSha256);
                    ps.setString(5, importedBy);
                    UtcTimestamps.bind(ps, 6, now);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM settlement_line WHERE unit_code = ? AND settlement_date = ?", ps -> {
            ps.setString(1, unitCode);
            ps.setString(2, date.toString());
            return ps.executeUpdate();
        });
        if (lines.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "INSERT INTO settlement_line (unit_code, settlement_date, line_no, order_ref, transaction_no,"
                        + " amount_dong, currency, paid_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    for (SettlementLine line : lines) {
                        ps.setString(1, unitCode);
                        ps.setString(2, date.toString());
                        ps.setInt(3, line.line());
                        ps.setString(4, line.orderRef());
                        ps.setString(5, line.transactionNo());
                        ps.setLong(6, line.amountDong());
                        ps.setString(7, line.currency());
                        UtcTimestamps.bind(
                                ps, 8, line.payDate().atZone(Vietnam.ZONE).toInstant());
                        ps.setString(9, line.status());
                        ps.addBatch();
                    }
                    return ps.executeBatch().length;
                });
    }

    public boolean imported(String unitCode, LocalDate date) {
        return jdbc.prepareStatement(
                "SELECT 1 FROM settlement_import WHERE unit_code = ? AND settlement_date = ?", ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, date.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                });
    }

    /** The day's lines in file order. */
    public List<SettlementLine> lines(String unitCode, LocalDate date) {
        return jdbc.prepareStatement(
                "SELECT * FROM settlement_line WHERE unit_code = ? AND settlement_date = ? ORDER BY line_no", ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, date.toString());
                    List<SettlementLine> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new SettlementLine(
                                    rs.getInt("line_no"),
                                    rs.getString("order_ref"),
                                    rs.getString("transaction_no"),
                                    rs.getLong("amount_dong"),
                                    rs.getString("currency"),
                                    UtcTimestamps.read(rs, "paid_at")
                                            .atZone(Vietnam.ZONE)
                                            .toLocalDateTime(),
                                    rs.getString("status")));
                        }
                    }
                    return out;
                });
    }
}
