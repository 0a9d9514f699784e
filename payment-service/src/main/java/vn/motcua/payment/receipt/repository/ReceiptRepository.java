package vn.motcua.payment.receipt.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Receipts and the per-unit yearly counters. {@link #nextSeq} locks the counter row until the paying transaction
 * ends: two payments of one unit and year take numbers one after the other, and a rolled-back payment gives its
 * number back, so the series has no gaps and no duplicates.
 */
@Singleton
public class ReceiptRepository {

    private final JdbcOperations jdbc;

    public ReceiptRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the unit's series for the year, creating the series at 1. The upsert takes the counter
     * row's lock (a concurrent first payment waits on the key and then increments), held until the paying
     * transaction ends. MariaDB, MySQL and H2's MySQL mode accept the statement.
     */
    public long nextSeq(String unitCode, int year) {
        jdbc.prepareStatement(
                "INSERT INTO receipt_counter (unit_code, receipt_year, last_seq) VALUES (?, ?, 1)"
                        + " ON DUPLICATE KEY UPDATE last_seq = last_seq + 1",
                ps -> {
                    ps.setString(1, unitCode);
                    ps.setInt(2, year);
                    return ps.executeUpdate();
                });
        return jdbc.prepareStatement(
                "SELECT last_seq FROM receipt_counter WHERE unit_code = ? AND receipt_year = ?", ps -> {
                    ps.setString(1, unitCode);
                    ps.setInt(2, year);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    public void insert(Receipt r) {
        jdbc.prepareStatement(
                "INSERT INTO receipt (number, payment_id, unit_code, receipt_year, seq, check_code, amount_dong,"
                        + " issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, r.number());
                    ps.setString(2, r.paymentId());
                    ps.setString(3, r.unitCode());
                    ps.setInt(4, r.year());
                    ps.setLong(5, r.seq());
                    ps.setString(6, r.checkCode());
                    ps.setLong(7, r.amountDong());
                    UtcTimestamps.bind(ps, 8, r.issuedAt());
                    return ps.executeUpdate();
                });
    }

    public Optional<Receipt> ofPayment(String paymentId) {
        return one("SELECT * FROM receipt WHERE payment_id = ?", paymentId);
    }

    public Optional<Receipt> byNumber(String number) {
        return one("SELECT * FROM receipt WHERE number = ?", number);
    }

    private Optional<Receipt> one(String sql, String key) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    private static Receipt map(ResultSet rs) throws SQLException {
        return new Receipt(
                rs.getString("number"),
                rs.getString("payment_id"),
                rs.getString("unit_code"),
                rs.getInt("receipt_year"),
                rs.getLong("seq"),
                rs.getString("check_code"),
                rs.getLong("amount_dong"),
                UtcTimestamps.read(rs, "issued_at"));
    }
}
