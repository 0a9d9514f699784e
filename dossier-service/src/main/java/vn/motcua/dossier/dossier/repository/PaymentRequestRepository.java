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

    /**
     * The request id of a row that a payment.paid event created before any workflow transaction recorded the payment
     * request (that transaction failed after payment-service created it): the column is NOT NULL, and no workflow
     * request id is empty.
     */
    static final String NOT_RECORDED = "";

    private final JdbcOperations jdbc;

    public PaymentRequestRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers the payment request of the obligation just required. payment-service answers the same payment for a
     * retried request id, so a row a workflow transaction already recorded is left as it is. A row that only its
     * payment.paid event wrote (see {@link #recordPaidBeforeRequested}) is completed instead, and the answer says the
     * payment is already paid: the caller must meet the obligation now, as no other paid event will come.
     *
     * @return true when the payment was paid before this record
     */
    public boolean recordRequested(
            String paymentId, String dossierCode, String requestId, long amountDong, Instant at) {
        Optional<StoredPaymentRequest> existing = find(paymentId);
        if (existing.isPresent()) {
            if (!NOT_RECORDED.equals(existing.get().requestId())) {
                return false;
            }
            jdbc.prepareStatement(
                    "UPDATE dossier_payment_request SET dossier_code = ?, request_id = ?, amount_dong = ?,"
                            + " requested_at = ? WHERE payment_id = ?",
                    ps -> {
                        ps.setString(1, dossierCode);
                        ps.setString(2, requestId);
                        ps.setLong(3, amountDong);
                        UtcTimestamps.bind(ps, 4, at);
                        ps.setString(5, paymentId);
                        return ps.executeUpdate();
                    });
            return true;
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
        return false;
    }

    public Optional<StoredPaymentRequest> find(String paymentId) {
        return jdbc.prepareStatement("SELECT * FROM dossier_payment_request WHERE payment_id = ?", ps -> {
            ps.setString(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    /**
     * The dossier's latest payment request: the one of the obligation it awaits, if it awaits one. A row only a paid
     * event wrote is no request of the dossier's (yet), so it never stands in for the one awaited.
     */
    public Optional<StoredPaymentRequest> latestFor(String dossierCode) {
        return jdbc.prepareStatement(
                "SELECT * FROM dossier_payment_request WHERE dossier_code = ? AND request_id <> ''"
                        + " ORDER BY id DESC LIMIT 1",
                ps -> {
                    ps.setString(1, dossierCode);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                    }
                });
    }

    /**
     * Records what the payment.paid event of a payment request did (or why it did nothing). The row must exist: an
     * update of none would mark the event consumed with its outcome lost (see {@link #recordPaidBeforeRequested}).
     */
    public void settle(String paymentId, String eventId, String receiptNumber, String outcome, Instant at) {
        int updated = jdbc.prepareStatement(
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
        if (updated != 1) {
            throw new IllegalStateException("no payment request " + paymentId + " to settle");
        }
    }

    /**
     * Keeps the payment.paid event of a payment this service has no row for: the workflow transaction that was to
     * record it failed after payment-service created it. The officer's retry gets the same payment back, and
     * {@link #recordRequested} then finds the payment paid; without this row the only paid event would have been
     * consumed for nothing and the dossier would await the payment forever.
     */
    public void recordPaidBeforeRequested(
            String paymentId, String dossierCode, String eventId, String receiptNumber, String outcome, Instant at) {
        jdbc.prepareStatement(
                "INSERT INTO dossier_payment_request (payment_id, dossier_code, request_id, amount_dong, requested_at,"
                        + " paid_event_id, receipt_number, outcome, settled_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, paymentId);
                    ps.setString(2, dossierCode);
                    ps.setString(3, NOT_RECORDED);
                    UtcTimestamps.bind(ps, 4, at);
                    ps.setString(5, eventId);
                    ps.setString(6, receiptNumber);
                    ps.setString(7, outcome);
                    UtcTimestamps.bind(ps, 8, at);
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
                rs.getString("receipt_number"),
                rs.getString("paid_event_id"));
    }

    /**
     * @param outcome     null until its payment.paid event arrived
     * @param paidEventId null until its payment.paid event arrived
     */
    public record StoredPaymentRequest(
            String paymentId,
            String dossierCode,
            String requestId,
            long amountDong,
            Instant requestedAt,
            String outcome,
            String receiptNumber,
            String paidEventId) {}
}
