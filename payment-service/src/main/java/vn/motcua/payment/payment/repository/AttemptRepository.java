package vn.motcua.payment.payment.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.payment.payment.domain.Attempt;
import vn.motcua.payment.payment.domain.PaymentState;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Online attempts ({@code payment_attempt}). Column names and the 'SUCCESS' value are read by reconciliation.
 * Attempts change only while their payment's row is locked, so a callback and the sweep never race on one.
 */
@Singleton
public class AttemptRepository {

    private final JdbcOperations jdbc;

    public AttemptRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Attempt a) {
        jdbc.prepareStatement(
                "INSERT INTO payment_attempt (order_ref, payment_id, attempt_no, state, amount_dong, transaction_no,"
                        + " return_url, redirect_url, started_at, expire_at, submitted_at, settled_at, response_code)"
                        + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, NULL, NULL)",
                ps -> {
                    ps.setString(1, a.orderRef());
                    ps.setString(2, a.paymentId());
                    ps.setInt(3, a.attemptNo());
                    ps.setString(4, a.state().name());
                    ps.setLong(5, a.amountDong());
                    ps.setString(6, a.returnUrl());
                    ps.setString(7, a.redirectUrl());
                    UtcTimestamps.bind(ps, 8, a.startedAt());
                    UtcTimestamps.bind(ps, 9, a.expireAt());
                    return ps.executeUpdate();
                });
    }

    public Optional<Attempt> find(String orderRef) {
        return jdbc.prepareStatement("SELECT * FROM payment_attempt WHERE order_ref = ?", ps -> {
            ps.setString(1, orderRef);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /** The attempt, row-locked and read as last committed (call after locking its payment). */
    public Optional<Attempt> lock(String orderRef) {
        return jdbc.prepareStatement("SELECT * FROM payment_attempt WHERE order_ref = ? FOR UPDATE", ps -> {
            ps.setString(1, orderRef);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /** The attempt that paid the payment (the first SUCCESS), for refunds through the provider. */
    public Optional<Attempt> paidAttempt(String paymentId) {
        return jdbc.prepareStatement(
                "SELECT * FROM payment_attempt WHERE payment_id = ? AND state = 'SUCCESS' ORDER BY attempt_no LIMIT 1",
                ps -> {
                    ps.setString(1, paymentId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                    }
                });
    }

    /**
     * Moves an attempt out of the state it was read in. Conditional on that state: with the payment row locked it
     * always matches, and should a caller ever forget the lock, a second writer updates nothing instead of settling
     * the attempt twice.
     *
     * @return false when the attempt was no longer in {@code from}
     */
    public boolean update(Attempt a, PaymentState from) {
        return jdbc.prepareStatement(
                        "UPDATE payment_attempt SET state = ?, transaction_no = ?, submitted_at = ?, settled_at = ?,"
                                + " response_code = ? WHERE order_ref = ? AND state = ?",
                        ps -> {
                            ps.setString(1, a.state().name());
                            ps.setString(2, a.transactionNo());
                            UtcTimestamps.bind(ps, 3, a.submittedAt());
                            UtcTimestamps.bind(ps, 4, a.settledAt());
                            ps.setString(5, a.responseCode());
                            ps.setString(6, a.orderRef());
                            ps.setString(7, from.name());
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /**
     * The provider's transaction and code of a success that arrived for an attempt already closed, without changing
     * its state: the attempt stays settled as it was, the row only remembers what the provider says it collected so
     * that reconciliation and the refunding officer see it. Conditional on the state like {@link #update}.
     */
    public boolean recordLateOutcome(String orderRef, PaymentState state, String transactionNo, String responseCode) {
        return jdbc.prepareStatement(
                        "UPDATE payment_attempt SET transaction_no = COALESCE(?, transaction_no), response_code = ?"
                                + " WHERE order_ref = ? AND state = ?",
                        ps -> {
                            ps.setString(1, transactionNo);
                            ps.setString(2, responseCode);
                            ps.setString(3, orderRef);
                            ps.setString(4, state.name());
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** Open attempts (STARTED, SUBMITTED) past the provider's window, oldest first: the sweep asks the provider. */
    public List<Attempt> openPast(Instant now, int limit) {
        return jdbc.prepareStatement(
                "SELECT * FROM payment_attempt WHERE state IN ('STARTED', 'SUBMITTED') AND expire_at < ?"
                        + " ORDER BY expire_at LIMIT ?",
                ps -> {
                    UtcTimestamps.bind(ps, 1, now);
                    ps.setInt(2, limit);
                    List<Attempt> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(map(rs));
                        }
                    }
                    return out;
                });
    }

    private static Attempt map(ResultSet rs) throws SQLException {
        return new Attempt(
                rs.getString("order_ref"),
                rs.getString("payment_id"),
                rs.getInt("attempt_no"),
                PaymentState.valueOf(rs.getString("state")),
                rs.getLong("amount_dong"),
                rs.getString("transaction_no"),
                rs.getString("return_url"),
                rs.getString("redirect_url"),
                UtcTimestamps.read(rs, "started_at"),
                UtcTimestamps.read(rs, "expire_at"),
                UtcTimestamps.read(rs, "submitted_at"),
                UtcTimestamps.read(rs, "settled_at"),
                rs.getString("response_code"));
    }
}
