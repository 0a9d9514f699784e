package vn.motcua.dossier.dossier.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * The payment requests made for dossiers' financial obligations (table dossier_payment_request) and the outcome of
 * their payment.paid events. Callers hold the transaction.
 */
@Singleton
public class PaymentRequestRepository {

    private final JdbcOperations jdbc;

    public PaymentRequestRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers the payment request of the obligation just required. payment-service answers the same payment for a
     * retried request id, so a row that is already there is left as it is.
     */
    public void recordRequested(String paymentId, String dossierCode, String requestId, long amountDong, Instant at) {
        if (find(paymentId).isPresent()) {
            return;
        }
        jdbc.prepareStatement(
                "INSERT INTO dossier_payment_request (payment_id, dossier_code, request_id, amount_dong, requested_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, paymentId);
                    ps.setString(2, dossierCode);
                    ps.setString(3, requestId);
                    ps.setLong(4, amountDong);
                    UtcTimestamps.bind(ps, 5, at);
                    return ps.executeUpdate();
                });
    }

    public Optional<StoredPaymentRequest> find(String paymentId) {
        return jdbc.prepareStatement("SELECT * FROM dossier_payment_request WHERE payment_id = ?", ps -> {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /** The dossier's latest payment request: the one of the obligation it awaits, if it awaits one. */
    public Optional<StoredPaymentRequest> latestFor(String dossierCode) {
        return jdbc.prepareStatement(
                "SELECT * FROM dossier_payment_request WHERE dossier_code = ?" + " ORDER BY id DESC LIMIT 1", ps -> {
                    ps.setString(1, dossierCode);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                    }
                });
    }

    /** Records what the payment.paid event of a payment request did (or why it did nothing). */
    public void settle(String paymentId, String eventId, String receiptNumber, String outcome, Instant at) {
        jdbc.prepareStatement(
                "UPDATE dossier_payment_request SET paid_event_id = ?, receipt_number = ?, outcome = ?,"
                        + " settled_at = ? WHERE payment_id = ?",
                ps -> {
                    ps.setString(1, eventId);
                    ps.setString(2, receiptNumber);
                    ps.setString(3, outcome);
                    UtcTimestamps.bind(ps, 4, at);
                    ps.setString(5, paymentId);
                    return ps.executeUpdate();
                });
    }

    private static StoredPaymentRequest map(ResultSet rs) throws java.sql.SQLException {
        return new StoredPaymentRequest(
                rs.getString("payment_id"),
                rs.getString("dossier_code"),
                rs.getString("request_id"),
                rs.getLong("amount_dong"),
                UtcTimestamps.read(rs, "requested_at"),
                rs.getString("outcome"),
                rs.getString("receipt_number"));
    }

    /** @param outcome null until its payment.paid event arrived */
    public record StoredPaymentRequest(
            String paymentId,
            String dossierCode,
            String requestId,
            long amountDong,
            Instant requestedAt,
            String outcome,
            String receiptNumber) {}
}
